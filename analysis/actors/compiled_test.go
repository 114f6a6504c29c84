package actors

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// TestCompiledDictionary checks that data/actors.json is data/actors.yaml
// parsed; go test -update rewrites it after an edit of the YAML.
func TestCompiledDictionary(t *testing.T) {
	want, err := Parse(defaultData, "data/actors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("data/actors.json", b, 0o644); err != nil {
			t.Fatal(err)
		}
		compiledData = b
	}
	got, err := defaultEntries()
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(compiledData) || !reflect.DeepEqual(got, want) {
		t.Fatal("data/actors.json is not data/actors.yaml parsed: run go test -update")
	}
}
