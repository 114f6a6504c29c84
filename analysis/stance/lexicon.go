package stance

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/go-json-experiment/json"
	"github.com/goccy/go-yaml/ast"
	"github.com/standpoint/standpoint/analysis/stem"
	"github.com/standpoint/standpoint/analysis/yamlfile"
)

// None is the stance of a cue that takes no stance unless negated ("is
// prepared to" takes none; "is not prepared to" rejects).
const None = "none"

// Parts of speech a cue can have.
const (
	Verb  = "verb"  // a verb and its particles: "insist on", "rule out"
	Noun  = "noun"  // a noun naming the act: "proposal", "ultimatum"
	Adj   = "adj"   // an adjective after a copula: "prepared to"
	Light = "light" // a light verb and a noun: "issue ultimatum"
)

// A Lexicon is the data of a lexicon file: stance categories, cues and
// modality markers.
type Lexicon struct {
	Categories []Category `yaml:"categories"`
	Cues       []Cue      `yaml:"cues"`
	Modality   []Modal    `yaml:"modality"`

	file string // where it was read from, for messages
}

// A Category is a stance with its CAMEO root code and Goldstein score.
type Category struct {
	Stance      string  `yaml:"stance"`
	Cameo       string  `yaml:"cameo"`
	Score       float64 `yaml:"score"`
	Description string  `yaml:"description"`
}

// A Cue is a phrase that expresses a stance. Words are in base form and
// matched through their stems, so one cue covers every inflection.
type Cue struct {
	Words   string   `yaml:"words"`
	POS     string   `yaml:"pos"`
	Stance  string   `yaml:"stance"`
	Negated string   `yaml:"negated"` // the stance when negated, if negation flips it
	Score   *float64 `yaml:"score"`   // overrides the category's score
	Line    int      `yaml:"-"`
}

// A Modal qualifies the cue that follows it: "will", "unlikely to",
// "consider".
type Modal struct {
	Words string `yaml:"words"`
	Value string `yaml:"value"`
	// Negates marks a hedge that denies what follows: "is unlikely to
	// abandon" is a negated withdrawal.
	Negates bool `yaml:"negates"`
	Line    int  `yaml:"-"`
}

// MaxFileBytes bounds a lexicon file.
const MaxFileBytes = 16 << 20

// A FileError is a problem at a line of a lexicon file.
type FileError = yamlfile.Error

// ParseLexicon reads a lexicon file named file.
func ParseLexicon(data []byte, file string) (*Lexicon, error) {
	f, err := yamlfile.Parse(data, file, MaxFileBytes)
	if err != nil {
		return nil, err
	}
	lex := &Lexicon{file: file}
	for _, doc := range f.Docs {
		if doc.Body == nil {
			continue
		}
		m, ok := doc.Body.(*ast.MappingNode)
		if !ok {
			return nil, yamlfile.Errorf(file, yamlfile.Line(doc.Body), "want a mapping with categories, cues and modality")
		}
		for _, kv := range m.Values {
			if err := lex.decodeSection(kv, file); err != nil {
				return nil, err
			}
		}
	}
	return lex, lex.check(file)
}

// decodeSection decodes one top-level key, item by item, so that each item
// keeps its line for later messages.
func (lex *Lexicon) decodeSection(kv *ast.MappingValueNode, file string) error {
	name := kv.Key.String()
	seq, ok := kv.Value.(*ast.SequenceNode)
	if !ok {
		if _, null := kv.Value.(*ast.NullNode); null {
			return nil
		}
		return yamlfile.Errorf(file, yamlfile.Line(kv.Key), "%s: want a list", name)
	}
	for _, item := range seq.Values {
		line := yamlfile.Line(item)
		var err error
		switch name {
		case "categories":
			var c Category
			err = yamlfile.Decode(item, &c, file)
			lex.Categories = append(lex.Categories, c)
		case "cues":
			c := Cue{Line: line}
			err = yamlfile.Decode(item, &c, file)
			c.Line = line
			lex.Cues = append(lex.Cues, c)
		case "modality":
			m := Modal{}
			err = yamlfile.Decode(item, &m, file)
			m.Line = line
			lex.Modality = append(lex.Modality, m)
		default:
			return yamlfile.Errorf(file, yamlfile.Line(kv.Key), "unknown section %q (want categories, cues or modality)", name)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// check checks each item on its own. Cue stances are checked against the
// categories in New, once files are merged, since a user file may add cues
// only.
func (lex *Lexicon) check(file string) error {
	for _, c := range lex.Categories {
		if c.Stance == "" || c.Stance == None {
			return &FileError{File: file, Err: fmt.Errorf("category with no usable stance name %q", c.Stance)}
		}
	}
	for _, c := range lex.Cues {
		fail := func(format string, args ...any) error {
			return &FileError{File: file, Line: c.Line, Err: fmt.Errorf("cue %q: "+format, append([]any{c.Words}, args...)...)}
		}
		words := strings.Fields(c.Words)
		switch {
		case len(words) == 0:
			return fail("no words")
		case c.POS != Verb && c.POS != Noun && c.POS != Adj && c.POS != Light:
			return fail("pos %q is not one of verb, noun, adj, light", c.POS)
		case c.POS == Light && len(words) < 2:
			return fail("a light-verb cue needs a verb and a noun")
		case c.POS == Noun && len(words) != 1:
			return fail("a noun cue is one word")
		}
	}
	for _, m := range lex.Modality {
		if len(strings.Fields(m.Words)) == 0 || m.Value == "" {
			return &FileError{File: file, Line: m.Line, Err: fmt.Errorf("modality %q needs words and a value", m.Words)}
		}
	}
	return nil
}

//go:embed data/lexicon.yaml
var defaultData []byte

// compiledData is data/lexicon.yaml parsed and stored as JSON, which
// decodes in a fraction of the time YAML takes. A test checks it is up to
// date.
//
//go:embed data/lexicon.json
var compiledData []byte

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	lex := &Lexicon{file: "data/lexicon.yaml"}
	if err := json.Unmarshal(compiledData, lex); err != nil {
		return nil, fmt.Errorf("data/lexicon.json: %w", err)
	}
	return lex, nil
})

// DefaultLexicon returns the embedded lexicon. Callers must not modify it.
func DefaultLexicon() (*Lexicon, error) { return defaultLexicon() }

// stems returns the stems of the words of a cue.
func stems(s *stem.Stemmer, words string) []string {
	fs := strings.Fields(words)
	out := make([]string, len(fs))
	for i, w := range fs {
		out[i] = s.Stem(w)
		if out[i] == "" {
			out[i] = strings.ToLower(w)
		}
	}
	return out
}
