package actors

import "testing"

func TestKeyFilter(t *testing.T) {
	var f keyFilter
	members := []string{"", "a", "axis", "Russia", "al-Qaeda", "27-nation", string(make([]byte, 100))}
	for _, k := range members {
		f.add(k)
	}
	for _, k := range members {
		if !f.may(k) {
			t.Errorf("may(%q) = false for a member", k)
		}
	}
	// Keys that differ in length, or in their first or last byte, from
	// every member are ruled out.
	for _, k := range []string{"b", "axe", "Russian", "russia", "Russie", "the", "of"} {
		if f.may(k) {
			t.Errorf("may(%q) = true for a key no member resembles", k)
		}
	}
	var empty keyFilter
	if empty.may("") || empty.may("x") {
		t.Error("the zero keyFilter holds keys")
	}
}

// The default dictionary's filter passes every first key of its aliases
// and rules out most words of running text.
func TestKeyFilterOfDictionary(t *testing.T) {
	entries, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := New(entries)
	if err != nil {
		t.Fatal(err)
	}
	for k := range d.root.next {
		if !d.firsts.may(k) {
			t.Errorf("may(%q) = false for a first key", k)
		}
	}
	text := []string{"the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "with", "said", "talks",
		"demands", "security", "guarantees", "would", "not", "be", "prepared", "war", "peace", "ceasefire"}
	passed := 0
	for _, w := range text {
		if d.firsts.may(w) {
			passed++
		}
	}
	if passed > len(text)/4 {
		t.Errorf("%d of %d common words pass the filter", passed, len(text))
	}
}
