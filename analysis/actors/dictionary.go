package actors

import (
	"fmt"
	"sort"

	"github.com/standpoint/standpoint/analysis/internal/keyfilter"
	"github.com/standpoint/standpoint/analysis/tag"
	"github.com/standpoint/standpoint/analysis/tokenize"
	"github.com/standpoint/standpoint/corpus"
)

// A Dictionary is a compiled set of entries, ready for matching. It is
// immutable and safe for concurrent use.
type Dictionary struct {
	entries []Entry
	byID    map[string]int
	root    *node
	firsts  keyfilter.Filter // the first keys of the aliases
}

// A builder splits the names of a Dictionary being built into keys,
// reusing its slices from one name to the next.
type builder struct {
	tz   *tokenize.Tokenizer
	toks []corpus.Token
	keys []string
}

// A node of the token trie: aliases are matched token by token.
type node struct {
	next map[string]*node
	hits []hit
}

// A hit is an entry an alias leads to, and how.
type hit struct {
	entry int
	via   string
}

// Ways a mention matched an entry.
const (
	viaName        = "name"
	viaAlias       = "alias"
	viaCapital     = "capital"
	viaDemonym     = "demonym"
	viaInstitution = "institution"
	viaMetonym     = "metonym"
)

// New compiles lists of entries into a Dictionary. An entry of a later list
// replaces the entry with the same id in an earlier one, so user files
// override the defaults. Countries whose id is an ISO 3166 code also match
// their English name from the Unicode CLDR.
func New(lists ...[]Entry) (*Dictionary, error) {
	d := &Dictionary{byID: make(map[string]int), root: &node{}}
	b := &builder{tz: tokenize.New()}
	for _, list := range lists {
		for _, e := range list {
			if i, ok := d.byID[e.ID]; ok {
				d.entries[i] = e
				continue
			}
			d.byID[e.ID] = len(d.entries)
			d.entries = append(d.entries, e)
		}
	}
	for i := range d.entries {
		e := &d.entries[i]
		for _, r := range e.Roles {
			if _, ok := d.byID[r.Actor]; !ok {
				return nil, &FileError{File: e.File, Line: e.Line, Err: fmt.Errorf("entry %s: role for unknown actor %q", e.ID, r.Actor)}
			}
		}
		if e.Name == "" && e.Type == Country {
			e.Name = countryName(e.ID)
		}
		if e.Name == "" {
			return nil, &FileError{File: e.File, Line: e.Line, Err: fmt.Errorf("entry %s has no name", e.ID)}
		}
		d.add(b, e.Name, i, viaName)
		if e.Type == Country {
			if n := countryName(e.ID); n != "" {
				d.add(b, n, i, viaName)
			}
		}
		for _, a := range e.Aliases {
			d.add(b, a, i, viaAlias)
		}
		for _, a := range e.Capitals {
			d.add(b, a, i, viaCapital)
		}
		for _, a := range e.Demonyms {
			d.add(b, a, i, viaDemonym)
		}
		for _, a := range e.Institutions {
			d.add(b, a, i, viaInstitution)
		}
		for _, a := range e.Metonyms {
			d.add(b, a, i, viaMetonym)
		}
	}
	return d, nil
}

// keyTokens splits a name into the keys the trie is built from, the way
// text is tokenized, without a leading "the" (matching makes it optional).
// The slice is valid until the next call.
func (b *builder) keyTokens(name string) []string {
	b.toks = b.tz.Tokenize(name, b.toks[:0])
	keys := b.keys[:0]
	for _, t := range b.toks {
		keys = append(keys, key(name[t.Start:t.End]))
	}
	b.keys = keys
	if len(keys) > 1 && (keys[0] == "the" || keys[0] == "The") {
		keys = keys[1:]
	}
	return keys
}

// key normalises a token for matching: quotes and apostrophes are
// straightened; case is kept, because "US" is not "us".
func key(w string) string { return tag.Sanitize(w) }

func (d *Dictionary) add(b *builder, name string, entry int, via string) {
	keys := b.keyTokens(name)
	if len(keys) == 0 {
		return
	}
	d.firsts.Add(keys[0])
	n := d.root
	for _, k := range keys {
		if n.next == nil {
			n.next = make(map[string]*node)
		}
		c, ok := n.next[k]
		if !ok {
			c = &node{}
			n.next[k] = c
		}
		n = c
	}
	for _, h := range n.hits {
		if h.entry == entry {
			return
		}
	}
	n.hits = append(n.hits, hit{entry, via})
}

// Entries returns the entries, sorted by type and id.
func (d *Dictionary) Entries() []Entry {
	out := append([]Entry(nil), d.entries...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Lookup returns the entry with the given id.
func (d *Dictionary) Lookup(id string) (Entry, bool) {
	i, ok := d.byID[id]
	if !ok {
		return Entry{}, false
	}
	return d.entries[i], true
}

// resolve returns who a person acts for on date (YYYY-MM-DD, or "" when
// unknown): the country or organisation of the role held that day, or of a
// current role for an undated document. ok is false when no role applies.
func (d *Dictionary) resolve(e *Entry, date string) (*Entry, bool) {
	for _, r := range e.Roles {
		var in bool
		if date == "" {
			in = r.To == ""
		} else {
			in = (r.From == "" || r.From <= date) && (r.To == "" || date <= r.To)
		}
		if in {
			return &d.entries[d.byID[r.Actor]], true
		}
	}
	return nil, false
}
