package cache

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestCache(t *testing.T) {
	c := New[int](3)
	for i, k := range []string{"a", "b", "c", "d"} {
		c.Put(k, i)
	}
	// Putting "d" turned the generation over: a, b and c are old. "a" is
	// used again, so it moves to the current generation; "b" is not.
	if v, ok := c.Get("a"); !ok || v != 0 {
		t.Fatalf(`Get("a") = %d, %v`, v, ok)
	}
	c.Put("e", 4)
	c.Put("f", 5) // turns over again: d, a and e are old; b and c gone
	for _, tt := range []struct {
		key string
		val int
		ok  bool
	}{{"a", 0, true}, {"b", 0, false}, {"c", 0, false}, {"d", 3, true}, {"f", 5, true}, {"zz", 0, false}} {
		if v, ok := c.Get(tt.key); ok != tt.ok || v != tt.val {
			t.Errorf("Get(%q) = %d, %v; want %d, %v", tt.key, v, ok, tt.val, tt.ok)
		}
	}
	if n := c.Len(); n > 6 {
		t.Errorf("Len() = %d, more than twice the size", n)
	}
}

func TestCacheStaysBounded(t *testing.T) {
	c := New[int](100)
	for i := range 10000 {
		c.Put(fmt.Sprint(i), i)
		if i%3 == 0 {
			c.Get(fmt.Sprint(i / 2))
		}
		if c.Len() > 200 {
			t.Fatalf("after %d keys the cache holds %d, more than twice its size", i+1, c.Len())
		}
		if n := max(len(c.cur.slots), len(c.old.slots)); n > maxSlots(100) {
			t.Fatalf("after %d keys a table has %d slots, more than %d", i+1, n, maxSlots(100))
		}
	}
	// The most recent keys are held.
	for i := 9990; i < 10000; i++ {
		if v, ok := c.Get(fmt.Sprint(i)); !ok || v != i {
			t.Errorf("Get(%d) = %d, %v", i, v, ok)
		}
	}
}

// model is the Cache's behaviour written with maps.
type model struct {
	cur, old map[string]int
	size     int
}

func (m *model) get(k string) (int, bool) {
	if v, ok := m.cur[k]; ok {
		return v, true
	}
	v, ok := m.old[k]
	if ok {
		m.put(k, v)
	}
	return v, ok
}

func (m *model) put(k string, v int) {
	if len(m.cur) >= m.size {
		m.old, m.cur = m.cur, make(map[string]int)
	}
	m.cur[k] = v
}

// The slots behave as maps would: keys short and long, of one byte and of
// exactly a slot's length, empty, overwritten, with many collisions in
// small tables, through growth and turnovers.
func TestCacheAgreesWithMaps(t *testing.T) {
	keys := []string{"", "a", "ab", strings.Repeat("x", inlineKey), strings.Repeat("x", inlineKey+1),
		strings.Repeat("y", 100), "café", "\x00", "\x00\x00"}
	for i := range 200 {
		keys = append(keys, fmt.Sprintf("w%d", i), fmt.Sprintf("a long key, past the slot's length, %d", i))
	}
	for _, size := range []int{1, 2, 7, 16, 50, 1000} {
		r := rand.New(rand.NewPCG(uint64(size), 1))
		c := New[int](size)
		m := &model{cur: map[string]int{}, old: map[string]int{}, size: size}
		for op := range 20000 {
			k := keys[r.IntN(len(keys))]
			if r.IntN(3) == 0 {
				c.Put(k, op)
				m.put(k, op)
				continue
			}
			c.Prefetch(c.Hash(keys[r.IntN(len(keys))])) // changes nothing
			v, ok := c.Get(k)
			mv, mok := m.get(k)
			if v != mv || ok != mok {
				t.Fatalf("size %d, op %d: Get(%q) = %d, %v; want %d, %v", size, op, k, v, ok, mv, mok)
			}
			if n, mn := c.Len(), len(m.cur)+len(m.old); n != mn {
				t.Fatalf("size %d, op %d: Len() = %d, want %d", size, op, n, mn)
			}
		}
	}
}

func BenchmarkCacheGet(b *testing.B) {
	const n = 30000
	keys := make([]string, n)
	c := New[int](1 << 15)
	for i := range keys {
		keys[i] = fmt.Sprintf("word%d", i*7919%n)
		c.Put(keys[i], i)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c.Get(keys[i*31%n])
	}
}

// TestNextGenerationAtFullSize checks that once a generation is full the
// next one's table is made at the size the first grew to, at once.
func TestNextGenerationAtFullSize(t *testing.T) {
	c := New[int](100)
	for i := range 101 {
		c.Put(strconv.Itoa(i), i)
	}
	if len(c.old.slots) != maxSlots(100) || len(c.cur.slots) != len(c.old.slots) {
		t.Errorf("tables of %d and %d slots, want both %d", len(c.old.slots), len(c.cur.slots), maxSlots(100))
	}
	for i := range 101 {
		if v, ok := c.Get(strconv.Itoa(i)); !ok || v != i {
			t.Errorf("Get(%d) = %d, %v", i, v, ok)
		}
	}
}
