package analysis

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/standpoint/standpoint/analysis/actors"
	"github.com/standpoint/standpoint/analysis/stance"
	"github.com/standpoint/standpoint/analysis/tag"
)

// A Config chooses the models of a run: the embedded actor dictionary and
// stance lexicon or not, the user's files that extend or override them, and
// the options. It holds the files' contents rather than their paths, so
// that it can be sent as it is to the machines of a distributed run.
type Config struct {
	ActorFiles      []DataFile // added in order, later entries overriding earlier ones
	NoDefaultActors bool       // start from an empty dictionary
	NoUnknownActors bool       // do not take capitalised names missing from the dictionary for actors

	Stances          bool       // find stances
	LexiconFiles     []DataFile // added in order, later cues overriding earlier ones
	NoDefaultLexicon bool       // use only LexiconFiles
	Speaker          string     // the actor whose voice every document is, if set
}

// A DataFile is a user's dictionary or lexicon: its name, for errors, and
// its contents.
type DataFile struct {
	Name string
	Data []byte
}

// ReadDataFile reads a user's dictionary or lexicon file, refusing one
// larger than max bytes without reading it whole. kind names the file's
// option in messages.
func ReadDataFile(kind, path string, max int) (DataFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return DataFile{}, fmt.Errorf("%s: %w", kind, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(max)+1))
	if err != nil {
		return DataFile{}, fmt.Errorf("%s: %s: %w", kind, path, err)
	}
	if len(data) > max {
		return DataFile{}, fmt.Errorf("%s: %s: file larger than the limit of %d bytes", kind, path, max)
	}
	return DataFile{Name: path, Data: data}, nil
}

// AddActorFile reads the user's dictionary file at path into c.
func (c *Config) AddActorFile(path string) error {
	f, err := ReadDataFile("actors", path, actors.MaxFileBytes)
	if err == nil {
		c.ActorFiles = append(c.ActorFiles, f)
	}
	return err
}

// AddLexiconFile reads the user's lexicon file at path into c.
func (c *Config) AddLexiconFile(path string) error {
	f, err := ReadDataFile("lexicon", path, stance.MaxFileBytes)
	if err == nil {
		c.LexiconFiles = append(c.LexiconFiles, f)
	}
	return err
}

// ErrUnknownSpeaker is the error of a Speaker missing from the dictionary.
var ErrUnknownSpeaker = errors.New("no such actor in the dictionary")

// Dictionary builds the actor dictionary: the embedded one (unless
// NoDefaultActors) and ActorFiles.
func (c *Config) Dictionary() (*actors.Dictionary, error) {
	var lists [][]actors.Entry
	if !c.NoDefaultActors {
		entries, err := actors.Default()
		if err != nil {
			return nil, err
		}
		lists = append(lists, entries)
	}
	for _, f := range c.ActorFiles {
		entries, err := actors.Parse(f.Data, f.Name)
		if err != nil {
			return nil, err
		}
		lists = append(lists, entries)
	}
	return actors.New(lists...)
}

// extractor builds the stance extractor: the embedded lexicon (unless
// NoDefaultLexicon) and LexiconFiles.
func (c *Config) extractor() (*stance.Extractor, error) {
	var lexs []*stance.Lexicon
	if !c.NoDefaultLexicon {
		lex, err := stance.DefaultLexicon()
		if err != nil {
			return nil, err
		}
		lexs = append(lexs, lex)
	}
	for _, f := range c.LexiconFiles {
		lex, err := stance.ParseLexicon(f.Data, f.Name)
		if err != nil {
			return nil, err
		}
		lexs = append(lexs, lex)
	}
	return stance.New(lexs...)
}

// Load builds every model the run needs: the tagger, the actor dictionary
// and, with Stances, the stance extractor.
func (c *Config) Load() (*Models, error) {
	// The tagger, the longest to make, decodes in the background while
	// the dictionary and then the lexicon are built: on two processors
	// each side takes about as long. The entity model, needed at the
	// first unknown name, starts decoding once they are done, beside the
	// first documents rather than in the way of the models they need.
	tag.WarmUp()
	dict, err := c.Dictionary()
	if err != nil {
		return nil, err
	}
	var lex *stance.Extractor
	if c.Stances {
		if lex, err = c.extractor(); err != nil {
			return nil, err
		}
	}
	models, err := LoadModels()
	if err != nil {
		return nil, err
	}
	models.Actors = dict
	models.UnknownActors = !c.NoUnknownActors
	models.Stances = lex
	if c.Stances && c.Speaker != "" {
		if _, ok := dict.Lookup(c.Speaker); !ok {
			return nil, fmt.Errorf("speaker %s: %w", c.Speaker, ErrUnknownSpeaker)
		}
		models.Speaker = c.Speaker
	}
	if !c.NoUnknownActors {
		actors.WarmUp()
	}
	return models, nil
}
