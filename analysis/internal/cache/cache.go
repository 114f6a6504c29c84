// Package cache provides the bounded memo the analysis keeps of words and
// chunks of text it has worked out.
package cache

// A Cache maps keys to values, holding at most twice its size. Entries
// live in two generations: when the current one is full, it becomes the
// old one and the entries of the old one are dropped, but for those
// looked up again meanwhile, which move to the current one. A corpus
// has more distinct words than a cache holds; this way the frequent ones
// stay, where emptying a full cache lost them all. A Cache is not safe
// for concurrent use.
type Cache[K comparable, V any] struct {
	cur, old map[K]V
	size     int
}

// New returns an empty Cache of the given size (at least 1).
func New[K comparable, V any](size int) *Cache[K, V] {
	size = max(size, 1)
	return &Cache[K, V]{cur: make(map[K]V, size), old: make(map[K]V), size: size}
}

// Get returns the value of k and whether there is one.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	v, ok := c.old[k]
	if ok {
		c.Put(k, v)
	}
	return v, ok
}

// Put sets the value of k. The key is kept: a string must not be part of
// a larger one that is not otherwise kept.
func (c *Cache[K, V]) Put(k K, v V) {
	if len(c.cur) >= c.size {
		c.old, c.cur = c.cur, c.old
		clear(c.cur)
	}
	c.cur[k] = v
}

// Len returns the number of entries held.
func (c *Cache[K, V]) Len() int { return len(c.cur) + len(c.old) }
