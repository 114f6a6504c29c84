package main

import (
	"github.com/spf13/pflag"
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

// dictionary loads the embedded dictionary (unless turned off) and the
// user's files, later files overriding earlier entries.
func (f *actorFlags) dictionary() (*actors.Dictionary, error) {
	var lists [][]actors.Entry
	if !f.noDefault {
		entries, err := actors.Default()
		if err != nil {
			return nil, err
		}
		lists = append(lists, entries)
	}
	for _, path := range f.files {
		data, err := readDataFile("actors", path, actors.MaxFileBytes)
		if err != nil {
			return nil, err
		}
		entries, err := actors.Parse(data, path)
		if err != nil {
			return nil, err
		}
		lists = append(lists, entries)
	}
	return actors.New(lists...)
}
