package keyfilter

import "testing"

func TestFilter(t *testing.T) {
	var f Filter
	members := []string{"", "a", "axis", "Russia", "al-Qaeda", "27-nation", string(make([]byte, 100))}
	for _, k := range members {
		f.Add(k)
	}
	for _, k := range members {
		if !f.May(k) {
			t.Errorf("May(%q) = false for a member", k)
		}
	}
	// Keys that differ in length, or in their first or last byte, from
	// every member are ruled out.
	for _, k := range []string{"b", "axe", "Russian", "russia", "Russie", "the", "of"} {
		if f.May(k) {
			t.Errorf("May(%q) = true for a key no member resembles", k)
		}
	}
	var empty Filter
	if empty.May("") || empty.May("x") {
		t.Error("the zero Filter holds keys")
	}
}
