package corpus

import (
	"errors"
	"fmt"
	"io/fs"
)

// Error is a problem with one input or one record of it.
//
// Its message reads "path:line: what", or "path: what" when Line is 0, so
// that it can be shown to a user as it is.
type Error struct {
	Path string // the input as found ("-" for standard input)
	Line int    // 1-based line the problem concerns; 0 for the input as a whole
	Err  error
}

func (e *Error) Error() string {
	what := "unknown error"
	if e.Err != nil {
		what = e.Err.Error()
	}
	switch {
	case e.Path == "":
		return what
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, what)
	default:
		return fmt.Sprintf("%s: %s", e.Path, what)
	}
}

func (e *Error) Unwrap() error { return e.Err }

// pathlessError drops the path an *fs.PathError repeats, since the *Error
// that carries it names the path already.
func pathlessError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
