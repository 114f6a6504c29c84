package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"
)

// progress shows documents done and throughput on a terminal, starting only
// after a couple of seconds so that short runs stay quiet. It writes nothing
// when w is not a terminal.
type progress struct {
	p     *mpb.Progress
	bar   *mpb.Bar
	docs  atomic.Int64
	bytes atomic.Int64
	start time.Time
}

const progressDelay = 2 * time.Second

func newProgress(w io.Writer) *progress {
	pr := &progress{start: time.Now()}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return pr
	}
	delay := make(chan any)
	time.AfterFunc(progressDelay, func() { close(delay) })
	pr.p = mpb.New(mpb.WithOutput(w), mpb.WithRenderDelay(delay), mpb.WithWidth(1))
	pr.bar = pr.p.New(0, mpb.SpinnerStyle(),
		mpb.PrependDecorators(decor.Any(func(decor.Statistics) string {
			mb := float64(pr.bytes.Load()) / 1e6
			secs := time.Since(pr.start).Seconds()
			return fmt.Sprintf("%d documents, %.1f MB, %.2f MB/s", pr.docs.Load(), mb, mb/max(secs, 1e-9))
		})))
	return pr
}

// add counts one document of n bytes.
func (pr *progress) add(n int) {
	pr.docs.Add(1)
	pr.bytes.Add(int64(n))
	if pr.bar != nil {
		pr.bar.Increment()
	}
}

// done removes the bar.
func (pr *progress) done() {
	if pr.p == nil {
		return
	}
	pr.bar.Abort(true)
	pr.p.Wait()
}
