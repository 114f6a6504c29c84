package aggregate

import (
	"fmt"
	"io"
	"strconv"

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
		b = jsonenc.String(append(b, `,"by":`...), f.By)
	}
	t := &f.Corpus
	b = appendInt(b, `,"corpus":{"documents":`, int64(t.Documents))
	b = appendInt(b, `,"failed":`, int64(t.Failed))
	b = appendInt(b, `,"bytes":`, t.Bytes)
	b = appendInt(b, `,"sentences":`, int64(t.Sentences))
	b = appendInt(b, `,"tokens":`, int64(t.Tokens))
	b = appendInt(b, `,"mentions":`, int64(t.Mentions))
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
	b = jsonenc.String(append(b, `{"id":`...), a.ID)
	b = jsonenc.String(append(b, `,"name":`...), a.Name)
	if a.Type != "" {
		b = jsonenc.String(append(b, `,"type":`...), a.Type)
	}
	b = appendInt(b, `,"references":`, int64(a.References))
	b = jsonenc.List(append(b, `,"aliases":`...), a.Aliases, appendCount)
	b = jsonenc.List(append(b, `,"stances":`...), a.Stances, func(b []byte, s *stateStance) []byte {
		b = jsonenc.String(append(b, `{"stance":`...), s.Stance)
		b = jsonenc.String(append(b, `,"cameo":`...), s.Cameo)
		b = appendInt(b, `,"count":`, int64(s.Count))
		b = appendInt(b, `,"negated":`, int64(s.Negated))
		b = appendInt(b, `,"score_sum":`, s.ScoreSum)
		b = jsonenc.List(append(b, `,"targets":`...), s.Targets, appendCount)
		b = jsonenc.List(append(b, `,"toward":`...), s.Toward, appendCount)
		b = jsonenc.List(append(b, `,"examples":`...), s.Examples, appendExample)
		return append(b, '}')
	})
	if len(a.Buckets) > 0 {
		b = jsonenc.List(append(b, `,"buckets":`...), a.Buckets, func(b []byte, sb *stateBucket) []byte {
			b = jsonenc.String(append(b, `{"bucket":`...), sb.Bucket)
			b = appendInt(b, `,"mentions":`, int64(sb.Mentions))
			b = appendInt(b, `,"score_sum":`, sb.ScoreSum)
			b = jsonenc.List(append(b, `,"stances":`...), sb.Stances, func(b []byte, c *stateBucketCount) []byte {
				b = jsonenc.String(append(b, `{"stance":`...), c.Stance)
				b = appendInt(b, `,"count":`, int64(c.Count))
				b = appendInt(b, `,"negated":`, int64(c.Negated))
				return append(appendInt(b, `,"score_sum":`, c.ScoreSum), '}')
			})
			return append(b, '}')
		})
	}
	return append(b, '}')
}

func appendBucketTotal(b []byte, bt *BucketTotal) []byte {
	b = jsonenc.String(append(b, `{"bucket":`...), bt.Bucket)
	b = appendInt(b, `,"documents":`, int64(bt.Documents))
	return append(appendInt(b, `,"mentions":`, int64(bt.Mentions)), '}')
}

func appendExample(b []byte, e *Example) []byte {
	b = jsonenc.String(append(b, `{"doc":`...), e.Doc)
	if e.Date != "" {
		b = jsonenc.String(append(b, `,"date":`...), e.Date)
	}
	b = appendInt(b, `,"start":`, int64(e.Start))
	b = appendInt(b, `,"end":`, int64(e.End))
	return append(jsonenc.String(append(b, `,"text":`...), e.Text), '}')
}

func appendCount(b []byte, c *Count) []byte {
	b = jsonenc.String(append(b, `{"value":`...), c.Value)
	return append(appendInt(b, `,"count":`, int64(c.Count)), '}')
}

// AppendJSON appends s as encoding/json writes it without indentation, or
// fails as it does on a score that is not a number.
func (s *Summary) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	if s.By != "" {
		b = jsonenc.String(append(b, `"by":`...), s.By)
		b = append(b, ',')
	}
	t := &s.Corpus
	b = appendInt(b, `"corpus":{"documents":`, int64(t.Documents))
	b = appendInt(b, `,"failed":`, int64(t.Failed))
	b = appendInt(b, `,"bytes":`, t.Bytes)
	b = appendInt(b, `,"sentences":`, int64(t.Sentences))
	b = appendInt(b, `,"tokens":`, int64(t.Tokens))
	b = appendInt(b, `,"mentions":`, int64(t.Mentions))
	b = appendInt(b, `,"actors":`, int64(t.Actors))
	if len(t.Buckets) > 0 {
		b = jsonenc.List(append(b, `,"buckets":`...), t.Buckets, appendBucketTotal)
	}
	var err error
	b = jsonenc.List(append(b, `},"actors":`...), s.Actors, func(b []byte, a *Actor) []byte {
		b = jsonenc.String(append(b, `{"id":`...), a.ID)
		b = jsonenc.String(append(b, `,"name":`...), a.Name)
		b = jsonenc.String(append(b, `,"type":`...), a.Type)
		b = appendInt(b, `,"mentions":`, int64(a.Mentions))
		b = appendInt(b, `,"references":`, int64(a.References))
		b = jsonenc.List(append(b, `,"aliases":`...), a.Aliases, appendCount)
		b = appendScore(b, a.Score, &err)
		b = jsonenc.List(append(b, `,"stances":`...), a.Stances, func(b []byte, st *Stance) []byte {
			b = jsonenc.String(append(b, `{"stance":`...), st.Stance)
			b = jsonenc.String(append(b, `,"cameo":`...), st.Cameo)
			b = appendInt(b, `,"count":`, int64(st.Count))
			b = appendInt(b, `,"negated":`, int64(st.Negated))
			b = appendScore(b, st.Score, &err)
			b = jsonenc.List(append(b, `,"targets":`...), st.Targets, appendCount)
			b = jsonenc.List(append(b, `,"toward":`...), st.Toward, appendCount)
			b = jsonenc.List(append(b, `,"examples":`...), st.Examples, appendExample)
			return append(b, '}')
		})
		if len(a.Buckets) > 0 {
			b = jsonenc.List(append(b, `,"buckets":`...), a.Buckets, func(b []byte, bk *Bucket) []byte {
				b = jsonenc.String(append(b, `{"bucket":`...), bk.Bucket)
				b = appendInt(b, `,"mentions":`, int64(bk.Mentions))
				b = appendScore(b, bk.Score, &err)
				b = jsonenc.List(append(b, `,"stances":`...), bk.Stances, func(b []byte, c *BucketCount) []byte {
					b = jsonenc.String(append(b, `{"stance":`...), c.Stance)
					b = appendInt(b, `,"count":`, int64(c.Count))
					b = appendInt(b, `,"negated":`, int64(c.Negated))
					return append(appendScore(b, c.Score, &err), '}')
				})
				return append(b, '}')
			})
		}
		return append(b, '}')
	})
	return append(b, '}'), err
}

// appendScore appends the field "score", keeping in err the first score
// that is not a number.
func appendScore(b []byte, f float64, err *error) []byte {
	b, e := jsonenc.Float(append(b, `,"score":`...), f)
	if e != nil && *err == nil {
		*err = fmt.Errorf("score: %w", e)
	}
	return b
}

func appendInt(b []byte, name string, n int64) []byte {
	return strconv.AppendInt(append(b, name...), n, 10)
}
