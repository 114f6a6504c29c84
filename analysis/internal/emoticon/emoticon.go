// Package emoticon holds prose's list of emoticons, which its tokenizer
// keeps whole and its tagger tags SYM without consulting its model.
package emoticon

// Is reports whether w is one of prose's emoticons.
func Is(w string) bool {
	_, ok := emoticons[w]
	return ok
}

var emoticons = map[string]struct{}{
	"(-8": {}, "(-;": {}, "(-_-)": {}, "(._.)": {}, "(:": {}, "(=": {}, "(o:": {}, "(¬_¬)": {},
	"(ಠ_ಠ)": {}, "(╯°□°）╯︵┻━┻": {}, "-__-": {}, "8-)": {}, "8-D": {}, "8D": {}, ":(": {},
	":((": {}, ":(((": {}, ":()": {}, ":)))": {}, ":-)": {}, ":-))": {}, ":-)))": {}, ":-*": {},
	":-/": {}, ":-X": {}, ":-]": {}, ":-o": {}, ":-p": {}, ":-x": {}, ":-|": {}, ":-}": {},
	":0": {}, ":3": {}, ":P": {}, ":]": {}, ":`(": {}, ":`)": {}, ":`-(": {}, ":o": {},
	":o)": {}, "=(": {}, "=)": {}, "=D": {}, "=|": {}, "@_@": {}, "O.o": {}, "O_o": {},
	"V_V": {}, "XDD": {}, "[-:": {}, "^___^": {}, "o_0": {}, "o_O": {}, "o_o": {}, "v_v": {},
	"xD": {}, "xDD": {}, "¯\\(ツ)/¯": {},
}
