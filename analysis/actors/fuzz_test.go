package actors

import (
	"errors"
	"testing"
)

func FuzzParse(f *testing.F) {
	f.Add("- {id: RUS, type: country, name: Russia, capitals: [Moscow]}\n")
	f.Add("- id: p\n  type: person\n  name: P\n  roles:\n    - {actor: RUS, from: 2020-01-01, to: 2021-01-01}\n")
	f.Add("- &a {id: X}\n- *a\n")
	f.Add("id: X")
	f.Fuzz(func(t *testing.T, data string) {
		entries, err := Parse([]byte(data), "f.yaml")
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.File != "f.yaml" {
				t.Fatalf("error %v is not a FileError naming the file", err)
			}
			return
		}
		// Whatever parses must compile or fail cleanly.
		if _, err := New(entries); err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("New: error %v is not a FileError", err)
			}
		}
	})
}
