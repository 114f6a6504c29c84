package report

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/standpoint/standpoint/analysis/aggregate"
)

// The views hold the geometry of the charts, computed from Data, for the
// template to draw. Numbers are written with one decimal at most, so that
// the page is the same on every run.

// Geometry of the stance profile chart, in SVG user units.
const (
	profileWidth  = 960
	profileLabelW = 210 // actor names
	profileValueW = 190 // mentions and score, right of the bars
	profileTop    = 26  // percent ticks
	profileRowH   = 30
	profileBarH   = 18
)

type profileView struct {
	Width, Height int
	BarX          int
	Hatches       []hatch
	Ticks         []tick
	Rows          []profileRow
}

// A hatch is the pattern of a stance's negated mentions.
type hatch struct {
	ID, Color string
}

type tick struct {
	X, Y  string
	Label string
}

type profileRow struct {
	ID, Name, Label string // Label: the name cut to fit
	Y, BarY, TextY  string
	ValueX          int
	Value           string
	Segs            []profileSeg
}

type profileSeg struct {
	X, W, Fill, Title string
	Stance            string
	Negated           bool
}

func profileOf(d *Data) profileView {
	barW := profileWidth - profileLabelW - profileValueW
	v := profileView{
		Width:  profileWidth,
		Height: profileTop + len(d.Actors)*profileRowH + 6,
		BarX:   profileLabelW,
	}
	color := make(map[string]string, len(d.Stances))
	hatchOf := make(map[string]string, len(d.Stances))
	for i, st := range d.Stances {
		color[st.Stance] = st.Color
		hatchOf[st.Stance] = fmt.Sprintf("hatch-%d", i)
		v.Hatches = append(v.Hatches, hatch{ID: hatchOf[st.Stance], Color: st.Color})
	}
	for p := 0; p <= 100; p += 25 {
		v.Ticks = append(v.Ticks, tick{X: num(float64(profileLabelW) + float64(barW*p)/100), Y: num(profileTop - 10), Label: fmt.Sprintf("%d%%", p)})
	}
	for i, a := range d.Actors {
		y := float64(profileTop + i*profileRowH)
		r := profileRow{
			ID: a.ID, Name: clean(nameOr(a.Name, a.ID)), Label: cut(nameOr(a.Name, a.ID), 26),
			Y: num(y), BarY: num(y + (profileRowH-profileBarH)/2), TextY: num(y + profileRowH/2 + 4),
			ValueX: profileLabelW + barW + 10,
			Value:  fmt.Sprintf("%s · score %s", plural(a.Mentions, "mention"), signed(a.Score)),
		}
		x := float64(profileLabelW)
		seg := func(n int, st string, negated bool, title string) {
			if n == 0 || a.Mentions == 0 {
				return
			}
			w := float64(barW) * float64(n) / float64(a.Mentions)
			fill := color[st]
			if negated {
				fill = "url(#" + hatchOf[st] + ")"
			}
			r.Segs = append(r.Segs, profileSeg{X: num(x), W: num(w), Fill: fill, Title: title, Stance: st, Negated: negated})
			x += w
		}
		name := clean(nameOr(a.Name, a.ID))
		for _, sc := range a.Stances {
			st, plain := clean(sc.Stance), sc.Count-sc.Negated
			seg(plain, sc.Stance, false, fmt.Sprintf("%s: %s %d of %d (%s)", name, st, plain, a.Mentions, percent(plain, a.Mentions)))
			seg(sc.Negated, sc.Stance, true, fmt.Sprintf("%s: %s by negation (\"did not rule out\") %d of %d (%s)", name, st, sc.Negated, a.Mentions, percent(sc.Negated, a.Mentions)))
		}
		v.Rows = append(v.Rows, r)
	}
	return v
}

// Geometry of one panel of the time charts.
const (
	panelWidth  = 300
	panelHeight = 150
	panelLeft   = 34
	panelRight  = 14
	panelTop    = 10
	panelBottom = 26
)

type trendView struct {
	Width, Height int
	Panels        []trendPanel
}

type trendPanel struct {
	ID, Name     string
	Mentions     int
	Score        string
	Undated      int // mentions in the undated bucket, not drawn
	ClipPos      string
	ClipNeg      string
	Line, Area   string
	Stems        []lollipop
	Points       []trendPoint
	Grid         []gridLine
	XLabels      []axisLabel
	PlotL, PlotR int
	Zero         string
}

type lollipop struct{ X, Y1, Y2 string }

type trendPoint struct {
	X, Y, R, Fill, Title string
}

type gridLine struct {
	Y, Label string
	Zero     bool
}

type axisLabel struct {
	X, Y, Anchor, Text string
}

func trendOf(d *Data) trendView {
	v := trendView{Width: panelWidth, Height: panelHeight}
	// Sources have no order: their points stand alone, on stems.
	categorical := d.By == aggregate.BySource
	var dated []string
	for _, b := range d.Buckets {
		if b != aggregate.Undated {
			dated = append(dated, b)
		}
	}
	if len(dated) == 0 {
		return v
	}
	index := make(map[string]int, len(dated))
	for i, b := range dated {
		index[b] = i
	}
	maxAbs, maxMentions := 0.0, 1
	for _, a := range d.Actors {
		for _, p := range a.Series {
			if _, ok := index[p.Bucket]; ok {
				maxAbs = math.Max(maxAbs, math.Abs(p.Score))
				maxMentions = max(maxMentions, p.Mentions)
			}
		}
	}
	// The score axis runs from -top to +top, the same in every panel.
	top := int(min(10, max(1, math.Ceil(maxAbs))))
	plotL, plotR := panelLeft, panelWidth-panelRight
	plotTop, plotBot := float64(panelTop), float64(panelHeight-panelBottom)
	xOf := func(i int) float64 {
		if len(dated) == 1 {
			return float64(plotL+plotR) / 2
		}
		return float64(plotL) + float64(i)*float64(plotR-plotL)/float64(len(dated)-1)
	}
	yOf := func(s float64) float64 { return plotTop + (float64(top)-s)/float64(2*top)*(plotBot-plotTop) }
	zero := yOf(0)
	var xLabels []axisLabel
	for _, i := range labelIndexes(len(dated)) {
		anchor := "middle"
		switch {
		case len(dated) > 1 && i == 0:
			anchor = "start"
		case len(dated) > 1 && i == len(dated)-1:
			anchor = "end"
		}
		xLabels = append(xLabels, axisLabel{X: num(xOf(i)), Y: num(plotBot + 17), Anchor: anchor, Text: cut(dated[i], 16)})
	}
	grid := []gridLine{
		{Y: num(yOf(float64(top))), Label: fmt.Sprintf("+%d", top)},
		{Y: num(zero), Label: "0", Zero: true},
		{Y: num(yOf(-float64(top))), Label: fmt.Sprintf("−%d", top)},
	}
	for k, a := range d.Actors {
		p := trendPanel{
			ID: a.ID, Name: clean(nameOr(a.Name, a.ID)), Mentions: a.Mentions, Score: signed(a.Score),
			ClipPos: fmt.Sprintf("trend-%d-pos", k), ClipNeg: fmt.Sprintf("trend-%d-neg", k),
			Grid: grid, XLabels: xLabels, PlotL: plotL, PlotR: plotR,
			Zero: num(zero),
		}
		var line strings.Builder
		var first, last float64
		for _, pt := range a.Series {
			i, ok := index[pt.Bucket]
			if !ok {
				p.Undated += pt.Mentions
				continue
			}
			x, y := xOf(i), yOf(pt.Score)
			if line.Len() == 0 {
				first = x
				fmt.Fprintf(&line, "M%s %s", num(x), num(y))
			} else {
				fmt.Fprintf(&line, "L%s %s", num(x), num(y))
			}
			last = x
			fill := "#777777"
			switch {
			case pt.Score > 0:
				fill = "#1b7837"
			case pt.Score < 0:
				fill = "#b2182b"
			}
			r := 2.5 + 3*math.Sqrt(float64(pt.Mentions)/float64(maxMentions))
			p.Points = append(p.Points, trendPoint{
				X: num(x), Y: num(y), R: num(r), Fill: fill,
				Title: fmt.Sprintf("%s, %s: mean score %s over %s", p.Name, clean(pt.Bucket), signed(pt.Score), plural(pt.Mentions, "mention")),
			})
			if categorical {
				p.Stems = append(p.Stems, lollipop{X: num(x), Y1: num(zero), Y2: num(y)})
			}
		}
		if !categorical && len(p.Points) > 1 {
			p.Line = line.String()
			p.Area = fmt.Sprintf("%sL%s %sL%s %sZ", p.Line, num(last), num(zero), num(first), num(zero))
		}
		v.Panels = append(v.Panels, p)
	}
	return v
}

// labelIndexes returns the buckets labelled on the x axis: the first, the
// last and, when there is room, the middle one.
func labelIndexes(n int) []int {
	switch {
	case n == 1:
		return []int{0}
	case n < 5:
		return []int{0, n - 1}
	}
	return []int{0, n / 2, n - 1}
}

// Geometry of the matrix.
const (
	matrixLabelW = 190
	matrixHeadH  = 120
	matrixCellW  = 64
	matrixCellH  = 46
)

type matrixView struct {
	Width, Height int
	Quadrants     []quadrantKey
	ColLabels     []matrixLabel
	RowLabels     []matrixLabel
	Cells         []matrixCell
}

// quadrantKey places a group in a cell, for the key beside the matrix.
type quadrantKey struct {
	Label, Color string
}

type matrixLabel struct {
	ID, Name, Label, X, Y string
}

type matrixCell struct {
	Row, Col   string // actor ids, for the link
	X, Y, W, H string
	Title      string
	Empty      bool
	Quads      []quad
}

type quad struct {
	X, Y, W, H, Fill, Opacity string
	TextX, TextY, Text        string
	Light                     bool // white text on a dark fill
}

// quadrantGroups are the groups drawn in a cell, clockwise from the top
// left; other categories are counted in the cell's tooltip only.
var quadrantGroups = []string{"demand", "reject", "propose", "support"}

func matrixViewOf(d *Data) matrixView {
	m := d.Matrix
	v := matrixView{
		// Room on the right for the last column's slanted label.
		Width:  matrixLabelW + len(m.Cols)*matrixCellW + 110,
		Height: matrixHeadH + len(m.Rows)*matrixCellH + 10,
	}
	name := namesByID(d)
	for _, g := range quadrantGroups {
		i := groupIndex(groups, g)
		v.Quadrants = append(v.Quadrants, quadrantKey{Label: g, Color: groups[i].Color})
	}
	for c, id := range m.Cols {
		x := float64(matrixLabelW + c*matrixCellW + matrixCellW/2)
		v.ColLabels = append(v.ColLabels, matrixLabel{ID: id, Name: clean(nameOr(name[id], id)), Label: cut(nameOr(name[id], id), 20), X: num(x), Y: num(matrixHeadH - 8)})
	}
	for r, id := range m.Rows {
		y := float64(matrixHeadH + r*matrixCellH + matrixCellH/2 + 4)
		v.RowLabels = append(v.RowLabels, matrixLabel{ID: id, Name: clean(nameOr(name[id], id)), Label: cut(nameOr(name[id], id), 26), X: num(matrixLabelW - 10), Y: num(y)})
	}
	cells := make(map[[2]int][]int, len(m.Cells))
	most := 1
	for _, c := range m.Cells {
		cells[[2]int{c.Row, c.Col}] = c.Counts
		for _, n := range c.Counts {
			most = max(most, n)
		}
	}
	const gap = 2
	qw, qh := float64(matrixCellW-2*gap)/2, float64(matrixCellH-2*gap)/2
	for r, from := range m.Rows {
		for c, to := range m.Cols {
			x0, y0 := float64(matrixLabelW+c*matrixCellW), float64(matrixHeadH+r*matrixCellH)
			counts := cells[[2]int{r, c}]
			cell := matrixCell{Row: from, Col: to, X: num(x0 + 1), Y: num(y0 + 1), W: num(matrixCellW - 2), H: num(matrixCellH - 2), Empty: counts == nil}
			var parts []string
			for gi, g := range d.Groups {
				if counts != nil && counts[gi] > 0 {
					parts = append(parts, fmt.Sprintf("%s %d", clean(g.Group), counts[gi]))
				}
			}
			cell.Title = fmt.Sprintf("%s → %s: ", clean(nameOr(name[from], from)), clean(nameOr(name[to], to)))
			if len(parts) == 0 {
				cell.Title += "no stance"
			} else {
				cell.Title += strings.Join(parts, ", ")
			}
			for q, g := range quadrantGroups {
				gi := groupIndex(d.Groups, g)
				n := 0
				if counts != nil && gi >= 0 {
					n = counts[gi]
				}
				if n == 0 {
					continue
				}
				qx, qy := x0+gap+float64(q%2)*qw, y0+gap+float64(q/2)*qh
				alpha := 0.18 + 0.82*math.Sqrt(float64(n)/float64(most))
				cell.Quads = append(cell.Quads, quad{
					X: num(qx + 0.5), Y: num(qy + 0.5), W: num(qw - 1), H: num(qh - 1),
					Fill: groups[groupIndex(groups, g)].Color, Opacity: fmt.Sprintf("%.2f", alpha),
					TextX: num(qx + qw/2), TextY: num(qy + qh/2 + 4), Text: fmt.Sprint(n), Light: alpha > 0.5,
				})
			}
			v.Cells = append(v.Cells, cell)
		}
	}
	return v
}

func namesByID(d *Data) map[string]string {
	m := make(map[string]string, len(d.Names))
	for _, n := range d.Names {
		m[n.ID] = n.Name
	}
	return m
}

// num writes a coordinate with at most one decimal.
func num(x float64) string {
	s := fmt.Sprintf("%.1f", x)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

// signed writes a score with its sign.
func signed(x float64) string {
	switch {
	case x > 0:
		return fmt.Sprintf("+%.2f", x)
	case x < 0:
		return fmt.Sprintf("−%.2f", -x)
	}
	return "0.00"
}

func percent(n, of int) string {
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(of))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func nameOr(name, id string) string {
	if name == "" {
		return id
	}
	return name
}

// clean replaces control characters, which have no place in a label.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// cut shortens s to n characters with an ellipsis, cleaned.
func cut(s string, n int) string {
	s = clean(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
