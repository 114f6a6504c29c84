package actors

import "testing"

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
		if !d.firsts.May(k) {
			t.Errorf("May(%q) = false for a first key", k)
		}
	}
	text := []string{"the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "with", "said", "talks",
		"demands", "security", "guarantees", "would", "not", "be", "prepared", "war", "peace", "ceasefire"}
	passed := 0
	for _, w := range text {
		if d.firsts.May(w) {
			passed++
		}
	}
	if passed > len(text)/4 {
		t.Errorf("%d of %d common words pass the filter", passed, len(text))
	}
}

// BenchmarkNew measures compiling the embedded dictionary, which every run
// waits for before its first document.
func BenchmarkNew(b *testing.B) {
	entries, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(entries); err != nil {
			b.Fatal(err)
		}
	}
}
