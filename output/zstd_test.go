package output

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// Pages of every size, smaller and larger than the window, come back
// whole through a standard zstd decoder, and text still compresses well.
func TestZstdCodecRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 3*zstdWindow)
	for i := range random {
		random[i] = byte(r.IntN(256))
	}
	text := bytes.Repeat([]byte("Moscow rejects the proposal; Kyiv demands guarantees. "), 20000)
	dec, err := zstd.NewReader(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	c, err := newZstdCodec()
	if err != nil {
		t.Fatal(err)
	}
	var buf []byte
	for _, src := range [][]byte{nil, {0}, random[:zstdWindow-1], random, text[:1000], text} {
		buf, err = c.Encode(buf, src)
		if err != nil {
			t.Fatal(err)
		}
		got, err := dec.DecodeAll(buf, nil)
		if err != nil || !bytes.Equal(got, src) {
			t.Fatalf("%d bytes: decoded %d bytes, %v", len(src), len(got), err)
		}
		back, err := c.Decode(nil, buf)
		if err != nil || !bytes.Equal(back, src) {
			t.Fatalf("%d bytes: Decode gave %d bytes, %v", len(src), len(back), err)
		}
	}
	if out, _ := c.Encode(nil, text); len(out) > len(text)/20 {
		t.Errorf("repetitive text compressed to %d of %d bytes", len(out), len(text))
	}
}
