// Package cache provides the bounded memo the analysis keeps of words and
// chunks of text it has worked out.
package cache

import (
	"hash/maphash"
	"unsafe"

	"github.com/standpoint/standpoint/analysis/internal/prefetch"
)

// A Cache maps strings to values, holding at most twice its size. Entries
// live in two generations: when the current one is full, it becomes the
// old one and the entries of the old one are dropped, but for those
// looked up again meanwhile, which move to the current one. A corpus
// has more distinct words than a cache holds; this way the frequent ones
// stay, where emptying a full cache lost them all.
//
// Keys of up to 23 bytes, nearly all words and chunks of text, are held in
// the table's slots themselves, so a lookup reads one slot. A Go map of
// strings reads a control word, a slot and the key's bytes elsewhere in
// memory: on the tokenizer's cache of some 30,000 chunks, three cache
// misses per word of text. Longer keys go to a map.
//
// A Cache is not safe for concurrent use.
type Cache[V any] struct {
	cur, old table[V]
	size     int
	seed     maphash.Seed
}

// New returns an empty Cache of the given size (at least 1).
func New[V any](size int) *Cache[V] {
	return &Cache[V]{size: max(size, 1), seed: maphash.MakeSeed()}
}

// Get returns the value of k and whether there is one.
func (c *Cache[V]) Get(k string) (V, bool) { return c.GetHashed(c.hash(k), k) }

// Hash returns the hash of k, for GetHashed and Prefetch: a caller that
// looks up many keys in a row can ask for the slot of a key some lookups
// before it gets there, so that the memory reads overlap.
func (c *Cache[V]) Hash(k string) uint64 { return c.hash(k) }

// GetHashed is Get of k, whose Hash is h.
func (c *Cache[V]) GetHashed(h uint64, k string) (V, bool) {
	if v, ok := c.cur.get(h, k); ok {
		return v, true
	}
	v, ok := c.old.get(h, k)
	if ok {
		c.put(h, k, v)
	}
	return v, ok
}

// Prefetch asks for the slot where a key of Hash h goes, so that a lookup
// soon after finds it in the processor's cache.
func (c *Cache[V]) Prefetch(h uint64) {
	if n := len(c.cur.slots); n > 0 {
		s := &c.cur.slots[h&uint64(n-1)]
		// A slot may straddle two cache lines.
		prefetch.Line(unsafe.Pointer(&s.n))
		prefetch.Line(unsafe.Pointer(&s.val))
	}
}

// Put sets the value of k. A key longer than a slot holds is kept: it
// must not be part of a larger string that is not otherwise kept.
func (c *Cache[V]) Put(k string, v V) { c.put(c.hash(k), k, v) }

// hash returns the hash of a key a slot holds; longer keys go to a map,
// which hashes them itself.
func (c *Cache[V]) hash(k string) uint64 {
	if len(k) > inlineKey {
		return 0
	}
	return maphash.String(c.seed, k)
}

func (c *Cache[V]) put(h uint64, k string, v V) {
	if c.cur.len() >= c.size {
		c.old, c.cur = c.cur, c.old
		c.cur.clear()
		// A cache that has filled one generation fills the next: its
		// table is made at once at the size the first grew to, not grown
		// step by step through tables that are garbage at once.
		if len(c.cur.slots) == 0 {
			c.cur.slots = newSlots[V](len(c.old.slots))
		}
	}
	c.cur.set(c.seed, c.size, h, k, v)
}

// Len returns the number of entries held.
func (c *Cache[V]) Len() int { return c.cur.len() + c.old.len() }

// inlineKey is the longest key a slot holds.
const inlineKey = 23

// A table is one generation: open addressing with linear probing, at most
// half full, for short keys; a map for long ones.
type table[V any] struct {
	slots []slot[V] // a power of two of them, or none yet
	used  int       // slots in use
	long  map[string]V
}

type slot[V any] struct {
	n   uint8 // length of the key plus one; 0 when the slot is empty
	key [inlineKey]byte
	val V
}

func (t *table[V]) len() int { return t.used + len(t.long) }

func (t *table[V]) get(h uint64, k string) (V, bool) {
	if len(k) > inlineKey {
		v, ok := t.long[k]
		return v, ok
	}
	if len(t.slots) > 0 {
		if s := t.probe(h, k); s.n != 0 {
			return s.val, true
		}
	}
	var zero V
	return zero, false
}

// probe returns the slot that holds k, or the empty slot where k goes.
// The slots are at most half full, so there is one.
func (t *table[V]) probe(h uint64, k string) *slot[V] {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 || int(s.n) == len(k)+1 && string(s.key[:len(k)]) == k {
			return s
		}
	}
}

func (t *table[V]) set(seed maphash.Seed, size int, h uint64, k string, v V) {
	if len(k) > inlineKey {
		if t.long == nil {
			t.long = make(map[string]V)
		}
		t.long[k] = v
		return
	}
	if 2*(t.used+1) > len(t.slots) {
		t.grow(seed, size)
	}
	t.insert(h, k, v)
}

// insert sets k in the slots, which have room.
func (t *table[V]) insert(h uint64, k string, v V) {
	s := t.probe(h, k)
	if s.n == 0 {
		s.n = uint8(len(k) + 1)
		copy(s.key[:], k)
		t.used++
	}
	s.val = v
}

// grow makes room for more slots, for at most size entries at half load.
// They start at 16, so that a cache costs little until it is used, and
// grow fourfold: the tables outgrown are garbage, a third of the last.
func (t *table[V]) grow(seed maphash.Seed, size int) {
	old := t.slots
	n := 16
	if len(old) > 0 {
		n = min(4*len(old), maxSlots(size))
	}
	t.slots = newSlots[V](n)
	t.used = 0
	for i := range old {
		if s := &old[i]; s.n != 0 {
			k := string(s.key[:s.n-1])
			t.insert(maphash.String(seed, k), k, s.val)
		}
	}
}

// newSlots returns n empty slots, written once. Fresh memory from the
// system reads as a shared page of zeros until first written: the slots a
// lookup read before an insert wrote them took two page faults, the
// second a copy after which, with the threads of a run on two processors,
// the kernel flushes the other processor's address translations.
func newSlots[V any](n int) []slot[V] {
	s := make([]slot[V], n)
	clear(s)
	return s
}

// clear empties the table and keeps its slots.
func (t *table[V]) clear() {
	clear(t.slots)
	clear(t.long)
	t.used = 0
}

// maxSlots is the number of slots a table of size entries grows to: the
// power of two that keeps it at most half full.
func maxSlots(size int) int {
	n := 16
	for n < 2*size {
		n *= 2
	}
	return n
}
