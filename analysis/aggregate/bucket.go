package aggregate

import (
	"fmt"
	"time"

	"github.com/standpoint/standpoint/corpus"
)

// Ways to bucket documents.
const (
	ByDay     = "day"
	ByWeek    = "week"
	ByMonth   = "month"
	ByQuarter = "quarter"
	ByYear    = "year"
	BySource  = "source"
)

// Undated is the bucket of documents without a date; NoSource of those
// without a source.
const (
	Undated  = "undated"
	NoSource = "(no source)"
)

// ParseBy checks a bucketing name; "" means no buckets.
func ParseBy(by string) (string, error) {
	switch by {
	case "", ByDay, ByWeek, ByMonth, ByQuarter, ByYear, BySource:
		return by, nil
	}
	return "", fmt.Errorf("unknown bucketing %q (want day, week, month, quarter, year or source)", by)
}

// BucketOf returns the bucket of doc: its date as 2025-05-16, 2025-W20,
// 2025-05, 2025-Q2 or 2025, or its source.
func BucketOf(by string, doc corpus.Document) string {
	if by == BySource {
		if doc.Source == "" {
			return NoSource
		}
		return doc.Source
	}
	d, err := time.Parse(time.DateOnly, doc.Date)
	if err != nil {
		return Undated
	}
	switch by {
	case ByDay:
		return d.Format(time.DateOnly)
	case ByWeek:
		y, w := d.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case ByMonth:
		return d.Format("2006-01")
	case ByQuarter:
		return fmt.Sprintf("%04d-Q%d", d.Year(), (int(d.Month())-1)/3+1)
	case ByYear:
		return d.Format("2006")
	}
	return ""
}
