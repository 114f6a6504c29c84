package actors

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/gob"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/jdkato/prose/v2"
	"github.com/standpoint/standpoint/analysis/tag"
	"github.com/standpoint/standpoint/corpus"
)

// nerModel evaluates prose's maximum-entropy entity model on tokens the
// annotator has already tokenized and tagged. prose itself would tokenize
// and tag the text again and build every feature key for every label as a
// joined string; here each feature is looked up once, for all labels.
type nerModel struct {
	labels  []string
	weights map[string][]labelWeight // "name-value" -> weight per label
	basic   map[string]bool
}

type labelWeight struct {
	label  int
	weight float64
}

// basicEnglish is the word list of prose's "en-wordlist" feature.
//
//go:embed data/basic-english.txt
var basicEnglish []byte

var loadNER = sync.OnceValues(func() (*nerModel, error) {
	var mapping map[string]int
	var weights []float64
	var labels []string
	for _, a := range []struct {
		name string
		into any
	}{{"mapping.gob", &mapping}, {"weights.gob", &weights}, {"labels.gob", &labels}} {
		b, err := prose.Asset("model/Maxent/" + a.name)
		if err != nil {
			return nil, fmt.Errorf("load entity model: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.into); err != nil {
			return nil, fmt.Errorf("decode entity model %s: %w", a.name, err)
		}
	}
	m := &nerModel{labels: labels, weights: make(map[string][]labelWeight, len(mapping)/2), basic: map[string]bool{}}
	for key, idx := range mapping {
		if idx < 0 || idx >= len(weights) {
			continue
		}
		best := -1
		for li, l := range labels {
			if strings.HasSuffix(key, "-"+l) && (best < 0 || len(l) > len(labels[best])) {
				best = li
			}
		}
		if best < 0 {
			continue
		}
		feat := key[:len(key)-len(labels[best])-1]
		m.weights[feat] = append(m.weights[feat], labelWeight{best, weights[idx]})
	}
	sc := bufio.NewScanner(bytes.NewReader(basicEnglish))
	for sc.Scan() {
		if w := sc.Text(); w != "" && w[0] != '#' {
			m.basic[w] = true
		}
	}
	return m, nil
})

// WarmUp loads the entity model in the background, so that its decoding
// overlaps with other start-up work; the first name that needs it then
// waits only for what is left.
func WarmUp() { go loadNER() }

// An entity as prose's chunker forms it.
type entity struct {
	text  string
	label string
}

// entities labels tokens [lo, hi) of doc as prose's classify does and
// chunks them as its chunk does.
func (m *nerModel) entities(doc *corpus.Annotated, lo, hi int) []entity {
	n := hi - lo
	words := make([]string, n)
	tags := make([]string, n)
	for i := range n {
		words[i] = tag.Sanitize(doc.TokenText(lo + i))
		tags[i] = doc.Tokens[lo+i].Tag
	}
	labels := make([]string, n)
	history := make([]string, 0, n)
	scores := make([]float64, len(m.labels))
	for i := range n {
		clear(scores)
		for _, f := range m.features(words, tags, history, i) {
			for _, lw := range m.weights[f] {
				scores[lw.label] += lw.weight
			}
		}
		best := 0
		for l := range scores {
			if scores[l] > scores[best] {
				best = l
			}
		}
		labels[i] = m.labels[best]
		history = append(history, simplePOS(labels[i]))
	}
	return chunk(words, tags, labels)
}

// features returns the "name-value" keys prose's extract builds for token
// i, in prose's feature order.
func (m *nerModel) features(words, tags, history []string, i int) []string {
	w := words[i]
	lower := strings.ToLower(w)
	basic := "False"
	if m.basic[w] {
		basic = "True"
	}
	prevword, prevpos, prevtag, prevShape := "None", "None", "None", "None"
	if i > 0 {
		prevword, prevpos, prevtag = strings.ToLower(words[i-1]), tags[i-1], history[i-1]
	}
	if i > 1 {
		prevShape = shape(words[i-1]) // as prose, which leaves it None at i == 1
	}
	nextword, nextpos := "None", "None"
	if i < len(words)-1 {
		nextword, nextpos = strings.ToLower(words[i+1]), strings.ToLower(tags[i+1])
	}
	return []string{
		"bias-True",
		"en-wordlist-" + basic,
		"nextpos-" + nextpos,
		"nextword-" + nextword,
		"pos-" + tags[i],
		"pos+prevtag-" + tags[i] + "+" + prevtag,
		"prefix3-" + strings.ToLower(w[:min(len(w), 3)]),
		"prevpos-" + prevpos,
		"prevtag-" + prevtag,
		"prevword-" + prevword,
		"shape-" + shape(w),
		"shape+prevtag-" + prevShape + "+" + prevtag,
		"suffix3-" + strings.ToLower(w[len(w)-min(len(w), 3):]),
		"word-" + w,
		"word+nextpos-" + lower + "+" + nextpos,
		"word.lower-" + lower,
		"wordlen-" + strconv.Itoa(len(w)),
	}
}

var (
	nonWordEnd = regexp.MustCompile(`\W+$`)
	wordEnd    = regexp.MustCompile(`\w+$`)
)

// shape is prose's word shape.
func shape(w string) string {
	if _, err := strconv.ParseFloat(w, 64); err == nil {
		return "number"
	}
	if nonWordEnd.MatchString(w) {
		return "punct"
	}
	if wordEnd.MatchString(w) {
		switch {
		case strings.ToLower(w) == w:
			return "downcase"
		case title(w) == w:
			return "upcase"
		}
		return "mixedcase"
	}
	return "other"
}

// title capitalises the first letter of each word, as the deprecated
// strings.Title that prose uses.
func title(w string) string {
	prev := ' '
	return strings.Map(func(r rune) rune {
		defer func() { prev = r }()
		if isSeparator(prev) {
			return toTitle(r)
		}
		return r
	}, w)
}

func simplePOS(label string) string {
	if strings.HasPrefix(label, "V") {
		return "v"
	}
	return strings.Split(label, "-")[0]
}

// chunk groups labelled tokens into entities exactly as prose does,
// quirks included.
func chunk(words, tags, labels []string) []entity {
	var out []entity
	end := ""
	var parts []int
	for i := range words {
		label := labels[i]
		k := len(parts)
		if label != "O" && label != end ||
			k > 0 && tags[i] == tags[parts[k-1]] ||
			k > 0 && tags[i] == "CD" && labels[parts[k-1]] != "O" {
			end = strings.Replace(label, "B", "I", 1)
			parts = append(parts, i)
		} else if label == "O" && end != "" || label == end {
			if label != "O" {
				parts = append(parts, i)
			}
			out = append(out, coalesce(words, labels, parts))
			end = ""
			parts = parts[:0]
		}
	}
	return out
}

func coalesce(words, labels []string, parts []int) entity {
	texts := make([]string, len(parts))
	ls := make([]string, len(parts))
	for i, p := range parts {
		texts[i], ls[i] = words[p], labels[p]
	}
	label := ""
	if len(ls) == 2 && (ls[0] == "B-PERSON" || ls[1] == "B-PERSON") {
		label = "PERSON"
	} else if f := strings.SplitN(ls[0], "-", 2); len(f) == 2 {
		label = f[1]
	}
	return entity{text: strings.Join(texts, " "), label: label}
}

func isSeparator(r rune) bool {
	switch {
	case r <= 0x7F:
		switch {
		case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', r == '_':
			return false
		}
		return true
	case unicode.IsLetter(r), unicode.IsDigit(r):
		return false
	}
	return unicode.IsSpace(r)
}

func toTitle(r rune) rune { return unicode.ToTitle(r) }
