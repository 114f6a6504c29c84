package yamlfile

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, data string
		max        int
		want       string // "" for success
	}{
		{"plain", "- {id: X}\n", 100, ""},
		{"too large", "- {id: X}\n", 4, "f.yaml: file of 10 bytes is larger than the limit of 4"},
		{"anchor", "- &a {id: X}\n- *a\n", 100, "f.yaml:1: YAML anchors and aliases are not allowed"},
		{"alias bomb", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", 1000, "anchors and aliases are not allowed"},
		{"syntax", "- id: [X\n", 100, "f.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.data), "f.yaml", tt.max)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var ye *Error
			if err == nil || !errors.As(err, &ye) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an *Error containing %q", err, tt.want)
			}
		})
	}
}

func TestDecodeStrict(t *testing.T) {
	f, err := Parse([]byte("- id: X\n  nmae: Y\n"), "f.yaml", 100)
	if err != nil {
		t.Fatal(err)
	}
	err = Decode(f.Docs[0].Body, &[]struct {
		ID   string `yaml:"id"`
		Name string `yaml:"name"`
	}{}, "f.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "f.yaml:2:") {
		t.Errorf("got %v, want an error at f.yaml:2", err)
	}
}
