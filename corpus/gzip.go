package corpus

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// A gzip stream is refused once it has expanded to more than
// MaxGzipRatio times the compressed bytes read, past its first
// gzipRatioFloor bytes: natural text compresses about 3 to 10 times, and
// even one short record repeated over and over about 350 times, while a
// decompression bomb (a small file that expands to gigabytes) expands about
// a thousand times. Memory stays bounded either way; the limit spares the
// time of reading gigabytes of nothing.
const (
	MaxGzipRatio   = 500
	gzipRatioFloor = 64 << 20
)

// errGzipBomb marks a stream refused by gzipGuard.
var errGzipBomb = errors.New("gzip stream expands too much")

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// gzipGuard decompresses a stream, failing once it has expanded beyond
// MaxGzipRatio.
type gzipGuard struct {
	zr    *gzip.Reader
	in    *countingReader // the compressed stream
	out   int64
	floor int64 // bytes read before the ratio is checked
}

// newGzipGuard starts decompressing r, checking the ratio past floor bytes.
func newGzipGuard(r io.Reader, floor int64) (*gzipGuard, error) {
	in := &countingReader{r: r}
	zr, err := gzip.NewReader(in)
	if err != nil {
		return nil, err
	}
	return &gzipGuard{zr: zr, in: in, floor: floor}, nil
}

func (g *gzipGuard) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	g.out += int64(n)
	if g.out > g.floor && g.out > MaxGzipRatio*g.in.n {
		return n, fmt.Errorf("%w: %d MB from %d kB, more than %d times: refused as a likely decompression bomb (decompress it first if it is genuine)",
			errGzipBomb, g.out>>20, g.in.n>>10, MaxGzipRatio)
	}
	return n, err
}

func (g *gzipGuard) Close() error { return g.zr.Close() }
