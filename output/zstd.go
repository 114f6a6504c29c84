package output

import (
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// zstdCodec compresses parquet pages with zstd, like parquet-go's own
// codec, but with one encoder whose window fits a page. parquet-go's codec
// makes encoders with zstd's default 8 MB window, whose history buffer is
// 16 MB, and makes them anew whenever the collector empties its pool: on a
// long run, tens of MB the collector counts against the memory limit, and
// collects more often for. A page is at most a few hundred kB, so a 256 kB
// window loses little.
type zstdCodec struct {
	mu  sync.Mutex // the encoder serves one page at a time
	enc *zstd.Encoder
}

// newZstdCodec returns a codec with its encoder.
func newZstdCodec() (*zstdCodec, error) {
	enc, err := zstd.NewWriter(nil,
		zstd.WithEncoderConcurrency(1),
		zstd.WithWindowSize(zstdWindow),
		zstd.WithLowerEncoderMem(true),
		zstd.WithZeroFrames(true),
		zstd.WithEncoderCRC(false),
	)
	if err != nil {
		return nil, fmt.Errorf("zstd encoder: %w", err)
	}
	return &zstdCodec{enc: enc}, nil
}

// zstdWindow is the window of the encoder.
const zstdWindow = 256 << 10

func (c *zstdCodec) String() string { return "ZSTD" }

func (c *zstdCodec) CompressionCodec() format.CompressionCodec { return format.Zstd }

// Encode writes the compressed form of src to dst and returns it.
func (c *zstdCodec) Encode(dst, src []byte) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.enc.EncodeAll(src, dst[:0]), nil
}

// Decode writes the uncompressed form of src to dst and returns it.
func (c *zstdCodec) Decode(dst, src []byte) ([]byte, error) {
	return parquet.Zstd.Decode(dst, src)
}
