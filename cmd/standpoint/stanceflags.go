package main

import (
	"fmt"

	"github.com/spf13/pflag"
	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/analysis/actors"
	"github.com/standpoint/standpoint/analysis/stance"
	"github.com/standpoint/standpoint/analysis/tag"
)

// stanceFlags choose the stance lexicon and the voice of documents.
type stanceFlags struct {
	files     []string
	noDefault bool
	speaker   string
}

func (f *stanceFlags) register(fs *pflag.FlagSet) {
	fs.StringArrayVar(&f.files, "lexicon", nil, "add or override stance cues from `FILE` (YAML; repeatable)")
	fs.BoolVar(&f.noDefault, "no-default-lexicon", false, "use only the --lexicon files, not the embedded lexicon")
	fs.StringVar(&f.speaker, "speaker", "", "the actor `ID` whose voice every document is (default: the actor its source names)")
}

// extractor loads the embedded lexicon (unless turned off) and the user's
// files, later files overriding earlier cues.
func (f *stanceFlags) extractor() (*stance.Extractor, error) {
	var lexs []*stance.Lexicon
	if !f.noDefault {
		lex, err := stance.DefaultLexicon()
		if err != nil {
			return nil, err
		}
		lexs = append(lexs, lex)
	}
	for _, path := range f.files {
		data, err := readDataFile("lexicon", path, stance.MaxFileBytes)
		if err != nil {
			return nil, err
		}
		lex, err := stance.ParseLexicon(data, path)
		if err != nil {
			return nil, err
		}
		lexs = append(lexs, lex)
	}
	return stance.New(lexs...)
}

// loadModels builds every model a stance run needs.
func loadModels(af *actorFlags, sf *stanceFlags) (*analysis.Models, error) {
	// The models decode and the lexicon is read in the background while
	// the dictionary is built.
	tag.WarmUp()
	if !af.noUnknown {
		actors.WarmUp()
	}
	type lexicon struct {
		ex  *stance.Extractor
		err error
	}
	lexc := make(chan lexicon, 1)
	if sf != nil {
		go func() {
			ex, err := sf.extractor()
			lexc <- lexicon{ex, err}
		}()
	}
	dict, err := af.dictionary()
	if err != nil {
		return nil, err
	}
	models, err := analysis.LoadModels()
	if err != nil {
		return nil, err
	}
	models.Actors = dict
	models.UnknownActors = !af.noUnknown
	if sf == nil {
		return models, nil
	}
	lex := <-lexc
	if lex.err != nil {
		return nil, lex.err
	}
	models.Stances = lex.ex
	if sf.speaker != "" {
		if _, ok := models.Actors.Lookup(sf.speaker); !ok {
			return nil, fmt.Errorf("--speaker %s: no such actor in the dictionary", sf.speaker)
		}
		models.Speaker = sf.speaker
	}
	return models, nil
}
