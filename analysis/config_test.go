package analysis

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/corpus"
)

func TestConfigLoad(t *testing.T) {
	own := DataFile{Name: "mine.yaml", Data: []byte("- id: NRD\n  type: country\n  name: Nordland\n")}
	tests := []struct {
		name    string
		config  Config
		want    string // error, "" for none
		stances bool
	}{
		{"defaults", Config{Stances: true}, "", true},
		{"no stances", Config{}, "", false},
		{"own dictionary only, speaker from it", Config{ActorFiles: []DataFile{own}, NoDefaultActors: true, Stances: true, Speaker: "NRD"}, "", true},
		{"unknown speaker", Config{Stances: true, Speaker: "NOPE"}, "speaker NOPE: no such actor in the dictionary", false},
		{"bad dictionary", Config{ActorFiles: []DataFile{{Name: "bad.yaml", Data: []byte("- id: X\n  nme: y\n")}}}, "bad.yaml:2", false},
		{"bad lexicon", Config{Stances: true, LexiconFiles: []DataFile{{Name: "lex.yaml", Data: []byte("cues:\n  - {words: insist, pos: verb, stance: demnd}\n")}}}, `lex.yaml:2: cue "insist": unknown stance "demnd"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := tt.config.Load()
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error %v, want %q", err, tt.want)
				}
				if tt.config.Speaker != "" && !errors.Is(err, ErrUnknownSpeaker) {
					t.Errorf("error %v is not ErrUnknownSpeaker", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if (m.Stances != nil) != tt.stances || m.Actors == nil || m.Speaker != tt.config.Speaker {
				t.Errorf("models %+v", m)
			}
			if _, ok := m.Actors.Lookup("RUS"); ok == tt.config.NoDefaultActors {
				t.Errorf("RUS in the dictionary: %v, with NoDefaultActors %v", ok, tt.config.NoDefaultActors)
			}
		})
	}
}

func TestConfigSpeakerVoicesDocuments(t *testing.T) {
	m, err := (&Config{Stances: true, Speaker: "RUS"}).Load()
	if err != nil {
		t.Fatal(err)
	}
	ad := NewAnnotator(m).Annotate(corpus.Document{ID: "a", Text: "We demand security guarantees."})
	if len(ad.Stances) != 1 || ad.Stances[0].Actor != "RUS" {
		t.Errorf("stances %+v, want one of RUS", ad.Stances)
	}
}

func TestDataFileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, []byte("# padding\n"+strings.Repeat("#", 64)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadDataFile("actors", path, 32); err == nil || !strings.Contains(err.Error(), "larger than the limit of 32 bytes") {
		t.Errorf("got %v", err)
	}
	if _, err := ReadDataFile("actors", filepath.Join(t.TempDir(), "missing.yaml"), 32); err == nil || !strings.HasPrefix(err.Error(), "actors: ") {
		t.Errorf("got %v", err)
	}
}
