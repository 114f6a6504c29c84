package analysis

import (
	"math/bits"

	"github.com/standpoint/standpoint/corpus"
)

// A Pool keeps the token and sentence slices of annotated documents a run
// is done with, for its annotators to fill again. The token slice is the
// largest allocation the analysis makes, some 60 bytes per token: made
// anew for every document, it was most of the garbage of a run, and the
// heap grew through fresh pages the system had to fault in. A Pool is
// safe for concurrent use.
type Pool struct {
	free chan *corpus.Annotated
}

// maxPooledTokens bounds the token slices a Pool keeps, so that one long
// document does not pin its memory for the rest of the run.
const maxPooledTokens = 1 << 15

// NewPool returns a Pool that keeps up to size documents' slices: about
// as many as are in flight at once.
func NewPool(size int) *Pool {
	return &Pool{free: make(chan *corpus.Annotated, max(size, 1))}
}

// Put hands back ad, whose caller no longer uses its tokens, sentences or
// actors (its stances are not reused). ad must not be used after. The
// tokens and actors kept still point into the text of their document until
// filled again, which keeps at most a pool's worth of texts in memory. A
// nil Pool keeps nothing.
func (p *Pool) Put(ad *corpus.Annotated) {
	if p == nil || ad == nil || cap(ad.Tokens) > maxPooledTokens {
		return
	}
	*ad = corpus.Annotated{Tokens: ad.Tokens[:0], Sentences: ad.Sentences[:0], Actors: ad.Actors[:0]}
	select {
	case p.free <- ad:
	default:
	}
}

// get returns an Annotated with empty token and sentence slices, of
// capacity for at least tokens tokens.
func (p *Pool) get(tokens int) *corpus.Annotated {
	var ad *corpus.Annotated
	if p != nil {
		select {
		case ad = <-p.free:
		default:
		}
	}
	if ad == nil {
		ad = new(corpus.Annotated)
	}
	if cap(ad.Tokens) < tokens {
		// A slice the pool keeps is made for a power of two of tokens:
		// made to measure, each document longer than the one before
		// its slice had made another, fresh memory to fault in, and the
		// slices of a pool never settled.
		if tokens <= maxPooledTokens {
			tokens = 1 << bits.Len(uint(tokens-1))
		}
		ad.Tokens = make([]corpus.Token, 0, tokens)
	}
	return ad
}
