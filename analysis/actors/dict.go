// Package actors recognises political actors in annotated text: countries
// (by name, capital, demonym and the institutions that stand for them),
// international organisations, groups and persons, the latter resolved to
// the country they served on the document's date.
//
// Actors come from a dictionary: the embedded default (data/actors.yaml)
// and user files in the same format, read by the same loader. Names the
// dictionary lacks can be recognised as actors of their own.
package actors

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/goccy/go-yaml/ast"
	"github.com/standpoint/standpoint/analysis/yamlfile"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Actor types.
const (
	Country      = "country"
	Organisation = "organisation"
	Group        = "group"
	Person       = "person"
)

// An Entry is one actor of a dictionary file.
type Entry struct {
	ID           string   `yaml:"id"`
	Type         string   `yaml:"type"`
	Name         string   `yaml:"name"`
	Aliases      []string `yaml:"aliases"`
	Capitals     []string `yaml:"capitals"`
	Demonyms     []string `yaml:"demonyms"`
	Institutions []string `yaml:"institutions"`
	Metonyms     []string `yaml:"metonyms"`
	Roles        []Role   `yaml:"roles"`

	// Where the entry was defined, for messages.
	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

// A Role is an office a person held for a country or organisation, from
// From to To (dates YYYY-MM-DD; an empty To means still in office).
type Role struct {
	Actor string `yaml:"actor"`
	Title string `yaml:"title"`
	From  string `yaml:"from"`
	To    string `yaml:"to"`
}

// MaxFileBytes bounds a dictionary file: a larger one is refused rather than
// parsed.
const MaxFileBytes = 32 << 20

// A FileError is a problem at a line of a dictionary file.
type FileError = yamlfile.Error

var (
	idRE   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.:-]*$`)
	dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// Parse reads the entries of a dictionary file named file. It checks each
// entry on its own; references between entries are checked by New.
func Parse(data []byte, file string) ([]Entry, error) {
	f, err := yamlfile.Parse(data, file, MaxFileBytes)
	if err != nil {
		return nil, err
	}
	var entries []Entry
	for _, doc := range f.Docs {
		if doc.Body == nil {
			continue
		}
		seq, ok := doc.Body.(*ast.SequenceNode)
		if !ok {
			return nil, yamlfile.Errorf(file, yamlfile.Line(doc.Body), "want a list of entries")
		}
		for _, node := range seq.Values {
			var e Entry
			if err := yamlfile.Decode(node, &e, file); err != nil {
				return nil, err
			}
			e.File, e.Line = file, yamlfile.Line(node)
			if err := e.check(); err != nil {
				return nil, &FileError{File: file, Line: e.Line, Err: err}
			}
			entries = append(entries, e)
		}
	}
	return entries, nil
}

func (e *Entry) check() error {
	if !idRE.MatchString(e.ID) {
		return fmt.Errorf("entry id %q: want letters, digits and _ . : -", e.ID)
	}
	switch e.Type {
	case Country, Organisation, Group, Person:
	default:
		return fmt.Errorf("entry %s: type %q is not one of country, organisation, group, person", e.ID, e.Type)
	}
	for _, r := range e.Roles {
		if r.Actor == "" {
			return fmt.Errorf("entry %s: a role needs an actor", e.ID)
		}
		for _, d := range []string{r.From, r.To} {
			if d == "" {
				continue
			}
			if _, err := time.Parse(time.DateOnly, d); err != nil || !dateRE.MatchString(d) {
				return fmt.Errorf("entry %s: role date %q is not YYYY-MM-DD", e.ID, d)
			}
		}
		if r.From != "" && r.To != "" && r.To < r.From {
			return fmt.Errorf("entry %s: role ends (%s) before it starts (%s)", e.ID, r.To, r.From)
		}
	}
	for _, list := range [][]string{e.Aliases, e.Capitals, e.Demonyms, e.Institutions, e.Metonyms} {
		for _, a := range list {
			if strings.TrimSpace(a) == "" {
				return fmt.Errorf("entry %s: empty name", e.ID)
			}
		}
	}
	return nil
}

//go:embed data/actors.yaml
var defaultData []byte

// compiledData is data/actors.yaml parsed and stored as JSON, which decodes
// in a fiftieth of the time YAML takes. A test checks it is up to date.
//
//go:embed data/actors.json
var compiledData []byte

var defaultEntries = sync.OnceValues(func() ([]Entry, error) {
	var entries []Entry
	if err := json.Unmarshal(compiledData, &entries); err != nil {
		return nil, fmt.Errorf("data/actors.json: %w", err)
	}
	return entries, nil
})

// Default returns the entries of the embedded dictionary.
func Default() ([]Entry, error) {
	entries, err := defaultEntries()
	if err != nil {
		return nil, err
	}
	return append([]Entry(nil), entries...), nil
}

// countryName is the English short name of a country from the Unicode CLDR
// data in golang.org/x/text, or "" when id is not an ISO 3166 code.
func countryName(id string) string {
	r, err := language.ParseRegion(id)
	if err != nil || !r.IsCountry() {
		return ""
	}
	return display.English.Regions().Name(r)
}
