package actors

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/standpoint/standpoint/analysis/internal/binread"
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
	r := binread.New(s)
	m := readNER(r)
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	m.finish()
	return m, nil
}

// readNER reads the labels and features of the compact form.
func readNER(r *binread.Reader) *nerModel {
	m := &nerModel{labels: make([]string, r.Count(256))}
	for i := range m.labels {
		m.labels[i] = r.Text()
	}
	n := r.Count(r.Len())
	m.weights = make(map[string][]labelWeight, n)
	// Names are built into one buffer, and weights into one slice, so
	// that the model takes a few allocations rather than one per feature.
	names := make([]byte, 0, 2*r.Len())
	type entry struct{ start, end, first, last int }
	entries := make([]entry, 0, n)
	var all []labelWeight
	prev := 0 // start of the previous name in names
	for range n {
		shared := r.Count(len(names) - prev)
		rest := r.Text()
		start := len(names)
		names = append(names, names[prev:prev+shared]...)
		names = append(names, rest...)
		first := len(all)
		for range r.Count(len(m.labels)) {
			l := r.Count(len(m.labels) - 1)
			all = append(all, labelWeight{l, math.Float64frombits(r.Uint64())})
		}
		if r.Failed() {
			break
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
