package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// An Input is one corpus input of the pipeline: a file, or a glob pattern,
// on any filesystem Beam has registered.
type Input struct {
	// Index is the position of the input on the command line: documents
	// are in the order of their input first, as analyze reads them.
	Index int
	// Pattern is the file or glob pattern to match.
	Pattern string
	// Root is the prefix of every matched path that the path relative to
	// the input starts after: the directory of a file or the part of a
	// pattern before its first wildcard. The relative path gives default
	// ids and dates, and orders the files.
	Root string
	// Walk reads only the files that analyze reads when it walks a
	// directory (corpus.Walked): not hidden, of a known extension. It is
	// set for patterns and directories; a file named on its own is read
	// whatever its extension.
	Walk bool
}

// ParseInputs turns the command line's inputs into Inputs. An argument is
// a file, a glob pattern (gs://bucket/corpus/*.jsonl.gz) or a local
// directory, which becomes one pattern per level of the tree under it,
// since Beam's local filesystem does not match "**".
func ParseInputs(args []string) ([]Input, error) {
	var inputs []Input
	for i, arg := range args {
		switch {
		case arg == "" || arg == "-":
			return nil, fmt.Errorf("input %q: want a file, a pattern or a directory", arg)
		case strings.ContainsAny(arg, "*?["):
			wild := strings.IndexAny(arg, "*?[")
			root := arg[:strings.LastIndex(arg[:wild], "/")+1]
			inputs = append(inputs, Input{Index: i, Pattern: arg, Root: root, Walk: true})
		case isLocalDir(arg):
			depth, err := depthOf(arg)
			if err != nil {
				return nil, err
			}
			root := strings.TrimSuffix(arg, "/") + "/"
			pattern := escapeGlob(root)
			for range depth {
				pattern += "*"
				inputs = append(inputs, Input{Index: i, Pattern: pattern, Root: root, Walk: true})
				pattern += "/"
			}
		default:
			root := arg[:strings.LastIndex(arg, "/")+1]
			inputs = append(inputs, Input{Index: i, Pattern: arg, Root: root})
		}
	}
	if len(inputs) == 0 {
		return nil, errors.New("no input")
	}
	return inputs, nil
}

// isLocalDir reports whether path, without a scheme, is a local directory.
func isLocalDir(path string) bool {
	if strings.Contains(path, "://") {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// depthOf returns how many levels of names there are under dir (1 for
// files directly in it), leaving out hidden directories, which analyze
// does not read, and links to directories, which it does not follow.
func depthOf(dir string) (int, error) {
	depth := 1
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() || p == dir {
			return nil
		}
		if strings.HasPrefix(e.Name(), ".") {
			return filepath.SkipDir
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		depth = max(depth, strings.Count(filepath.ToSlash(rel), "/")+2)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("input %s: %w", dir, err)
	}
	return depth, nil
}

// escapeGlob escapes the characters filepath.Match treats specially.
func escapeGlob(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
