package actors

import (
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the compiled forms under data/ from their sources")

// TestCompactNER checks that the embedded compact entity model is exactly
// prose's model converted, and that decoding gives back the same model.
// go test -update rewrites it, after an upgrade of prose.
func TestCompactNER(t *testing.T) {
	want, err := loadProseNER()
	if err != nil {
		t.Fatal(err)
	}
	b, err := want.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("data/ner.bin", b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if string(b) != compactNER {
		t.Fatalf("data/ner.bin (%d bytes) is not prose's entity model (%d bytes): run go test -update", len(compactNER), len(b))
	}
	got, err := decodeNER(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("decoded entity model differs from prose's")
	}
}

// TestFindFeature checks the hash table of the compact form: every
// feature is found by its name, as a string and as bytes, and a name the
// model lacks finds nothing.
func TestFindFeature(t *testing.T) {
	m, err := loadNER()
	if err != nil {
		t.Fatal(err)
	}
	f := &m.weights
	for i := range f.n {
		name := f.name(i)
		if got := f.find(name); got != f.feature(i) {
			t.Fatalf("find(%q) = %v, want %v", name, got, f.feature(i))
		}
		if got := findFeature(f, []byte(name)); got != f.feature(i) {
			t.Fatalf("findFeature([]byte(%q)) = %v, want %v", name, got, f.feature(i))
		}
	}
	for _, name := range []string{"", "word-", "word-Zzyzxqq", "bias-True ", "BIAS-TRUE"} {
		if got := f.find(name); got != noFeature {
			t.Errorf("find(%q) = %v, want no feature", name, got)
		}
	}
	empty, err := decodeNER(string(encodeNER([]string{"O"}, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if got := empty.weights.find("bias-True"); got != noFeature {
		t.Errorf("find in a model without features = %v", got)
	}
}

func TestDecodeNERErrors(t *testing.T) {
	badLabel := string(encodeNER([]string{"O"}, map[string][]labelWeight{"bias-True": {{1, 1}}}))
	for _, in := range []string{"", "not a model", nerHeader, compactNER[:len(compactNER)/2], compactNER + "x", badLabel} {
		if _, err := decodeNER(in); err == nil {
			t.Errorf("decodeNER(%d bytes): no error", len(in))
		}
	}
}

func FuzzDecodeNER(f *testing.F) {
	f.Add(string(encodeNER([]string{"O", "B-GPE"}, map[string][]labelWeight{"bias-True": {{0, 1}, {1, -0.5}}, "word-Kyiv": {{1, 2}}})))
	f.Add(compactNER[:300])
	f.Fuzz(func(t *testing.T, in string) {
		decodeNER(in) // must not panic
	})
}

func BenchmarkDecodeNER(b *testing.B) {
	for b.Loop() {
		if _, err := decodeNER(compactNER); err != nil {
			b.Fatal(err)
		}
	}
}
