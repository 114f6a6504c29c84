package actors_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/analysis/actors"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/internal/sharedcorpus"
)

var models = func() *analysis.Models {
	m, err := analysis.LoadModels()
	if err != nil {
		panic(err)
	}
	return m
}()

func defaultDict(t *testing.T) *actors.Dictionary {
	t.Helper()
	entries, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := actors.New(entries)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// find annotates text dated date and returns its actor mentions.
func find(t *testing.T, d *actors.Dictionary, date, text string) []corpus.Actor {
	t.Helper()
	doc := analysis.NewAnnotator(models).Annotate(corpus.Document{ID: "t", Date: date, Text: text})
	return d.NewMatcher(true).Match(doc)
}

// describe renders mentions as "text=ID" (with "@" for a location).
func describe(ms []corpus.Actor) string {
	var parts []string
	for _, a := range ms {
		s := a.Text + "=" + a.ID
		if a.Location {
			s += "@"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " | ")
}

func TestMatch(t *testing.T) {
	d := defaultDict(t)
	tests := []struct {
		name, date, text, want string
	}{
		{"country, capital, institution", "2025-05-16",
			"Russia demands it. Moscow insists. The Kremlin refused.",
			"Russia=RUS | Moscow=RUS | The Kremlin=RUS"},
		{"abbreviations and case", "2025-05-16",
			"The U.S. and the US agree; let us see what the USA says.",
			"The U.S.=USA | the US=USA | the USA=USA"},
		{"possessives", "2025-05-16",
			"Putin’s demands and Russia's position.",
			"Putin=RUS | Russia=RUS"},
		{"titles", "2025-05-16",
			"President Zelensky met Russian Foreign Minister Sergei Lavrov.",
			"President Zelensky=UKR | Russian Foreign Minister Sergei Lavrov=RUS"},
		{"apposition", "2025-05-16",
			"Trump’s special envoy, Steven Witkoff, spent three months on it.",
			"Trump=USA | special envoy, Steven Witkoff=USA"},
		{"groups of a country", "2025-05-16",
			"The Ukrainian government and Russian officials blamed the U.S. administration.",
			"The Ukrainian government=UKR | Russian officials=RUS | the U.S. administration=USA"},
		{"people", "2025-05-16",
			"Ukrainians voted; the Russians did not.",
			"Ukrainians=UKR | the Russians=RUS"},
		{"demonym as adjective is no actor", "2025-05-16",
			"Russian oil and Ukrainian grain.",
			""},
		{"places", "2025-05-16",
			"Talks in Kyiv ended and Lavrov returned to Moscow, a proposal addressed to Washington.",
			"Kyiv=UKR@ | Lavrov=RUS | Moscow=RUS@ | Washington=USA"},
		{"organisations and metonyms", "2025-05-16",
			"Brussels, NATO, the EU and European allies backed the West.",
			"Brussels=EU | NATO=NATO | the EU=EU | European allies=EU | the West=WEST"},
		{"leader before and after his term", "2019-03-01",
			"Poroshenko and Zelensky spoke.",
			"Poroshenko=UKR | Zelensky=volodymyr-zelensky"},
		{"leader after the term", "2020-03-01",
			"Poroshenko and Zelensky spoke.",
			"Poroshenko=petro-poroshenko | Zelensky=UKR"},
		{"middle initial and suffix", "2022-01-27",
			"President Joseph R. Biden, Jr. spoke with Zelensky.",
			"President Joseph R. Biden, Jr.=USA | Zelensky=UKR"},
		{"undated resolves to the current role", "",
			"Zelensky spoke.",
			"Zelensky=UKR"},
		{"unknown names", "2025-05-16",
			"The Ministry of Agrarian Policy objected. Spokesman Oleh Nikolenko said so.",
			"The Ministry of Agrarian Policy=ministry-of-agrarian-policy | Spokesman Oleh Nikolenko=oleh-nikolenko"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe(find(t, d, tt.date, tt.text))
			if got != tt.want {
				t.Errorf("in %q\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

// TestSeedArticle checks every actor of the article the project started
// from, and that nothing there that is not an actor is taken for one.
func TestSeedArticle(t *testing.T) {
	shared := sharedcorpus.Dir(t)
	b, err := os.ReadFile(filepath.Join(shared, "examples", "istanbul-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ms := find(t, defaultDict(t), "2025-05-16", string(b))
	ids := map[string]map[string]bool{}
	for _, a := range ms {
		word := strings.TrimPrefix(strings.TrimPrefix(a.Text, "the "), "The ")
		if ids[word] == nil {
			ids[word] = map[string]bool{}
		}
		ids[word][a.ID] = true
	}
	want := map[string]string{
		"Russia": "RUS", "Moscow": "RUS", "Kremlin": "RUS", "Putin": "RUS",
		"Kyiv": "UKR", "Ukraine": "UKR", "Zelensky": "UKR",
		"United States": "USA", "U.S.": "USA", "Washington": "USA", "White House": "USA", "Donald Trump": "USA", "Trump": "USA",
		"EU": "EU", "European allies": "EU", "NATO": "NATO", "West": "WEST",
	}
	for word, id := range want {
		if !ids[word][id] {
			t.Errorf("%q not found as %s (found as %v)", word, id, ids[word])
		}
	}
	for _, a := range ms {
		if a.Location {
			continue
		}
		for _, bad := range []string{"Peace", "April", "Brownian", "Istanbul Plus", "Istanbul", "Paris", "May"} {
			if strings.Contains(a.Text, bad) {
				t.Errorf("%q taken for an actor (%s)", a.Text, a.ID)
			}
		}
	}
	if w := ids["Witkoff"]; len(w) > 0 {
		t.Errorf("Witkoff matched alone: %v", w)
	}
	found := false
	for _, a := range ms {
		if strings.HasSuffix(a.Text, "Steven Witkoff") && a.ID == "USA" {
			found = true
		}
	}
	if !found {
		t.Error("Steven Witkoff not found as USA")
	}
}

func TestUserFile(t *testing.T) {
	user := `
- id: RUS
  type: country
  name: Russia
  capitals: [Moscow]
- id: ACME
  type: organisation
  name: Acme Corporation
  aliases: [Acme]
- id: jane-roe
  type: person
  name: Jane Roe
  aliases: [Roe]
  roles:
    - {actor: ACME, title: Chief Executive, from: 2024-01-01}
`
	entries, err := actors.Parse([]byte(user), "user.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := actors.New(base, entries)
	if err != nil {
		t.Fatal(err)
	}
	// The user's RUS replaces the default one, which knew "Russians".
	got := describe(find(t, d, "2025-01-01", "Roe said Acme and Moscow agree; the Russians did not."))
	if want := "Roe=ACME | Acme=ACME | Moscow=RUS"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	// Without the defaults only the user's entries are known.
	d, err = actors.New(entries)
	if err != nil {
		t.Fatal(err)
	}
	if got := describe(find(t, d, "2025-01-01", "Roe met NATO in Moscow.")); got != "Roe=ACME | NATO=nato | Moscow=RUS@" {
		t.Errorf("got %s", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"unknown field", "- id: X\n  type: country\n  alias: [Y]\n", "user.yaml:3:"},
		{"bad type", "- id: X\n  type: planet\n  name: X\n", "user.yaml:1: entry X: type \"planet\""},
		{"bad date", "- id: p\n  type: person\n  name: P\n  roles:\n    - {actor: X, from: 2024-13-01}\n", "user.yaml:1: entry p: role date"},
		{"not a list", "id: X\n", "user.yaml:1: want a list of entries"},
		{"syntax", "- id: [X\n", "user.yaml:"},
		{"aliases", "- &a {id: X, type: country, name: X}\n- *a\n", "anchors and aliases are not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := actors.Parse([]byte(tt.data), "user.yaml")
			var fe *actors.FileError
			if err == nil || !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want a FileError containing %q", err, tt.want)
			}
		})
	}
	entries, err := actors.Parse([]byte("- id: p\n  type: person\n  name: P\n  roles:\n    - {actor: NOPE}\n"), "user.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := actors.New(entries); err == nil || !strings.Contains(err.Error(), `user.yaml:1: entry p: role for unknown actor "NOPE"`) {
		t.Errorf("got %v", err)
	}
}

func TestDefaultCoverage(t *testing.T) {
	d := defaultDict(t)
	counts := map[string]int{}
	for _, e := range d.Entries() {
		counts[e.Type]++
	}
	if counts[actors.Country] < 197 {
		t.Errorf("%d countries, want every UN member and observer plus Taiwan and Kosovo", counts[actors.Country])
	}
	for _, id := range []string{"RUS", "UKR", "USA", "TWN", "XKX", "PSE", "VAT", "EU", "NATO", "UN", "OSCE", "G7", "G20", "IAEA", "IMF", "WTO", "AU", "ASEAN", "BRICS", "WEST"} {
		if _, ok := d.Lookup(id); !ok {
			t.Errorf("no entry %s", id)
		}
	}
	t.Logf("entries by type: %v", counts)
}

func FuzzMatch(f *testing.F) {
	f.Add("President Zelensky met Russian Foreign Minister Sergei Lavrov in Moscow.")
	f.Add("the Ukrainian government, the U.S. administration and Ukrainians")
	f.Add("Trump’s special envoy, Steven Witkoff, ‘Istanbul Plus’ The Ministry of")
	entries, err := actors.Default()
	if err != nil {
		f.Fatal(err)
	}
	d, err := actors.New(entries)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := analysis.NewAnnotator(models).Annotate(corpus.Document{ID: "f", Date: "2025-01-01", Text: text})
		prev := 0
		for _, a := range d.NewMatcher(true).Match(doc) {
			if a.First < 0 || a.Last <= a.First || a.Last > len(doc.Tokens) ||
				a.Start != doc.Tokens[a.First].Start || a.End != doc.Tokens[a.Last-1].End ||
				a.Text != text[a.Start:a.End] || a.ID == "" {
				t.Fatalf("bad mention %+v", a)
			}
			if a.Start < prev {
				t.Fatalf("mention %+v overlaps or precedes the one before", a)
			}
			prev = a.End
		}
	})
}
