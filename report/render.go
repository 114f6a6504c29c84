package report

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/standpoint/standpoint/analysis/aggregate"
)

var (
	//go:embed assets/report.html.tmpl
	pageSource string
	//go:embed assets/report.css
	pageCSS string
	//go:embed assets/report.js
	pageJS string
)

// pageTemplate is parsed once and only read after.
var pageTemplate = template.Must(template.New("report").Funcs(template.FuncMap{"clean": clean}).Parse(pageSource))

// csp allows the page's own script (by its hash) and inline styles, and
// nothing from anywhere else: the page can load nothing even if a link or
// an image slipped into it.
var csp = fmt.Sprintf("default-src 'none'; script-src 'sha256-%s'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
	base64.StdEncoding.EncodeToString(func() []byte { h := sha256.Sum256([]byte(pageJS)); return h[:] }()))

// page is what the template draws.
type page struct {
	Data    *Data
	JSON    template.JS // Data, for the script element
	Lead    string
	ByWord  string
	Legend  []legendGroup
	Profile profileView
	Trend   trendView
	Matrix  matrixView
	CSP     string
	CSS     template.CSS
	JS      template.JS
}

type legendGroup struct {
	Group   string
	Stances []StanceInfo
}

// Write writes the page of d to w.
func Write(w io.Writer, d *Data) error {
	// encoding/json escapes <, > and & (and U+2028, U+2029), so that the
	// data cannot close its script element or open a comment in it.
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	p := page{
		Data:    d,
		JSON:    template.JS(data),
		Lead:    lead(d),
		ByWord:  byWord(d.By),
		Profile: profileOf(d),
		Trend:   trendOf(d),
		Matrix:  matrixViewOf(d),
		CSP:     csp,
		CSS:     template.CSS(pageCSS),
		JS:      template.JS(pageJS),
	}
	for _, g := range d.Groups {
		lg := legendGroup{Group: g.Group}
		for _, s := range d.Stances {
			if s.Group == g.Group {
				lg.Stances = append(lg.Stances, s)
			}
		}
		p.Legend = append(p.Legend, lg)
	}
	if err := pageTemplate.Execute(w, p); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// lead sums up the corpus in a line.
func lead(d *Data) string {
	c := d.Corpus
	parts := []string{
		plural(c.Documents, "document"),
		fmt.Sprintf("%s by %s", plural(c.Mentions, "stance mention"), plural(c.Actors, "actor")),
	}
	switch {
	case c.First != "" && c.First != c.Last:
		parts = append(parts, c.First+" to "+c.Last)
	case c.First != "":
		parts = append(parts, c.First)
	}
	return strings.Join(parts, " · ")
}

func byWord(by string) string {
	switch by {
	case aggregate.ByDay:
		return "per day"
	case aggregate.ByWeek:
		return "per week"
	case aggregate.ByMonth:
		return "per month"
	case aggregate.ByQuarter:
		return "per quarter"
	case aggregate.ByYear:
		return "per year"
	case aggregate.BySource:
		return "per source"
	}
	return ""
}
