package actors

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/standpoint/standpoint/analysis/internal/binread"
)

// The compact form of the entity model is laid out to be used where it
// lies: a header, the labels, the number of features n, then n
// little-endian uint32 giving where the name of each feature ends in the
// names, n more giving where its weights end in the records, the number of
// slots of a hash table of the names and the slots, each a little-endian
// uint32 (see slotOf), the names of the features in sorted order, one after
// the other, and the records, one (label, weight) pair of 9 bytes each:
// the label, and the bits of the float64 weight, so that weights stay
// exact. The names, offsets and table are read where they lie; the records
// are decoded once, into a label and a weight each (see features). Building
// a map of the names instead took most of the decoding, which the first
// unknown name of a run waits for.
const nerHeader = "standpoint entities 3\n"

const recordSize = 9

// features holds the weights of a model's features, sorted by name: the
// names and offsets as the compact form lays them out, the records
// decoded.
type features struct {
	n                    int
	nameEnds, weightEnds string // n little-endian uint32 each
	names                string
	// The records, decoded into a label and a weight each: the scorer
	// adds millions of them a run, and taking each out of its 9 bytes
	// cost several times the addition.
	recLabel  []uint8
	recWeight []float64
	// slots is the hash table that finds a feature by name (a binary
	// search of the names missed the cache at every step): a power of two
	// of little-endian uint32, at most half of them in use.
	slots    string
	nSlots   int
	slotBits int // the bits of a slot that hold a feature's index
}

// A slot of the hash table is 0 when empty, else the index of a feature
// plus one in its low slotBits bits and, in the bits above, the top bits
// of the hash of its name, so that most lookups of a name the model lacks
// read the table alone.
func slotBits(n int) int { return bits.Len(uint(n)) }

// nameHash is the 64-bit FNV-1a hash of a feature's name. The table is
// built when the compact form is written, so the hash must be the same in
// every process, which rules out hash/maphash; hash/fnv would copy each
// name into a byte slice.
func nameHash[K string | []byte](name K) uint64 {
	h := uint64(14695981039346656037)
	for i := range len(name) {
		h ^= uint64(name[i])
		h *= 1099511628211
	}
	return h
}

// slotOf returns the slot of feature i, whose name hashes to h.
func slotOf(i int, h uint64, idxBits int) uint32 {
	return uint32(i+1) | uint32(h>>(32+idxBits))<<idxBits
}

// u32 reads the little-endian uint32 i of s.
func u32(s string, i int) int {
	s = s[4*i : 4*i+4]
	_ = s[3]
	return int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// span returns where item i of a table of ends lies: from the end of
// item i-1, or 0, to its own end.
func span(ends string, i int) (start, end int) {
	if i > 0 {
		start = u32(ends, i-1)
	}
	return start, u32(ends, i)
}

// name returns the name of feature i.
func (f *features) name(i int) string {
	start, end := span(f.nameEnds, i)
	return f.names[start:end]
}

// A feature is where the weights of a feature of the model lie among the
// records: records [start, end). The scorer keeps features, not indexes,
// so that adding a feature's weights reads the records alone, not the
// table of where they end as well. noFeature, of a feature the model
// lacks, has no weights.
type feature struct{ start, end uint32 }

var noFeature feature

// feature returns feature i.
func (f *features) feature(i int) feature {
	start, end := span(f.weightEnds, i)
	return feature{uint32(start), uint32(end)}
}

// find returns the feature called name, or noFeature if the model lacks
// it.
func (f *features) find(name string) feature { return findFeature(f, name) }

// findFeature is find of a name as a string or as bytes, which the scorer
// builds its names in.
func findFeature[K string | []byte](f *features, name K) feature {
	if f.nSlots == 0 {
		return noFeature
	}
	h := nameHash(name)
	mask := f.nSlots - 1
	idxMask := uint32(1)<<f.slotBits - 1
	tag := slotOf(-1, h, f.slotBits) // the hash bits of a slot of name
	for s := int(h) & mask; ; s = (s + 1) & mask {
		slot := uint32(u32(f.slots, s))
		if slot == 0 {
			return noFeature
		}
		if slot&^idxMask == tag {
			i := int(slot&idxMask) - 1
			if f.name(i) == string(name) {
				return f.feature(i)
			}
		}
	}
}

// hashTable returns the slots of a hash table of names, in the compact
// form's layout.
func hashTable(names []string) []byte {
	n := 2
	for n < 2*len(names) {
		n *= 2
	}
	idxBits := slotBits(len(names))
	slots := make([]uint32, n)
	for i, name := range names {
		h := nameHash(name)
		s := int(h) & (n - 1)
		for slots[s] != 0 {
			s = (s + 1) & (n - 1)
		}
		slots[s] = slotOf(i, h, idxBits)
	}
	b := make([]byte, 0, 4*n)
	for _, s := range slots {
		b = binary.LittleEndian.AppendUint32(b, s)
	}
	return b
}

// addTo adds the weights of feature i to the scores of their labels.
func (f *features) addTo(scores []float64, i feature) {
	labels := f.recLabel[i.start:i.end]
	weights := f.recWeight[i.start:i.end]
	weights = weights[:len(labels)]
	for k, l := range labels {
		scores[l] += weights[k]
	}
}

// weights returns the weights of feature i.
func (f *features) weights(i int) []labelWeight {
	fe := f.feature(i)
	ws := make([]labelWeight, 0, fe.end-fe.start)
	for k := fe.start; k < fe.end; k++ {
		ws = append(ws, labelWeight{int(f.recLabel[k]), f.recWeight[k]})
	}
	return ws
}

// encodeNER writes the compact form of the model with the given labels and
// weights by feature.
func encodeNER(labels []string, weights map[string][]labelWeight) []byte {
	b := []byte(nerHeader)
	b = binary.AppendUvarint(b, uint64(len(labels)))
	for _, l := range labels {
		b = binary.AppendUvarint(b, uint64(len(l)))
		b = append(b, l...)
	}
	feats := make([]string, 0, len(weights))
	for f := range weights {
		feats = append(feats, f)
	}
	slices.Sort(feats)
	b = binary.AppendUvarint(b, uint64(len(feats)))
	var names, records []byte
	nameEnds := make([]byte, 0, 4*len(feats))
	weightEnds := make([]byte, 0, 4*len(feats))
	n := 0
	for _, f := range feats {
		names = append(names, f...)
		nameEnds = binary.LittleEndian.AppendUint32(nameEnds, uint32(len(names)))
		for _, lw := range weights[f] {
			records = append(records, byte(lw.label))
			records = binary.LittleEndian.AppendUint64(records, math.Float64bits(lw.weight))
			n++
		}
		weightEnds = binary.LittleEndian.AppendUint32(weightEnds, uint32(n))
	}
	b = append(b, nameEnds...)
	b = append(b, weightEnds...)
	table := hashTable(feats)
	b = binary.AppendUvarint(b, uint64(len(table)/4))
	b = append(b, table...)
	b = binary.AppendUvarint(b, uint64(len(names)))
	b = append(b, names...)
	b = binary.AppendUvarint(b, uint64(n))
	return append(b, records...)
}

// MarshalBinary returns the compact form of m.
func (m *nerModel) MarshalBinary() ([]byte, error) {
	ws := make(map[string][]labelWeight, m.weights.n)
	for i := range m.weights.n {
		ws[m.weights.name(i)] = m.weights.weights(i)
	}
	return encodeNER(m.labels, ws), nil
}

// decodeNER reads an entity model from its compact form, checking that
// its layout holds together; the names are used where they lie.
func decodeNER(s string) (*nerModel, error) {
	s, ok := strings.CutPrefix(s, nerHeader)
	if !ok {
		return nil, errors.New("entity model: not in compact form")
	}
	r := binread.New(s)
	m := &nerModel{labels: make([]string, r.Count(256))}
	for i := range m.labels {
		m.labels[i] = r.Text()
	}
	f := &m.weights
	f.n = r.Count(r.Len() / 8)
	f.nameEnds = r.Bytes(4 * f.n)
	f.weightEnds = r.Bytes(4 * f.n)
	f.nSlots = r.Count(r.Len() / 4)
	f.slots = r.Bytes(4 * f.nSlots)
	f.slotBits = slotBits(f.n)
	f.names = r.Text()
	records := r.Count(r.Len() / recordSize)
	f.recLabel, f.recWeight = make([]uint8, records), make([]float64, records)
	for k := range records {
		f.recLabel[k] = r.Byte(len(m.labels))
		f.recWeight[k] = math.Float64frombits(r.Uint64())
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	if r.Len() != 0 {
		return nil, errors.New("entity model: data after the records")
	}
	if err := f.check(records); err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	m.finish()
	return m, nil
}

// check reports whether the names are in order and every offset lies in
// range, so that lookups can neither fail nor panic. (The reader checked
// each record's label as it decoded it.)
func (f *features) check(records int) error {
	prevStart, prevName, prevWeights := 0, 0, 0
	for i := range f.n {
		end, wend := u32(f.nameEnds, i), u32(f.weightEnds, i)
		if end < prevName || end > len(f.names) || wend < prevWeights || wend > records {
			return fmt.Errorf("feature %d: offsets out of order", i)
		}
		if i > 0 && f.names[prevStart:prevName] >= f.names[prevName:end] {
			return fmt.Errorf("feature %d: names out of order", i)
		}
		prevStart, prevName, prevWeights = prevName, end, wend
	}
	if prevName != len(f.names) || prevWeights != records {
		return errors.New("features do not cover the names and records")
	}
	return f.checkSlots()
}

// checkSlots reports whether the hash table has a power of two of slots,
// at least twice as many as features, one in use for each feature, so
// that every lookup ends soon, and each slot in use holds a feature.
func (f *features) checkSlots() error {
	if f.nSlots == 0 && f.n == 0 {
		return nil
	}
	if f.nSlots&(f.nSlots-1) != 0 || f.nSlots < 2*f.n || f.nSlots == 0 {
		return fmt.Errorf("hash table of %d slots for %d features", f.nSlots, f.n)
	}
	idxMask := uint32(1)<<f.slotBits - 1
	used := 0
	for s := range f.nSlots {
		slot := uint32(u32(f.slots, s))
		if slot == 0 {
			continue
		}
		if i := int(slot & idxMask); i == 0 || i > f.n {
			return fmt.Errorf("hash table slot %d: no such feature", s)
		}
		used++
	}
	if used != f.n {
		return fmt.Errorf("hash table holds %d features of %d", used, f.n)
	}
	return nil
}
