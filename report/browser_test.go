package report

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The browser tests load the page of the sample corpus in headless
// Chromium from a file, and checks that it shows what its data holds,
// without an error in the console and without a single network request.
//
// It runs when Chromium is installed (/usr/bin/chromium, or the program
// STANDPOINT_CHROMIUM names). .ci/run installs it and sets
// STANDPOINT_BROWSER=1, under which a missing browser is a failure rather
// than a reason to skip. The screenshots go to STANDPOINT_BROWSER_OUT, or to
// a temporary directory.

// chromium returns the browser to run, or "" when there is none.
func chromium() string {
	if p := os.Getenv("STANDPOINT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserLog records what the page did that it should not.
type browserLog struct {
	mu       sync.Mutex
	page     string
	errors   []string
	requests []string
}

func (l *browserLog) listen(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			l.errors = append(l.errors, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *runtime.EventExceptionThrown:
		l.errors = append(l.errors, "exception: "+ev.ExceptionDetails.Text+" "+exceptionMessage(ev.ExceptionDetails))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			l.errors = append(l.errors, fmt.Sprintf("log %s (%s): %s %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		if ev.Request.URL != l.page {
			l.requests = append(l.requests, ev.Request.URL)
		}
	}
}

func exceptionMessage(d *runtime.ExceptionDetails) string {
	if d.Exception != nil {
		return d.Exception.Description
	}
	return ""
}

// browserOut returns the directory for the pages and screenshots.
func browserOut(t *testing.T) string {
	t.Helper()
	out := os.Getenv("STANDPOINT_BROWSER_OUT")
	if out == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	return out
}

// openPage writes page to dir/name and loads it in a new headless
// Chromium, whose events the returned log records. It skips the test when
// there is no browser, unless STANDPOINT_BROWSER is set.
func openPage(t *testing.T, dir, name string, page []byte) (context.Context, *browserLog) {
	t.Helper()
	browser := chromium()
	if browser == "" {
		if os.Getenv("STANDPOINT_BROWSER") != "" {
			t.Fatal("STANDPOINT_BROWSER is set but Chromium is not installed (apt-get install chromium)")
		}
		t.Skip("Chromium is not installed; STANDPOINT_BROWSER=1 makes this a failure")
	}
	path, err := filepath.Abs(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	bl := &browserLog{page: "file://" + path}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests may run as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
	}
	// A bound on the whole run, so that a hung browser fails the test
	// instead of holding it forever.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx, chromedp.WithListener(bl.listen))
	t.Cleanup(cancelTab)
	if err := chromedp.Do(ctx, chromedp.Navigate(bl.page), chromedp.WaitReady("#count")); err != nil {
		t.Fatalf("loading %s: %v", path, err)
	}
	return ctx, bl
}

// check fails the test for every error and request the page made.
func (l *browserLog) check(t *testing.T) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.errors {
		t.Errorf("browser reported: %s", e)
	}
	for _, r := range l.requests {
		t.Errorf("network request: %s", r)
	}
}

func TestBrowser(t *testing.T) {
	out := browserOut(t)
	d, page := samplePage(t)
	ctx, bl := openPage(t, out, "report.html", page)
	count := func(selector string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", selector)))
		if err != nil {
			t.Fatalf("counting %s: %v", selector, err)
		}
		return n
	}

	// The charts and the table hold what the data says.
	want := expectedElements(d)
	for selector, n := range want {
		if got := count(selector); got != n {
			t.Errorf("%s: %d elements, want %d", selector, got, n)
		}
	}
	shot(t, ctx, filepath.Join(out, "report.png"), true)
	overview(t, ctx, filepath.Join(out, "overview.png"))
	for _, id := range []string{"profiles", "trend", "whom"} {
		png, err := chromedp.Run(ctx, chromedp.Screenshot("#"+id))
		if err != nil {
			t.Fatalf("screenshot of #%s: %v", id, err)
		}
		if err := os.WriteFile(filepath.Join(out, id+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// A click on an actor of the profile chart lists its mentions only,
	// and removing the filter lists them all again.
	first := d.Actors[0].ID
	firstRows := 0
	for _, r := range d.Evidence {
		if r.Actor == first {
			firstRows++
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(`#profile g.row a text`)); err != nil {
		t.Fatal(err)
	}
	waitRows(t, ctx, min(firstRows, 100))
	if err := chromedp.Do(ctx, chromedp.Click(`#filters .filter button`)); err != nil {
		t.Fatal(err)
	}
	waitRows(t, ctx, min(len(d.Evidence), 100))

	// So does a filter in the address.
	ukr := 0
	for _, r := range d.Evidence {
		if r.Actor == "UKR" {
			ukr++
		}
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`location.hash = "actor=UKR"`)); err != nil {
		t.Fatal(err)
	}
	waitRows(t, ctx, min(ukr, 100))
	shot(t, ctx, filepath.Join(out, "evidence-filtered.png"), false)
	if n := count(`#filters .filter`); n != 1 {
		t.Errorf("%d filter chips shown for #actor=UKR, want 1", n)
	}
	// Searching narrows the list to the rows holding the words.
	search := func(q string) {
		t.Helper()
		js := fmt.Sprintf(`{const s = document.getElementById("search"); s.value = %q; s.dispatchEvent(new Event("input"));}`, q)
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](js)); err != nil {
			t.Fatal(err)
		}
	}
	search("ceasefire")
	wantSearch := 0
	for _, r := range d.Evidence {
		if r.Actor == "UKR" && strings.Contains(searchText(d, r), "ceasefire") {
			wantSearch++
		}
	}
	if wantSearch == 0 {
		t.Fatal("the sample has no Ukrainian mention of a ceasefire: choose another word")
	}
	waitRows(t, ctx, wantSearch)
	// Sorting by score puts the lowest first.
	search("")
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`location.hash = ""`)); err != nil {
		t.Fatal(err)
	}
	waitRows(t, ctx, min(len(d.Evidence), 100))
	if err := chromedp.Do(ctx, chromedp.Click(`th[data-sort="score"]`)); err != nil {
		t.Fatal(err)
	}
	top, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#evidence tbody tr td.num").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	lowest := d.Evidence[0].Score
	for _, r := range d.Evidence {
		lowest = min(lowest, r.Score)
	}
	if want := signedJS(lowest); top != want {
		t.Errorf("first score after sorting %q, want %q", top, want)
	}
	// The next page holds the rest.
	if len(d.Evidence) > 100 {
		if err := chromedp.Do(ctx, chromedp.Click("#next")); err != nil {
			t.Fatal(err)
		}
		waitRows(t, ctx, min(len(d.Evidence)-100, 100))
	}

	bl.check(t)
	if os.Getenv("STANDPOINT_BROWSER_OUT") == "" {
		t.Logf("page and screenshots in %s, removed after the test: set STANDPOINT_BROWSER_OUT to keep them", out)
	} else {
		t.Logf("page and screenshots in %s", out)
	}
}

// TestBrowserHostile loads a page built from hostile names, titles and
// ids, and checks that none of them runs or loads anything.
func TestBrowserHostile(t *testing.T) {
	page := hostilePage(t)
	ctx, bl := openPage(t, browserOut(t), "hostile.html", page)
	pwned, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.pwned === true`))
	if err != nil {
		t.Fatal(err)
	}
	if pwned {
		t.Error("a hostile string ran as script")
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#evidence tbody tr").length`))
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("the table shows %d rows, want 2", n)
	}
	bl.check(t)
}

// expectedElements returns, by CSS selector, how many elements the page
// must show for d.
func expectedElements(d *Data) map[string]int {
	segs, points, dated := 0, 0, make(map[string]bool)
	for _, b := range d.Buckets {
		dated[b] = b != "undated"
	}
	for _, a := range d.Actors {
		for _, s := range a.Stances {
			if s.Count > s.Negated {
				segs++
			}
			if s.Negated > 0 {
				segs++
			}
		}
		for _, p := range a.Series {
			if dated[p.Bucket] {
				points++
			}
		}
	}
	neg := 0
	for _, a := range d.Actors {
		for _, s := range a.Stances {
			if s.Negated > 0 {
				neg++
			}
		}
	}
	quads := 0
	for _, c := range d.Matrix.Cells {
		for gi, n := range c.Counts {
			if n > 0 && d.Groups[gi].Group != otherGroup {
				quads++
			}
		}
	}
	return map[string]int{
		"#profile g.row":                len(d.Actors),
		"#profile rect.seg":             segs,
		"#profile rect.seg.neg":         neg,
		"svg.trend":                     len(d.Actors),
		"svg.trend circle.pt":           points,
		"#matrix g.cell":                len(d.Matrix.Rows) * len(d.Matrix.Cols),
		"#matrix g.cell:not(.empty)":    len(d.Matrix.Cells),
		"#matrix g.cell rect[fill]":     quads,
		"#evidence tbody tr":            min(len(d.Evidence), 100),
		"#evidence tbody mark.cue":      min(len(d.Evidence), 100),
		".legend .legend-item svg rect": len(d.Stances) + 1,
	}
}

// searchText returns what the page's search looks in for row r.
func searchText(d *Data, r Row) string {
	names := namesByID(d)
	name := func(id string) string { return nameOr(names[id], id) }
	var toward, towardNames []string
	for _, id := range r.Toward {
		toward = append(toward, id)
		towardNames = append(towardNames, name(id))
	}
	doc := d.Docs[r.Doc]
	return strings.ToLower(strings.Join([]string{
		r.Actor, name(r.Actor), r.ActorText, r.Stance, r.Cue, r.Modality, r.Target,
		strings.Join(towardNames, " "), strings.Join(toward, " "), d.Contexts[r.Context],
		doc.ID, doc.Title, doc.Source, doc.Date,
	}, "\n"))
}

// waitRows waits until the table shows n rows.
func waitRows(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	js := fmt.Sprintf(`document.querySelectorAll("#evidence tbody tr").length === %d`, n)
	for range 100 {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	got, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#evidence tbody tr").length`))
	t.Fatalf("the table shows %d rows, want %d", got, n)
}

// signedJS writes a score as the page's script does.
func signedJS(s float64) string {
	switch {
	case s > 0:
		return fmt.Sprintf("+%.1f", s)
	case s < 0:
		return fmt.Sprintf("−%.1f", -s)
	}
	return "0.0"
}

// overview saves a picture of the page from its top to the first rows of
// the evidence table, 1200 pixels wide: docs/report.png is the one of the
// sample corpus.
func overview(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	const width = 1200
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
		t.Fatal(err)
	}
	height, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`Math.ceil(document.getElementById("evidence-section").getBoundingClientRect().top + window.scrollY + 620)`))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height), chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`)); err != nil {
		t.Fatal(err)
	}
	shot(t, ctx, path, false)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
}

// shot saves a screenshot of the page, whole or its first screen.
func shot(t *testing.T, ctx context.Context, path string, full bool) {
	t.Helper()
	var png []byte
	var err error
	if full {
		png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	} else {
		png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
