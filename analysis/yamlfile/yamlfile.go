// Package yamlfile reads the YAML data files of dictionaries and lexicons,
// embedded and user-supplied alike: strictly (unknown fields are errors),
// with errors that name file:line, and refusing what could exhaust memory:
// files over a size limit, and anchors and aliases, which the formats do not
// need and which can expand exponentially.
package yamlfile

import (
	"errors"
	"fmt"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// An Error is a problem at a line of a data file (Line 0: the whole file).
type Error struct {
	File string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error at file:line.
func Errorf(file string, line int, format string, args ...any) error {
	return &Error{File: file, Line: line, Err: fmt.Errorf(format, args...)}
}

// Parse parses data, named file in errors, refusing files larger than max
// bytes and any anchor or alias.
func Parse(data []byte, file string, max int) (*ast.File, error) {
	if len(data) > max {
		return nil, Errorf(file, 0, "file of %d bytes is larger than the limit of %d", len(data), max)
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, wrap(file, err)
	}
	v := &aliasFinder{}
	for _, doc := range f.Docs {
		if doc.Body != nil {
			ast.Walk(v, doc.Body)
		}
	}
	if v.found != nil {
		return nil, Errorf(file, Line(v.found), "YAML anchors and aliases are not allowed")
	}
	return f, nil
}

// Decode decodes node into v strictly: unknown fields are errors.
func Decode(node ast.Node, v any, file string) error {
	if err := yaml.NodeToValue(node, v, yaml.Strict()); err != nil {
		return wrap(file, err)
	}
	return nil
}

// Line returns the line a node starts on.
func Line(n ast.Node) int {
	if tk := n.GetToken(); tk != nil {
		return tk.Position.Line
	}
	return 0
}

// wrap turns a YAML error into an *Error with its line.
func wrap(file string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		return &Error{File: file, Line: ye.GetToken().Position.Line, Err: errors.New(ye.GetMessage())}
	}
	return &Error{File: file, Err: err}
}

type aliasFinder struct{ found ast.Node }

func (v *aliasFinder) Visit(n ast.Node) ast.Visitor {
	if v.found != nil {
		return nil
	}
	switch n.(type) {
	case *ast.AliasNode, *ast.AnchorNode:
		v.found = n
		return nil
	}
	return v
}
