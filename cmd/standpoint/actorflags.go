package main

import (
	"github.com/spf13/pflag"
	"github.com/standpoint/standpoint/analysis"
	"github.com/standpoint/standpoint/analysis/actors"
)

// actorFlags choose the actor dictionary.
type actorFlags struct {
	files     []string
	noDefault bool
	noUnknown bool
}

func (f *actorFlags) register(fs *pflag.FlagSet) {
	fs.StringArrayVar(&f.files, "actors", nil, "add or override actors from `FILE` (YAML; repeatable)")
	fs.BoolVar(&f.noDefault, "no-default-actors", false, "start from an empty dictionary instead of the embedded one")
	fs.BoolVar(&f.noUnknown, "no-unknown-actors", false, "do not take capitalised names missing from the dictionary for actors")
}

// config reads the user's files into the actor part of a model config.
func (f *actorFlags) config() (analysis.Config, error) {
	c := analysis.Config{NoDefaultActors: f.noDefault, NoUnknownActors: f.noUnknown}
	for _, path := range f.files {
		if err := c.AddActorFile(path); err != nil {
			return c, err
		}
	}
	return c, nil
}

// dictionary loads the embedded dictionary (unless turned off) and the
// user's files, later files overriding earlier entries.
func (f *actorFlags) dictionary() (*actors.Dictionary, error) {
	c, err := f.config()
	if err != nil {
		return nil, err
	}
	return c.Dictionary()
}
