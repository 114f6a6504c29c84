// Package report builds Standpoint's HTML report: one self-contained page
// that shows who takes which stance, toward whom, and how it moves over
// time, with the evidence for every mention.
//
// The page works offline and loads nothing: its style, its script and its
// data are embedded. All the data it shows is one JSON block (see Data),
// which the script reads to fill the evidence table and which the tests
// compare with a golden file.
//
// The charts are SVG drawn by this package through the page's html/template,
// not by a charting library. A library that draws in the browser, such as
// go-echarts, needs about 1 MB of echarts script embedded in every page and
// shows nothing without it; the Go libraries that write SVG (go-chart,
// gonum/plot) draw neither hatched segments for negated stances nor a
// who-toward-whom matrix, and measure text with fonts of their own. The
// three shapes the page needs (stacked bars, small line charts and a grid)
// take a few hundred lines here, keep the page small, show without script,
// and come out byte for byte the same on every run.
package report
