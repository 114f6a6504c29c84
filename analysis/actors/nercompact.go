package actors

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// The compact form of the entity model: a header, the labels, then every
// feature in sorted order, each as the length of the prefix it shares with
// the feature before it, the rest of its name, and its (label, weight)
// pairs, weights as the bits of a float64 so that they stay exact.
const nerHeader = "standpoint entities 1\n"

func (m *nerModel) MarshalBinary() ([]byte, error) {
	b := []byte(nerHeader)
	b = binary.AppendUvarint(b, uint64(len(m.labels)))
	for _, l := range m.labels {
		b = binary.AppendUvarint(b, uint64(len(l)))
		b = append(b, l...)
	}
	feats := make([]string, 0, len(m.weights))
	for f := range m.weights {
		feats = append(feats, f)
	}
	slices.Sort(feats)
	b = binary.AppendUvarint(b, uint64(len(feats)))
	prev := ""
	for _, f := range feats {
		n := 0
		for n < len(f) && n < len(prev) && f[n] == prev[n] {
			n++
		}
		b = binary.AppendUvarint(b, uint64(n))
		b = binary.AppendUvarint(b, uint64(len(f)-n))
		b = append(b, f[n:]...)
		ws := m.weights[f]
		b = binary.AppendUvarint(b, uint64(len(ws)))
		for _, lw := range ws {
			b = append(b, byte(lw.label))
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(lw.weight))
		}
		prev = f
	}
	return b, nil
}

// decodeNER decodes an entity model from its compact form.
func decodeNER(s string) (*nerModel, error) {
	s, ok := strings.CutPrefix(s, nerHeader)
	if !ok {
		return nil, errors.New("entity model: not in compact form")
	}
	d := &nerDecoder{s: s}
	m := d.model()
	if d.err == nil && d.s != "" {
		d.err = errors.New("trailing bytes")
	}
	if d.err != nil {
		return nil, fmt.Errorf("entity model: %w", d.err)
	}
	m.finish()
	return m, nil
}

type nerDecoder struct {
	s   string
	err error
}

func (d *nerDecoder) model() *nerModel {
	m := &nerModel{labels: make([]string, d.count(256))}
	for i := range m.labels {
		m.labels[i] = d.bytes(d.count(len(d.s)))
	}
	n := d.count(len(d.s))
	m.weights = make(map[string][]labelWeight, n)
	// Names are built into one buffer, and weights into one slice, so
	// that the model takes a few allocations rather than one per feature.
	names := make([]byte, 0, 2*len(d.s))
	type entry struct{ start, end, first, last int }
	entries := make([]entry, 0, n)
	var all []labelWeight
	prev := 0 // start of the previous name in names
	for range n {
		shared := d.count(len(names) - prev)
		rest := d.bytes(d.count(len(d.s)))
		start := len(names)
		names = append(names, names[prev:prev+shared]...)
		names = append(names, rest...)
		k := d.count(len(m.labels))
		first := len(all)
		for range k {
			l := d.count(len(m.labels) - 1)
			if len(d.s) < 8 {
				d.fail(errTruncated)
				break
			}
			w := math.Float64frombits(binary.LittleEndian.Uint64([]byte(d.s[:8])))
			d.s = d.s[8:]
			all = append(all, labelWeight{l, w})
		}
		if d.err != nil {
			return m
		}
		entries = append(entries, entry{start, len(names), first, len(all)})
		prev = start
	}
	text := string(names)
	for _, e := range entries {
		m.weights[text[e.start:e.end]] = all[e.first:e.last:e.last]
	}
	return m
}

var errTruncated = errors.New("truncated")

func (d *nerDecoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// count reads a number no greater than max.
func (d *nerDecoder) count(max int) int {
	if d.err != nil {
		return 0
	}
	n, size := binary.Uvarint([]byte(d.s[:min(len(d.s), binary.MaxVarintLen64)]))
	switch {
	case size <= 0:
		d.fail(errTruncated)
		return 0
	case n > uint64(max):
		d.fail(fmt.Errorf("number %d out of range", n))
		return 0
	}
	d.s = d.s[size:]
	return int(n)
}

func (d *nerDecoder) bytes(n int) string {
	if d.err != nil || n > len(d.s) {
		d.fail(errTruncated)
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}
