package actors

// A keyFilter rules out most keys before a lookup in the trie's root.
// The root holds the first keys of a few thousand aliases, and most
// tokens start none: a map lookup hashes the key and probes memory, where
// the filter reads three bytes of the key and one word of a table small
// enough to stay in the processor's cache. It holds, for the keys added,
// which lengths occur with each pair of first and last bytes (folded into
// 1024 slots): may(k) is true for every key added and false for most
// others. The zero keyFilter is empty.
type keyFilter [1024]uint64

// slot returns the table index and length bit of k.
func (*keyFilter) slot(k string) (int, uint64) {
	if k == "" {
		return 0, 1
	}
	i := (int(k[0])*131 + int(k[len(k)-1])) & 1023
	return i, 1 << min(len(k), 63)
}

func (f *keyFilter) add(k string) {
	i, b := f.slot(k)
	f[i] |= b
}

// may reports whether k may have been added: false means it was not.
func (f *keyFilter) may(k string) bool {
	i, b := f.slot(k)
	return f[i]&b != 0
}
