package tag

import (
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite data/tagger.bin from prose's model")

// TestCompactModel checks that the embedded compact model is exactly
// prose's model converted, and that decoding gives back the same model.
// go test -update rewrites it, after an upgrade of prose.
func TestCompactModel(t *testing.T) {
	want, err := loadProse()
	if err != nil {
		t.Fatal(err)
	}
	b, err := want.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("data/tagger.bin", b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if string(b) != compactModel {
		t.Fatalf("data/tagger.bin (%d bytes) is not prose's model (%d bytes): run go test -update", len(compactModel), len(b))
	}
	got, err := decodeModel(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("decoded model differs from prose's")
	}
}

func TestDecodeModelErrors(t *testing.T) {
	for _, in := range []string{
		"",
		"not a model",
		compactHeader,
		compactModel[:len(compactModel)/2],
		compactModel + "x",
	} {
		if _, err := decodeModel(in); err == nil {
			t.Errorf("decodeModel(%d bytes): no error", len(in))
		}
	}
}

func FuzzDecodeModel(f *testing.F) {
	f.Add(compactHeader + "\x01\x02NN\x00\x00\x00")
	f.Add(compactModel[:200])
	f.Fuzz(func(t *testing.T, in string) {
		decodeModel(in) // must not panic
	})
}

func BenchmarkDecodeModel(b *testing.B) {
	for b.Loop() {
		if _, err := decodeModel(compactModel); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadProse(b *testing.B) {
	for b.Loop() {
		if _, err := loadProse(); err != nil {
			b.Fatal(err)
		}
	}
}
