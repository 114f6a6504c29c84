package tag

import (
	"math/rand/v2"
	"testing"
)

func TestClassWeight(t *testing.T) {
	for _, tt := range []struct {
		class  uint8
		weight int32
	}{{0, 0}, {0, 1}, {63, -1}, {63, maxWeight - 1}, {7, -(maxWeight - 1)}, {255, 3 * (maxWeight - 1)}, {1, -3 * (maxWeight - 1)}} {
		cw := newClassWeight(tt.class, tt.weight)
		if cw.class() != tt.class || cw.weight() != tt.weight {
			t.Errorf("newClassWeight(%d, %d) unpacks to %d, %d", tt.class, tt.weight, cw.class(), cw.weight())
		}
	}
}

// TestSum checks sum against adding the lists class by class, on random
// lists whose weights often cancel.
func TestSum(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	list := func() weights {
		var w weights
		for c := range uint8(maxClasses) {
			if r.IntN(4) == 0 {
				w.list = append(w.list, newClassWeight(c, int32(r.IntN(7)-3)))
				w.mask |= 1 << c
			}
		}
		return w
	}
	for range 2000 {
		ws := make([]weights, r.IntN(4))
		for i := range ws {
			ws[i] = list()
		}
		var want [maxClasses]int32
		var mask uint64
		for _, w := range ws {
			for _, cw := range w.list {
				want[cw.class()] += cw.weight()
			}
			mask |= w.mask
		}
		got := sum(ws...)
		if got.mask != mask {
			t.Fatalf("sum of %v: mask %x, want %x", ws, got.mask, mask)
		}
		n := 0
		for c := range maxClasses {
			if mask&(1<<c) == 0 {
				continue
			}
			if n >= len(got.list) || int(got.list[n].class()) != c || got.list[n].weight() != want[c] {
				t.Fatalf("sum of %v = %v: class %d should be entry %d with weight %d", ws, got.list, c, n, want[c])
			}
			n++
		}
		if n != len(got.list) {
			t.Fatalf("sum of %v = %v: %d entries, want %d", ws, got.list, len(got.list), n)
		}
	}
}

// TestDecodeModelRejectsBadLists checks that the decoder refuses weight
// lists out of order or out of range, which would break the bounds that
// packing a class and its weight in one word relies on.
func TestDecodeModelRejectsBadLists(t *testing.T) {
	for name, list := range map[string][]classWeight{
		"classes out of order": {newClassWeight(1, 5), newClassWeight(0, 3)},
		"class twice":          {newClassWeight(1, 5), newClassWeight(1, 3)},
		"weight too large":     {newClassWeight(0, maxWeight)},
		"weight too small":     {newClassWeight(0, -maxWeight)},
	} {
		m, err := newModel([]string{"NN", "VB"}, map[string]string{}, map[string]map[string]float64{"bias": {"NN": 1}})
		if err != nil {
			t.Fatal(err)
		}
		good, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := decodeModel(string(good)); err != nil {
			t.Fatalf("the model before %s: %v", name, err)
		}
		m.bias.list = list
		b, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := decodeModel(string(b)); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}
