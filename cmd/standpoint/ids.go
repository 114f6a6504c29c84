package main

import (
	"fmt"
	"strconv"

	"github.com/standpoint/standpoint/corpus"
)

// uniqueIDs gives every document of a run an id that no earlier document
// has, so that each mention, example and error names one document: the
// second document with id "x" becomes "x#2", the third "x#3", skipping any
// id already taken. Documents keep input order, so the renaming is the same
// on every run.
type uniqueIDs struct {
	seen map[string]idUse
}

// idUse records an id: where it was first seen, and the last suffix tried
// for later documents that asked for it.
type idUse struct {
	first  corpus.Origin
	suffix int
}

func newUniqueIDs() *uniqueIDs { return &uniqueIDs{seen: make(map[string]idUse)} }

// assign returns the id doc gets and, when it had to be renamed, a warning
// saying so.
func (u *uniqueIDs) assign(doc corpus.Document) (id, warning string) {
	use, taken := u.seen[doc.ID]
	if !taken {
		u.seen[doc.ID] = idUse{first: doc.Origin, suffix: 1}
		return doc.ID, ""
	}
	for {
		use.suffix++
		id = doc.ID + "#" + strconv.Itoa(use.suffix)
		if _, taken := u.seen[id]; !taken {
			break
		}
	}
	u.seen[doc.ID] = use
	u.seen[id] = idUse{first: doc.Origin, suffix: 1}
	return id, fmt.Sprintf("%s: duplicate id %q (first at %s): renamed %q", originString(doc.Origin), doc.ID, originString(use.first), id)
}

// originString names where a document was read: path:line, or path.
func originString(o corpus.Origin) string {
	if o.Line > 0 {
		return o.Path + ":" + strconv.Itoa(o.Line)
	}
	return o.Path
}
