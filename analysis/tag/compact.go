package tag

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/standpoint/standpoint/analysis/internal/binread"
)

// The compact form of a Model: a header, then each part of the model in a
// fixed order, maps with their keys sorted, so that the same model always
// encodes to the same bytes. Numbers are varints; a string is its length
// and its bytes; a weight list is its length and (class byte, weight)
// pairs. Decoding it takes a few tens of milliseconds, where prose's
// gob-encoded original takes a few hundred.
const compactHeader = "standpoint tagger 1\n"

// MarshalBinary encodes the model in its compact form.
func (m *Model) MarshalBinary() ([]byte, error) {
	e := &encoder{b: []byte(compactHeader)}
	e.uint(len(m.classes))
	for _, c := range m.classes {
		e.string(c)
	}
	e.uint(len(m.tagNames) - len(m.classes))
	for _, t := range m.tagNames[len(m.classes):] {
		e.string(t)
	}
	known := sortedKeys(m.known)
	e.uint(len(known))
	for _, w := range known {
		e.string(w)
		e.b = append(e.b, m.known[w])
	}
	e.weights(m.bias)
	for _, byTag := range []map[int]weights{m.prevTag, m.prev2Tag} {
		tags := sortedKeys(byTag)
		e.uint(len(tags))
		for _, t := range tags {
			e.uint(t)
			e.weights(byTag[t])
		}
	}
	pairs := make([][2]int, 0, len(m.tagPair))
	for p := range m.tagPair {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(a, b [2]int) int { return a[0]*len(m.tagNames) + a[1] - b[0]*len(m.tagNames) - b[1] })
	e.uint(len(pairs))
	for _, p := range pairs {
		e.uint(p[0])
		e.uint(p[1])
		e.weights(m.tagPair[p])
	}
	suffixes := sortedKeys(m.suffix)
	e.uint(len(suffixes))
	for _, s := range suffixes {
		e.string(s)
		e.weights(m.suffix[s])
	}
	n := 0
	for _, w := range m.pref1 {
		if len(w.list) > 0 {
			n++
		}
	}
	e.uint(n)
	for b, w := range m.pref1 {
		if len(w.list) > 0 {
			e.b = append(e.b, byte(b))
			e.weights(w)
		}
	}
	words := sortedKeys(m.words)
	e.uint(len(words))
	for _, w := range words {
		ww := m.words[w]
		e.string(w)
		for _, x := range []weights{ww.at, ww.prev1, ww.prev2, ww.next1, ww.next2} {
			e.weights(x)
		}
		e.uint(len(ww.afterTag))
		for _, a := range ww.afterTag { // sorted by tag
			e.uint(a.tag)
			e.weights(a.w)
		}
	}
	ctx := sortedKeys(m.ctxSuffix)
	e.uint(len(ctx))
	for _, s := range ctx {
		e.string(s)
		e.weights(m.ctxSuffix[s].prev1)
		e.weights(m.ctxSuffix[s].next1)
	}
	return e.b, nil
}

func sortedKeys[K string | int, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

type encoder struct{ b []byte }

func (e *encoder) uint(n int)        { e.b = binary.AppendUvarint(e.b, uint64(n)) }
func (e *encoder) string(s string)   { e.uint(len(s)); e.b = append(e.b, s...) }
func (e *encoder) weights(w weights) { e.uint(len(w.list)); e.list(w.list) }
func (e *encoder) list(l []classWeight) {
	for _, cw := range l {
		e.b = append(e.b, cw.class())
		e.b = binary.AppendVarint(e.b, int64(cw.weight()))
	}
}

// decodeModel decodes a model from its compact form.
func decodeModel(b string) (*Model, error) {
	s, ok := strings.CutPrefix(b, compactHeader)
	if !ok {
		return nil, errors.New("tagger model: not in compact form")
	}
	d := &decoder{Reader: binread.New(s)}
	m := d.model()
	if err := d.Err(); err != nil {
		return nil, fmt.Errorf("tagger model: %w", err)
	}
	return m, nil
}

// A decoder reads the compact form. Strings it returns share the memory of
// the input, which the caller keeps for the life of the model.
type decoder struct {
	*binread.Reader
	// lists is carved into the weight lists, to allocate them at once.
	lists []classWeight
}

func (d *decoder) model() *Model {
	m := &Model{}
	m.init()
	m.classes = make([]string, d.Count(maxClasses))
	for i := range m.classes {
		m.classes[i] = d.Text()
	}
	for _, c := range m.classes {
		m.addTag(c)
	}
	for range d.Count(1 << 10) {
		m.addTag(d.Text())
	}
	nknown := d.Count(1 << 20)
	m.known = make(map[string]uint8, nknown)
	for range nknown {
		w := d.Text()
		m.known[w] = d.Byte(len(m.classes))
	}
	m.bias = d.weights(len(m.classes))
	for _, byTag := range []map[int]weights{m.prevTag, m.prev2Tag} {
		for range d.Count(len(m.tagNames)) {
			t := d.Count(len(m.tagNames) - 1)
			byTag[t] = d.weights(len(m.classes))
		}
	}
	for range d.Count(len(m.tagNames) * len(m.tagNames)) {
		p1 := d.Count(len(m.tagNames) - 1)
		p2 := d.Count(len(m.tagNames) - 1)
		m.tagPair[[2]int{p1, p2}] = d.weights(len(m.classes))
	}
	for range d.Count(1 << 20) {
		s := d.Text()
		m.suffix[s] = d.weights(len(m.classes))
	}
	for range d.Count(256) {
		b := d.Byte(256)
		m.pref1[b] = d.weights(len(m.classes))
	}
	words := make([]wordWeights, d.Count(1<<22))
	m.words = make(map[string]*wordWeights, len(words))
	for i := range words {
		ww := &words[i]
		w := d.Text()
		for _, x := range []*weights{&ww.at, &ww.prev1, &ww.prev2, &ww.next1, &ww.next2} {
			*x = d.weights(len(m.classes))
		}
		if n := d.Count(len(m.tagNames)); n > 0 {
			ww.afterTag = make([]tagWeights, n)
			for k := range ww.afterTag {
				ww.afterTag[k].tag = d.Count(len(m.tagNames) - 1)
				ww.afterTag[k].w = d.weights(len(m.classes))
			}
		}
		m.words[w] = ww
	}
	sfx := make([]suffixWeights, d.Count(1<<22))
	m.ctxSuffix = make(map[string]*suffixWeights, len(sfx))
	for i := range sfx {
		s := d.Text()
		sfx[i].prev1 = d.weights(len(m.classes))
		sfx[i].next1 = d.weights(len(m.classes))
		m.ctxSuffix[s] = &sfx[i]
	}
	m.buildPairs()
	return m
}

func (d *decoder) weights(classes int) weights {
	n := d.Count(classes)
	if n == 0 {
		return weights{}
	}
	if len(d.lists) < n {
		d.lists = make([]classWeight, 1<<14)
	}
	w := weights{list: d.lists[:n:n]}
	d.lists = d.lists[n:]
	for i := range w.list {
		c := d.Byte(classes)
		v := d.Varint()
		if v <= -maxWeight || v >= maxWeight {
			d.Fail(fmt.Errorf("weight %d out of range", v))
			return weights{}
		}
		// Each class once, in order: sums of lists then stay within
		// the bounds maxWeight sets.
		if i > 0 && c <= w.list[i-1].class() {
			d.Fail(fmt.Errorf("class %d out of order", c))
			return weights{}
		}
		w.list[i] = newClassWeight(c, int32(v))
		w.mask |= 1 << c
	}
	return w
}
