// Package keyfilter rules out most strings before a lookup in a small set
// of keys, such as the first words of a dictionary's aliases.
package keyfilter

// A Filter rules out most keys before a lookup in a set of a few thousand
// keys, which most words of running text are not: a map lookup hashes the
// key and probes memory, where the filter reads three bytes of the key and
// one word of a table small enough to stay in the processor's cache. It
// holds, for the keys added, which lengths occur with each pair of first
// and last bytes (folded into 1024 slots): May(k) is true for every key
// added and false for most others. The zero Filter is empty.
type Filter [1024]uint64

// slot returns the table index and length bit of k.
func (*Filter) slot(k string) (int, uint64) {
	if k == "" {
		return 0, 1
	}
	i := (int(k[0])*131 + int(k[len(k)-1])) & 1023
	return i, 1 << min(len(k), 63)
}

// Add adds k.
func (f *Filter) Add(k string) {
	i, b := f.slot(k)
	f[i] |= b
}

// May reports whether k may have been added: false means it was not.
func (f *Filter) May(k string) bool {
	i, b := f.slot(k)
	return f[i]&b != 0
}
