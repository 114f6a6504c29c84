package main

import (
	"errors"
	"fmt"

	"github.com/spf13/pflag"
	"github.com/standpoint/standpoint/analysis"
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

// loadModels builds every model a run needs; with sf nil, no stances.
func loadModels(af *actorFlags, sf *stanceFlags) (*analysis.Models, error) {
	c, err := af.config()
	if err != nil {
		return nil, err
	}
	if sf != nil {
		c.Stances, c.NoDefaultLexicon, c.Speaker = true, sf.noDefault, sf.speaker
		for _, path := range sf.files {
			if err := c.AddLexiconFile(path); err != nil {
				return nil, err
			}
		}
	}
	models, err := c.Load()
	if errors.Is(err, analysis.ErrUnknownSpeaker) {
		return nil, fmt.Errorf("--speaker %s: %w", sf.speaker, analysis.ErrUnknownSpeaker)
	}
	return models, err
}
