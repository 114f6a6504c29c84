package cache

import "testing"

func TestCache(t *testing.T) {
	c := New[string, int](3)
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
	c := New[int, int](100)
	for i := range 10000 {
		c.Put(i, i)
		if i%3 == 0 {
			c.Get(i / 2)
		}
		if c.Len() > 200 {
			t.Fatalf("after %d keys the cache holds %d, more than twice its size", i+1, c.Len())
		}
	}
	// The most recent keys are held.
	for i := 9990; i < 10000; i++ {
		if v, ok := c.Get(i); !ok || v != i {
			t.Errorf("Get(%d) = %d, %v", i, v, ok)
		}
	}
}
