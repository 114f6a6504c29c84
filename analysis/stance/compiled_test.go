package stance

import (
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite data/lexicon.json from data/lexicon.yaml")

// TestCompiledLexicon checks that data/lexicon.json is data/lexicon.yaml
// parsed; go test -update rewrites it after an edit of the YAML.
func TestCompiledLexicon(t *testing.T) {
	want, err := ParseLexicon(defaultData, "data/lexicon.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("data/lexicon.json", b, 0o644); err != nil {
			t.Fatal(err)
		}
		compiledData = b
	}
	got, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(compiledData) || !reflect.DeepEqual(got, want) {
		t.Fatal("data/lexicon.json is not data/lexicon.yaml parsed: run go test -update")
	}
}
