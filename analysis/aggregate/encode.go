package aggregate

import (
	"fmt"
	"io"

	"github.com/standpoint/standpoint/internal/jsonenc"
)

// The encoders of the state and the summary, built by hand: both are
// megabytes of small structs for a large corpus, and through encoding/json's
// reflection their encoding was the longest part of the end of a run.
// Tests hold each to what encoding/json writes.

// writeState writes f as encoding/json writes it, and a newline, a few
// actors at a time rather than built whole first.
func writeState(w io.Writer, f *stateFile) error {
	b := jsonenc.String(append(make([]byte, 0, 64<<10), `{"format":`...), f.Format)
	if f.By != "" {
		b = jsonenc.StringField(b, `,"by":`, f.By)
	}
	t := &f.Corpus
	b = jsonenc.IntField(b, `,"corpus":{"documents":`, int64(t.Documents))
	b = jsonenc.IntField(b, `,"failed":`, int64(t.Failed))
	b = jsonenc.IntField(b, `,"bytes":`, t.Bytes)
	b = jsonenc.IntField(b, `,"sentences":`, int64(t.Sentences))
	b = jsonenc.IntField(b, `,"tokens":`, int64(t.Tokens))
	b = jsonenc.IntField(b, `,"mentions":`, int64(t.Mentions))
	if len(t.Buckets) > 0 {
		b = jsonenc.List(append(b, `,"buckets":`...), t.Buckets, appendBucketTotal)
	}
	b = append(b, `},"actors":`...)
	if f.Actors == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range f.Actors {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendStateActor(b, &f.Actors[i])
			if len(b) >= 32<<10 {
				if _, err := w.Write(b); err != nil {
					return err
				}
				b = b[:0]
			}
		}
		b = append(b, ']')
	}
	_, err := w.Write(append(b, "}\n"...))
	return err
}

func appendStateActor(b []byte, a *stateActor) []byte {
	b = jsonenc.StringField(b, `{"id":`, a.ID)
	b = jsonenc.StringField(b, `,"name":`, a.Name)
	if a.Type != "" {
		b = jsonenc.StringField(b, `,"type":`, a.Type)
	}
	b = jsonenc.IntField(b, `,"references":`, int64(a.References))
	b = jsonenc.List(append(b, `,"aliases":`...), a.Aliases, appendCount)
	b = jsonenc.List(append(b, `,"stances":`...), a.Stances, appendStateStance)
	if len(a.Buckets) > 0 {
		b = jsonenc.List(append(b, `,"buckets":`...), a.Buckets, appendStateBucket)
	}
	return append(b, '}')
}

func appendStateStance(b []byte, s *stateStance) []byte {
	b = jsonenc.StringField(b, `{"stance":`, s.Stance)
	b = jsonenc.StringField(b, `,"cameo":`, s.Cameo)
	b = jsonenc.IntField(b, `,"count":`, int64(s.Count))
	b = jsonenc.IntField(b, `,"negated":`, int64(s.Negated))
	b = jsonenc.IntField(b, `,"score_sum":`, s.ScoreSum)
	b = jsonenc.List(append(b, `,"targets":`...), s.Targets, appendCount)
	b = jsonenc.List(append(b, `,"toward":`...), s.Toward, appendCount)
	b = jsonenc.List(append(b, `,"examples":`...), s.Examples, appendExample)
	return append(b, '}')
}

func appendStateBucket(b []byte, sb *stateBucket) []byte {
	b = jsonenc.StringField(b, `{"bucket":`, sb.Bucket)
	b = jsonenc.IntField(b, `,"mentions":`, int64(sb.Mentions))
	b = jsonenc.IntField(b, `,"score_sum":`, sb.ScoreSum)
	b = jsonenc.List(append(b, `,"stances":`...), sb.Stances, appendStateBucketCount)
	return append(b, '}')
}

func appendStateBucketCount(b []byte, c *stateBucketCount) []byte {
	b = jsonenc.StringField(b, `{"stance":`, c.Stance)
	b = jsonenc.IntField(b, `,"count":`, int64(c.Count))
	b = jsonenc.IntField(b, `,"negated":`, int64(c.Negated))
	return append(jsonenc.IntField(b, `,"score_sum":`, c.ScoreSum), '}')
}

func appendBucketTotal(b []byte, bt *BucketTotal) []byte {
	b = jsonenc.StringField(b, `{"bucket":`, bt.Bucket)
	b = jsonenc.IntField(b, `,"documents":`, int64(bt.Documents))
	return append(jsonenc.IntField(b, `,"mentions":`, int64(bt.Mentions)), '}')
}

func appendExample(b []byte, e *Example) []byte {
	b = jsonenc.StringField(b, `{"doc":`, e.Doc)
	if e.Date != "" {
		b = jsonenc.StringField(b, `,"date":`, e.Date)
	}
	b = jsonenc.IntField(b, `,"start":`, int64(e.Start))
	b = jsonenc.IntField(b, `,"end":`, int64(e.End))
	return append(jsonenc.StringField(b, `,"text":`, e.Text), '}')
}

func appendCount(b []byte, c *Count) []byte {
	b = jsonenc.StringField(b, `{"value":`, c.Value)
	return append(jsonenc.IntField(b, `,"count":`, int64(c.Count)), '}')
}

// AppendJSON appends s as encoding/json writes it without indentation, or
// fails as it does on a score that is not a number.
func (s *Summary) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	if s.By != "" {
		b = jsonenc.StringField(b, `"by":`, s.By)
		b = append(b, ',')
	}
	t := &s.Corpus
	b = jsonenc.IntField(b, `"corpus":{"documents":`, int64(t.Documents))
	b = jsonenc.IntField(b, `,"failed":`, int64(t.Failed))
	b = jsonenc.IntField(b, `,"bytes":`, t.Bytes)
	b = jsonenc.IntField(b, `,"sentences":`, int64(t.Sentences))
	b = jsonenc.IntField(b, `,"tokens":`, int64(t.Tokens))
	b = jsonenc.IntField(b, `,"mentions":`, int64(t.Mentions))
	b = jsonenc.IntField(b, `,"actors":`, int64(t.Actors))
	if len(t.Buckets) > 0 {
		b = jsonenc.List(append(b, `,"buckets":`...), t.Buckets, appendBucketTotal)
	}
	var e summaryEncoder
	b = jsonenc.List(append(b, `},"actors":`...), s.Actors, e.actor)
	return append(b, '}'), e.err
}

// A summaryEncoder appends the parts of a summary, keeping the first score
// that is not a number as its error.
type summaryEncoder struct{ err error }

func (e *summaryEncoder) actor(b []byte, a *Actor) []byte {
	b = jsonenc.StringField(b, `{"id":`, a.ID)
	b = jsonenc.StringField(b, `,"name":`, a.Name)
	b = jsonenc.StringField(b, `,"type":`, a.Type)
	b = jsonenc.IntField(b, `,"mentions":`, int64(a.Mentions))
	b = jsonenc.IntField(b, `,"references":`, int64(a.References))
	b = jsonenc.List(append(b, `,"aliases":`...), a.Aliases, appendCount)
	b = e.score(b, a.Score)
	b = jsonenc.List(append(b, `,"stances":`...), a.Stances, e.stance)
	if len(a.Buckets) > 0 {
		b = jsonenc.List(append(b, `,"buckets":`...), a.Buckets, e.bucket)
	}
	return append(b, '}')
}

func (e *summaryEncoder) stance(b []byte, st *Stance) []byte {
	b = jsonenc.StringField(b, `{"stance":`, st.Stance)
	b = jsonenc.StringField(b, `,"cameo":`, st.Cameo)
	b = jsonenc.IntField(b, `,"count":`, int64(st.Count))
	b = jsonenc.IntField(b, `,"negated":`, int64(st.Negated))
	b = e.score(b, st.Score)
	b = jsonenc.List(append(b, `,"targets":`...), st.Targets, appendCount)
	b = jsonenc.List(append(b, `,"toward":`...), st.Toward, appendCount)
	b = jsonenc.List(append(b, `,"examples":`...), st.Examples, appendExample)
	return append(b, '}')
}

func (e *summaryEncoder) bucket(b []byte, bk *Bucket) []byte {
	b = jsonenc.StringField(b, `{"bucket":`, bk.Bucket)
	b = jsonenc.IntField(b, `,"mentions":`, int64(bk.Mentions))
	b = e.score(b, bk.Score)
	b = jsonenc.List(append(b, `,"stances":`...), bk.Stances, e.bucketCount)
	return append(b, '}')
}

func (e *summaryEncoder) bucketCount(b []byte, c *BucketCount) []byte {
	b = jsonenc.StringField(b, `{"stance":`, c.Stance)
	b = jsonenc.IntField(b, `,"count":`, int64(c.Count))
	b = jsonenc.IntField(b, `,"negated":`, int64(c.Negated))
	return append(e.score(b, c.Score), '}')
}

// score appends the field "score".
func (e *summaryEncoder) score(b []byte, f float64) []byte {
	b, err := jsonenc.Float(append(b, `,"score":`...), f)
	if err != nil && e.err == nil {
		e.err = fmt.Errorf("score: %w", err)
	}
	return b
}
