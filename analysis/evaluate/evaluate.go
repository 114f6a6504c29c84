// Package evaluate scores predicted stance mentions against gold ones: it
// reads gold files, places their quotes in the documents, matches the
// predictions of a mentions.jsonl to the gold items, and reports precision,
// recall and F1, overall and per stance, with the misses and the false
// positives.
//
// # Matching
//
// A prediction matches a gold item when both concern the same document, the
// prediction's evidence span [Start, End) overlaps the item's span, its
// actor equals the item's actor, and its stance is one of the item's
// stances. Each item matches at most one prediction and each prediction at
// most one item. Of all such assignments, Evaluate takes one that matches
// the most required items and, among those, the most optional items; the
// choice is deterministic, depending only on the order of the items and of
// the predictions.
//
// # Scores
//
// Precision is the share of predictions that matched a required item.
// Predictions that concern optional items are left out of both counts:
// those matched to an optional item, and those left unmatched that would
// match an optional item. Recall is the share of required items matched;
// optional items never count for it. F1 is the harmonic mean of the two.
// A share whose denominator is 0 is 0, and so is F1 when both are 0.
//
// Only documents with gold items count: predictions for other documents
// are left out, so that the mentions of a whole corpus can be evaluated
// against gold for a few of its documents.
//
// Per stance, a prediction counts for its stance, and a required item for
// the stance of the prediction it matched or, when it was missed, for the
// first of its stances.
package evaluate

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/output"
)

// MaxLineBytes bounds a line of a gold file or of a mentions file.
const MaxLineBytes = 1 << 20

// A GoldItem is one line of a gold file: a stance an actor takes in a
// passage of a document, as a careful reader finds it.
type GoldItem struct {
	Doc   string `json:"doc"`
	Quote string `json:"quote,omitempty"` // an exact substring occurring once in the document
	// Start and End are byte offsets into the document text of the span
	// the item covers: from the file when it gives them, otherwise set by
	// Locate from the quote.
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Actor    string   `json:"actor"`
	Stances  []string `json:"stance"` // the stances any of which is right
	Required bool     `json:"required"`

	// Kept for reports; the matching ignores them.
	Target        string   `json:"target,omitempty"`
	Toward        []string `json:"toward,omitempty"`
	NegatedPhrase bool     `json:"negated_phrase,omitempty"`
	Modality      string   `json:"modality,omitempty"`
	Note          string   `json:"note,omitempty"`

	File string `json:"file"` // the gold file, as named to ReadGold
	Line int    `json:"line"` // 1-based line in it
}

// goldLine is one line of a gold file as written, each field checked and
// converted by ReadGold. Fields it does not name are allowed and ignored.
type goldLine struct {
	Doc           json.RawMessage `json:"doc"`
	Quote         json.RawMessage `json:"quote"`
	Start         json.RawMessage `json:"start"`
	End           json.RawMessage `json:"end"`
	Actor         json.RawMessage `json:"actor"`
	Stance        json.RawMessage `json:"stance"`
	Required      json.RawMessage `json:"required"`
	Target        json.RawMessage `json:"target"`
	Toward        json.RawMessage `json:"toward"`
	NegatedPhrase json.RawMessage `json:"negated_phrase"`
	Modality      json.RawMessage `json:"modality"`
	Note          json.RawMessage `json:"note"`
}

// ReadGold reads a gold file: one JSON object a line, blank lines skipped.
//
// Each object has "doc" and "actor", non-empty strings; "stance", a
// non-empty string or a non-empty list of them; and "quote", a non-empty
// string, or "start" and "end", byte offsets with start < end, or both.
// "required" is true or false, and true when absent. "target", "modality"
// and "note" are strings, "toward" a string or a list of strings and
// "negated_phrase" true or false, all optional. A null is taken for an
// absent field, and other fields are ignored.
//
// name is the file's name for messages and GoldItem.File. An error is a
// *corpus.Error naming the file and line.
func ReadGold(r io.Reader, name string) ([]GoldItem, error) {
	var items []GoldItem
	sc := newLineScanner(r)
	line := 0
	for sc.Scan() {
		line++
		data := bytes.TrimSpace(sc.Bytes())
		if line == 1 {
			data = bytes.TrimPrefix(data, []byte("\ufeff"))
		}
		if len(data) == 0 {
			continue
		}
		it, err := parseGold(data)
		if err != nil {
			return nil, &corpus.Error{Path: name, Line: line, Err: err}
		}
		it.File, it.Line = name, line
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, &corpus.Error{Path: name, Line: line + 1, Err: scanError(err)}
	}
	return items, nil
}

// parseGold decodes and checks one line of a gold file.
func parseGold(data []byte) (GoldItem, error) {
	var it GoldItem
	var g goldLine
	if kind := corpus.JSONKind(data); kind != "object" && json.Valid(data) {
		return it, fmt.Errorf("want a JSON object, got %s", kind)
	}
	if err := json.Unmarshal(data, &g); err != nil {
		return it, jsonError(err)
	}
	var err error
	if it.Doc, err = stringField(g.Doc, "doc", true); err != nil {
		return it, err
	}
	if it.Actor, err = stringField(g.Actor, "actor", true); err != nil {
		return it, err
	}
	if it.Stances, err = stringsField(g.Stance, "stance"); err != nil {
		return it, err
	}
	if len(it.Stances) == 0 {
		return it, errors.New(`missing "stance"`)
	}
	if it.Quote, err = stringField(g.Quote, "quote", false); err != nil {
		return it, err
	}
	if !isNull(g.Quote) && it.Quote == "" {
		return it, errors.New(`"quote" must not be empty`)
	}
	start, hasStart, err := offsetField(g.Start, "start")
	if err != nil {
		return it, err
	}
	end, hasEnd, err := offsetField(g.End, "end")
	if err != nil {
		return it, err
	}
	switch {
	case hasStart != hasEnd:
		return it, errors.New(`"start" and "end" go together`)
	case hasStart && start >= end:
		return it, fmt.Errorf(`"start" %d must be less than "end" %d`, start, end)
	case !hasStart && it.Quote == "":
		return it, errors.New(`missing "quote", or "start" and "end"`)
	}
	it.Start, it.End = start, end
	it.Required = true
	if !isNull(g.Required) {
		if it.Required, err = boolField(g.Required, "required"); err != nil {
			return it, err
		}
	}
	if !isNull(g.NegatedPhrase) {
		if it.NegatedPhrase, err = boolField(g.NegatedPhrase, "negated_phrase"); err != nil {
			return it, err
		}
	}
	if it.Target, err = stringField(g.Target, "target", false); err != nil {
		return it, err
	}
	if it.Modality, err = stringField(g.Modality, "modality", false); err != nil {
		return it, err
	}
	if it.Note, err = stringField(g.Note, "note", false); err != nil {
		return it, err
	}
	if it.Toward, err = stringsField(g.Toward, "toward"); err != nil {
		return it, err
	}
	return it, nil
}

// isNull reports whether a field is absent or null.
func isNull(raw json.RawMessage) bool {
	return raw == nil || corpus.JSONKind(raw) == "null"
}

// stringField returns a string field; absent or null gives "", an error
// when the field is required. A required field must not be empty.
func stringField(raw json.RawMessage, name string, required bool) (string, error) {
	if isNull(raw) {
		if required {
			return "", fmt.Errorf("missing %q", name)
		}
		return "", nil
	}
	var s string
	if kind := corpus.JSONKind(raw); kind != "string" {
		return "", fmt.Errorf("%q must be a string, not %s", name, kind)
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%q: %w", name, err)
	}
	if required && s == "" {
		return "", fmt.Errorf("%q must not be empty", name)
	}
	return s, nil
}

// stringsField returns a field holding a string or a list of strings, none
// empty; absent or null gives nil.
func stringsField(raw json.RawMessage, name string) ([]string, error) {
	if isNull(raw) {
		return nil, nil
	}
	var list []string
	switch kind := corpus.JSONKind(raw); kind {
	case "string":
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, fmt.Errorf("%q: %w", name, err)
		}
		list = []string{s}
	case "array":
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil {
			return nil, fmt.Errorf("%q: %w", name, err)
		}
		if len(elems) == 0 {
			return nil, fmt.Errorf("%q must not be an empty list", name)
		}
		for i, e := range elems {
			if kind := corpus.JSONKind(e); kind != "string" {
				return nil, fmt.Errorf("%q: element %d must be a string, not %s", name, i+1, kind)
			}
			var s string
			if err := json.Unmarshal(e, &s); err != nil {
				return nil, fmt.Errorf("%q: element %d: %w", name, i+1, err)
			}
			list = append(list, s)
		}
	default:
		return nil, fmt.Errorf("%q must be a string or a list of strings, not %s", name, kind)
	}
	for _, s := range list {
		if s == "" {
			return nil, fmt.Errorf("%q must not hold an empty string", name)
		}
	}
	return list, nil
}

// boolField returns a field that must be true or false.
func boolField(raw json.RawMessage, name string) (bool, error) {
	if kind := corpus.JSONKind(raw); kind != "boolean" {
		return false, fmt.Errorf("%q must be true or false, not %s", name, kind)
	}
	var b bool
	if err := json.Unmarshal(raw, &b); err != nil {
		return false, fmt.Errorf("%q: %w", name, err)
	}
	return b, nil
}

// offsetField returns a byte offset, a non-negative integer, and whether
// the field was given.
func offsetField(raw json.RawMessage, name string) (int, bool, error) {
	if isNull(raw) {
		return 0, false, nil
	}
	var n int
	if err := json.Unmarshal(raw, &n); err != nil || n < 0 {
		return 0, false, fmt.Errorf("%q must be a byte offset, a non-negative integer, not %s", name, bytes.TrimSpace(raw))
	}
	return n, true, nil
}

// jsonError rewrites an error of encoding/json about one line for the
// reader of the file.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("invalid JSON at column %d: %v", syn.Offset, syn)
	case errors.As(err, &typ) && typ.Field != "":
		return fmt.Errorf("%q must be %s, not %s", typ.Field, typeName(typ.Type), typ.Value)
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// typeName describes a Go type as the JSON that decodes into it.
func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}

// newLineScanner returns a scanner of the lines of r, of at most
// MaxLineBytes each.
func newLineScanner(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	return sc
}

// scanError explains a scanner error.
func scanError(err error) error {
	if errors.Is(err, bufio.ErrTooLong) {
		return fmt.Errorf("line longer than %d bytes", MaxLineBytes)
	}
	return err
}

// Locate sets the span of each item from its quote in texts, which maps
// document ids to their texts: the quote must occur exactly once in the
// document (occurrences may overlap), and when the item also gives offsets
// they must be those of the quote. An item given by offsets alone must fit
// in its document.
//
// Every item is checked; the error joins one *corpus.Error, naming the gold
// file and line, per item in error, except that a document missing from
// texts is reported once, at the first item naming it.
func Locate(items []GoldItem, texts map[string]string) error {
	missing := make(map[string]int) // items naming each missing document
	for _, it := range items {
		if _, ok := texts[it.Doc]; !ok {
			missing[it.Doc]++
		}
	}
	var errs []error
	for i := range items {
		it := &items[i]
		var err error
		switch n, ok := missing[it.Doc]; {
		case !ok:
			err = locate(it, texts[it.Doc])
		case n == 0:
			continue // reported at an earlier item
		case n == 1:
			err = fmt.Errorf("document %q is not among the texts", it.Doc)
		default:
			err = fmt.Errorf("document %q is not among the texts (%d items name it)", it.Doc, n)
			missing[it.Doc] = 0
		}
		if err != nil {
			errs = append(errs, &corpus.Error{Path: it.File, Line: it.Line, Err: err})
		}
	}
	return errors.Join(errs...)
}

// locate sets the span of an item from its quote in text, the text of its
// document.
func locate(it *GoldItem, text string) error {
	if it.Quote == "" {
		if it.Start < 0 || it.End > len(text) || it.Start >= it.End {
			return fmt.Errorf("span %d-%d does not fit in document %q, of %d bytes", it.Start, it.End, it.Doc, len(text))
		}
		return nil
	}
	at := strings.Index(text, it.Quote)
	if at < 0 {
		return fmt.Errorf("quote %q not found in document %q", it.Quote, it.Doc)
	}
	if next := strings.Index(text[at+1:], it.Quote); next >= 0 {
		return fmt.Errorf("quote %q occurs more than once in document %q (at bytes %d and %d)", it.Quote, it.Doc, at, at+1+next)
	}
	start, end := at, at+len(it.Quote)
	if it.End > 0 && (it.Start != start || it.End != end) {
		return fmt.Errorf("span %d-%d disagrees with the quote, found at %d-%d", it.Start, it.End, start, end)
	}
	it.Start, it.End = start, end
	return nil
}

// A MentionReader reads the mentions of a mentions.jsonl, one a line.
type MentionReader struct {
	sc   *bufio.Scanner
	name string
	line int
}

// NewMentionReader returns a reader of r, whose name is used in errors.
func NewMentionReader(r io.Reader, name string) *MentionReader {
	return &MentionReader{sc: newLineScanner(r), name: name}
}

// Read returns the next mention, skipping blank lines, or io.EOF after the
// last. A mention must have a document, an actor and a stance, and a
// non-empty span with 0 <= Start < End; other fields are not checked, and
// unknown ones are ignored. Any other error is a *corpus.Error naming the
// file and line, after which the reader is not to be used.
func (mr *MentionReader) Read() (output.Mention, error) {
	for mr.sc.Scan() {
		mr.line++
		data := bytes.TrimSpace(mr.sc.Bytes())
		if mr.line == 1 {
			data = bytes.TrimPrefix(data, []byte("\ufeff"))
		}
		if len(data) == 0 {
			continue
		}
		m, err := parseMention(data)
		if err != nil {
			return output.Mention{}, &corpus.Error{Path: mr.name, Line: mr.line, Err: err}
		}
		return m, nil
	}
	if err := mr.sc.Err(); err != nil {
		return output.Mention{}, &corpus.Error{Path: mr.name, Line: mr.line + 1, Err: scanError(err)}
	}
	return output.Mention{}, io.EOF
}

// Line returns the line of the mention Read returned last.
func (mr *MentionReader) Line() int { return mr.line }

// parseMention decodes and checks one line of a mentions file.
func parseMention(data []byte) (output.Mention, error) {
	var m output.Mention
	if kind := corpus.JSONKind(data); kind != "object" && json.Valid(data) {
		return m, fmt.Errorf("want a JSON object, got %s", kind)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return output.Mention{}, jsonError(err)
	}
	switch {
	case m.Doc == "":
		return m, errors.New(`missing "doc"`)
	case m.Actor == "":
		return m, errors.New(`missing "actor"`)
	case m.Stance == "":
		return m, errors.New(`missing "stance"`)
	case m.Start < 0 || m.Start >= m.End:
		return m, fmt.Errorf(`"start" and "end" must give a non-empty span, not %d-%d`, m.Start, m.End)
	}
	return m, nil
}

// A Score counts predictions and gold items and gives the resulting
// precision, recall and F1.
type Score struct {
	Predicted int     `json:"predicted"` // predictions counted for precision
	Matched   int     `json:"matched"`   // those that matched a required item
	Gold      int     `json:"gold"`      // required items
	Found     int     `json:"found"`     // required items matched
	Precision float64 `json:"precision"` // Matched / Predicted, 0 when nothing was predicted
	Recall    float64 `json:"recall"`    // Found / Gold, 0 when there is no required item
	F1        float64 `json:"f1"`        // harmonic mean of the two, 0 when both are 0
}

// finish computes the shares from the counts.
func (s *Score) finish() {
	s.Precision, s.Recall, s.F1 = 0, 0, 0
	if s.Predicted > 0 {
		s.Precision = float64(s.Matched) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Found) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// A StanceScore is the score of one stance.
type StanceScore struct {
	Stance string `json:"stance"`
	Score
}

// A Report is the outcome of an evaluation.
type Report struct {
	Documents int           `json:"documents"` // documents with gold items
	Overall   Score         `json:"overall"`
	ByStance  []StanceScore `json:"by_stance"` // by stance name

	Optional      int `json:"optional"`       // optional items
	OptionalFound int `json:"optional_found"` // optional items matched
	// Predictions left out of precision: matched to an optional item, or
	// unmatched but matching one.
	LeftOut int `json:"left_out"`
	// Predictions for documents without gold items, ignored.
	OtherDocs int `json:"other_docs"`

	Misses         []GoldItem       `json:"misses"`          // required items not matched, in gold order
	FalsePositives []output.Mention `json:"false_positives"` // predictions counted and not matched, in input order
}

// Evaluate matches the predictions to the gold items, whose spans must be
// set (see Locate), and scores them; see the package comment for the rules.
func Evaluate(items []GoldItem, predicted []output.Mention) Report {
	rep := Report{Misses: []GoldItem{}, FalsePositives: []output.Mention{}}
	itemsOf := make(map[string][]int) // item indexes by document
	for i, it := range items {
		itemsOf[it.Doc] = append(itemsOf[it.Doc], i)
	}
	rep.Documents = len(itemsOf)

	// The bipartite graph: for each item, the predictions it would match.
	m := matching{
		adj:    make([][]int, len(items)),
		predOf: make([]int, len(items)),
		itemOf: make([]int, len(predicted)),
		seen:   make([]int, len(predicted)),
	}
	optional := make([]bool, len(predicted)) // would match an optional item
	for p, pr := range predicted {
		m.itemOf[p] = -1
		is, ok := itemsOf[pr.Doc]
		if !ok {
			rep.OtherDocs++
			continue
		}
		for _, i := range is {
			if matches(items[i], pr) {
				m.adj[i] = append(m.adj[i], p)
				if !items[i].Required {
					optional[p] = true
				}
			}
		}
	}
	for i := range items {
		m.predOf[i] = -1
	}
	// Required items first: augmenting from an item later never unmatches
	// one matched before, so this maximises the required items matched,
	// then the optional ones.
	for _, required := range []bool{true, false} {
		for i, it := range items {
			if it.Required == required {
				m.round++
				m.augment(i)
			}
		}
	}

	byStance := make(map[string]*Score)
	stanceScore := func(stance string) *Score {
		s := byStance[stance]
		if s == nil {
			s = new(Score)
			byStance[stance] = s
		}
		return s
	}
	for p, pr := range predicted {
		if _, ok := itemsOf[pr.Doc]; !ok {
			continue
		}
		i := m.itemOf[p]
		if optional[p] && (i < 0 || !items[i].Required) {
			rep.LeftOut++
			continue
		}
		s := stanceScore(pr.Stance)
		s.Predicted++
		rep.Overall.Predicted++
		if i >= 0 {
			s.Matched++
			rep.Overall.Matched++
		} else {
			rep.FalsePositives = append(rep.FalsePositives, pr)
		}
	}
	for i, it := range items {
		p := m.predOf[i]
		if !it.Required {
			rep.Optional++
			if p >= 0 {
				rep.OptionalFound++
			}
			continue
		}
		rep.Overall.Gold++
		if p < 0 {
			stance := "" // ReadGold gives every item a stance; a hand-made item may lack one
			if len(it.Stances) > 0 {
				stance = it.Stances[0]
			}
			stanceScore(stance).Gold++
			rep.Misses = append(rep.Misses, it)
			continue
		}
		s := stanceScore(predicted[p].Stance)
		s.Gold++
		s.Found++
		rep.Overall.Found++
	}

	rep.Overall.finish()
	rep.ByStance = make([]StanceScore, 0, len(byStance))
	for stance, s := range byStance {
		s.finish()
		rep.ByStance = append(rep.ByStance, StanceScore{Stance: stance, Score: *s})
	}
	slices.SortFunc(rep.ByStance, func(a, b StanceScore) int { return cmp.Compare(a.Stance, b.Stance) })
	return rep
}

// matches reports whether a prediction matches a gold item, whatever the
// other items and predictions.
func matches(it GoldItem, pr output.Mention) bool {
	return pr.Doc == it.Doc &&
		pr.Start < it.End && it.Start < pr.End &&
		pr.Actor == it.Actor &&
		slices.Contains(it.Stances, pr.Stance)
}

// matching is a bipartite matching of gold items to predictions, grown one
// augmenting path at a time (Kuhn's algorithm).
type matching struct {
	adj    [][]int // for each item, the predictions it would match, in input order
	predOf []int   // for each item, its prediction, or -1
	itemOf []int   // for each prediction, its item, or -1
	seen   []int   // for each prediction, the last round that visited it
	round  int
}

// augment looks for an augmenting path from the unmatched item i and, when
// it finds one, flips it: i becomes matched and every item matched before
// stays matched.
func (m *matching) augment(i int) bool {
	for _, p := range m.adj[i] {
		if m.seen[p] == m.round {
			continue
		}
		m.seen[p] = m.round
		if j := m.itemOf[p]; j < 0 || m.augment(j) {
			m.itemOf[p], m.predOf[i] = i, p
			return true
		}
	}
	return false
}
