package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/standpoint/standpoint/corpus"
	"github.com/standpoint/standpoint/internal/jsonenc"
	"github.com/standpoint/standpoint/output"
)

// A run that writes to a directory keeps a checkpoint there: one line per
// record of the input, in input order, with the result of its document or
// the error that kept it from being processed, written as soon as the
// record's outputs are. After an interruption, --resume replays the
// checkpoint into the outputs, skips the records it holds, and goes on with
// the rest: since results are replayed through the same writers in the same
// order, the outputs are the bytes an uninterrupted run writes. The
// checkpoint is removed once the outputs are complete.
//
// Its first line is a header with a key: a hash of the inputs, the options
// and the version, so that a checkpoint is only ever resumed by the same
// command line. A last line cut short by a kill is dropped.

// checkpointName is the checkpoint of analyze in its output directory;
// hidden, so that reading the directory as input skips it.
const checkpointName = ".standpoint-resume.jsonl"

// checkpointBeside is the checkpoint of a run that writes the file out:
// hidden, beside it.
func checkpointBeside(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+checkpointName)
}

const checkpointFormat = "standpoint-resume/1"

type checkpointHeader struct {
	Format string `json:"format"`
	Key    string `json:"key"`
}

// A checkpointItem is one record of the input.
type checkpointItem struct {
	ID     string              `json:"id,omitempty"`
	Origin *corpus.Origin      `json:"origin,omitempty"`
	Bytes  int                 `json:"bytes,omitempty"` // length of the document text
	Error  *output.RecordError `json:"error,omitempty"`
	Result json.RawMessage     `json:"result,omitempty"`
}

// A resultCodec turns the results of a run into checkpoint lines and back.
type resultCodec[R any] struct {
	encode func(*bytes.Buffer, R) error // writes one line of JSON
	decode func([]byte) (R, error)
}

// A checkpoint is the checkpoint file of a run being written.
type checkpoint[R any] struct {
	path  string
	file  *os.File
	w     *bufio.Writer
	codec resultCodec[R]
	line  bytes.Buffer // the line being written

	// What a resumed run found: the number of records done, and the
	// offset where each is in the file, to replay and check them.
	done    int
	offsets []int64
}

// maxCheckpointLine bounds a line of the checkpoint as it is read back: a
// document of the largest size allowed, with its layers, fits many times.
func maxCheckpointLine(maxDocBytes int64) int64 { return 8*maxDocBytes + 1<<20 }

// openCheckpoint starts the checkpoint file path. With resume, it continues
// the checkpoint an interrupted run left there, which must have been
// written under the same key; if there is none, it says so on stderr and
// starts afresh.
func openCheckpoint[R any](path, key string, resume bool, maxDocBytes int64, codec resultCodec[R], stderr io.Writer) (*checkpoint[R], error) {
	c := &checkpoint[R]{path: path, codec: codec}
	var valid int64 // bytes of the file to keep
	if resume {
		var err error
		valid, err = c.scan(key, maxCheckpointLine(maxDocBytes))
		switch {
		case errors.Is(err, os.ErrNotExist):
			fmt.Fprintf(stderr, "standpoint: no interrupted run to resume (no %s): starting from the first document\n", printable(path))
		case err != nil:
			return nil, err
		}
	}
	flags := os.O_WRONLY | os.O_CREATE
	if valid == 0 {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(c.path, flags, 0o644)
	if err != nil {
		return nil, fmt.Errorf("checkpoint: %w", err)
	}
	c.file = f
	c.w = bufio.NewWriterSize(f, 256<<10)
	if valid > 0 {
		// Drop a last line cut short, and append after the good ones.
		if err := f.Truncate(valid); err != nil {
			c.close()
			return nil, fmt.Errorf("checkpoint: %w", err)
		}
		if _, err := f.Seek(valid, io.SeekStart); err != nil {
			c.close()
			return nil, fmt.Errorf("checkpoint: %w", err)
		}
		return c, nil
	}
	if err := c.writeLine(checkpointHeader{Format: checkpointFormat, Key: key}); err != nil {
		c.close()
		return nil, err
	}
	return c, nil
}

// scan checks the header of an existing checkpoint and notes where each
// complete record line starts. It returns the length of the valid part.
func (c *checkpoint[R]) scan(key string, maxLine int64) (int64, error) {
	f, err := os.Open(c.path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	var off int64
	for n := 1; ; n++ {
		line, complete, err := readCheckpointLine(br, maxLine)
		if err != nil {
			return 0, fmt.Errorf("%s:%d: %w", c.path, n, err)
		}
		if !complete {
			// The end, or a line a kill cut short.
			if n == 1 {
				return 0, nil
			}
			return off, nil
		}
		if n == 1 {
			var h checkpointHeader
			if err := json.Unmarshal(line, &h); err != nil || h.Format != checkpointFormat {
				return 0, fmt.Errorf("--resume: %s is not a checkpoint of this version of standpoint; run again without --resume to start over", c.path)
			}
			if h.Key != key {
				return 0, fmt.Errorf("--resume: %s was left by a run with other inputs or options; run the same command line again, or run without --resume to start over", c.path)
			}
		} else {
			var it checkpointItem
			if err := json.Unmarshal(line, &it); err != nil {
				return 0, fmt.Errorf("--resume: %s:%d: corrupt checkpoint: %w; run again without --resume to start over", c.path, n, err)
			}
			c.offsets = append(c.offsets, off)
		}
		off += int64(len(line)) + 1
	}
}

// readCheckpointLine reads one line. complete is false at the end of the
// file, and for a last line without its newline.
func readCheckpointLine(br *bufio.Reader, max int64) (line []byte, complete bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		buf = append(buf, chunk...)
		if int64(len(buf)) > max {
			return nil, false, fmt.Errorf("checkpoint line longer than %d bytes", max)
		}
		switch err {
		case nil:
			return buf[:len(buf)-1], true, nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			return nil, false, nil
		default:
			return nil, false, err
		}
	}
}

// replay calls fn with every record of the checkpoint, in order.
func (c *checkpoint[R]) replay(maxDocBytes int64, fn func(i int, it checkpointItem, r R) error) error {
	if len(c.offsets) == 0 {
		return nil
	}
	f, err := os.Open(c.path)
	if err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	defer f.Close()
	if _, err := f.Seek(c.offsets[0], io.SeekStart); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	br := bufio.NewReaderSize(f, 64<<10)
	for i := range c.offsets {
		line, complete, err := readCheckpointLine(br, maxCheckpointLine(maxDocBytes))
		if err == nil && !complete {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return fmt.Errorf("checkpoint: %w", err)
		}
		var it checkpointItem
		if err := json.Unmarshal(line, &it); err != nil {
			return fmt.Errorf("checkpoint: %w", err)
		}
		var r R
		if it.Error == nil {
			if r, err = c.codec.decode(it.Result); err != nil {
				return fmt.Errorf("--resume: %s: record %d: %w; run again without --resume to start over", c.path, i+1, err)
			}
		}
		if err := fn(i, it, r); err != nil {
			return err
		}
	}
	c.done = len(c.offsets)
	return nil
}

// add appends the record of a document processed, or of one that failed
// (re non-nil), and flushes it to the file.
func (c *checkpoint[R]) add(doc corpus.Document, r R, re *output.RecordError) error {
	it := checkpointItem{Error: re}
	if re == nil {
		it.ID, it.Origin, it.Bytes = doc.ID, &doc.Origin, len(doc.Text)
	}
	c.line.Reset()
	if err := encodeJSONLine(&c.line, it); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	c.line.Truncate(len(bytes.TrimSuffix(c.line.Bytes(), []byte("}\n"))))
	if re == nil {
		// The result is JSON already, and as long as the document: it is
		// encoded straight into the line, since as a RawMessage
		// encoding/json would check and compact it again byte by byte.
		if c.line.Len() > 1 {
			c.line.WriteByte(',')
		}
		c.line.WriteString(`"result":`)
		if err := c.codec.encode(&c.line, r); err != nil {
			return fmt.Errorf("checkpoint: %w", err)
		}
		c.line.Truncate(len(bytes.TrimSuffix(c.line.Bytes(), []byte("\n"))))
	}
	c.line.WriteString("}\n")
	if _, err := c.w.Write(c.line.Bytes()); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return c.flush()
}

func (c *checkpoint[R]) writeLine(v any) error {
	if err := encodeJSONLine(c.w, v); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

// encodeJSONLine writes v as one line of JSON, leaving HTML characters as
// they are.
func encodeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func (c *checkpoint[R]) flush() error {
	if err := c.w.Flush(); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

// close flushes and closes the file, which stays for a later --resume. It
// does nothing after remove.
func (c *checkpoint[R]) close() error {
	if c.file == nil {
		return nil
	}
	err := c.flush()
	if cerr := c.file.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("checkpoint: %w", cerr)
	}
	c.file = nil
	return err
}

// remove closes and deletes the file, once the outputs are complete.
func (c *checkpoint[R]) remove() error {
	if c.file != nil {
		c.file.Close()
		c.file = nil
	}
	if err := os.Remove(c.path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

// check compares a record of the input with the one the checkpoint holds at
// the same position: they differ when the inputs changed since the
// interrupted run.
func checkResumed(i int, it checkpointItem, doc corpus.Document, err error) error {
	var live, kept string
	if err != nil {
		re := output.NewRecordError(doc, err)
		live = "error " + strconv.Quote(re.Error)
	} else {
		live = fmt.Sprintf("document %q at %s", doc.ID, originString(doc.Origin))
	}
	switch {
	case it.Error != nil:
		kept = "error " + strconv.Quote(it.Error.Error)
	case it.Origin != nil:
		kept = fmt.Sprintf("document %q at %s", it.ID, originString(*it.Origin))
	}
	if live != kept {
		return fmt.Errorf("--resume: the inputs changed since the interrupted run: record %d is now %s, was %s; run again without --resume to start over", i+1, live, kept)
	}
	return nil
}

// runKey identifies a command line for a checkpoint: the version, the
// command, every flag value but --jobs and --resume (which do not change the
// outputs), the inputs with the size and time of their files, and the
// contents of the data files named. (Resuming also checks each record it
// skips against the checkpoint.)
func runKey(cmd *cobra.Command, inputs, dataFiles []string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", checkpointFormat, versionString(), cmd.CommandPath())
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name != "jobs" && f.Name != "resume" {
			fmt.Fprintf(h, "--%s=%s\x00", f.Name, f.Value.String())
		}
	})
	for _, in := range inputs {
		fmt.Fprintf(h, "input %q\x00", in)
		info, err := os.Stat(in)
		switch {
		case err != nil:
		case info.Mode().IsRegular():
			fmt.Fprintf(h, "%d %d\x00", info.Size(), info.ModTime().UnixNano())
		case info.IsDir():
			// The files a walk of the directory may read: hidden ones,
			// such as outputs being written, are not.
			filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
				if err != nil || p != in && strings.HasPrefix(d.Name(), ".") {
					if d != nil && d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if info, err := d.Info(); err == nil && !d.IsDir() {
					fmt.Fprintf(h, "%q %d %d\x00", p, info.Size(), info.ModTime().UnixNano())
				}
				return nil
			})
		}
	}
	for _, p := range dataFiles {
		data, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(h, "file %q %x\x00", p, sum)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// annotatedCodec keeps an annotated document whole: the line annotate
// writes for it, encoded once for both (see annotatedLines).
func annotatedCodec(lines *annotatedLines) resultCodec[*corpus.Annotated] {
	return resultCodec[*corpus.Annotated]{
		encode: func(buf *bytes.Buffer, a *corpus.Annotated) error {
			line, err := lines.take(a)
			if err != nil {
				return err
			}
			buf.Write(line)
			return nil
		},
		decode: func(b []byte) (*corpus.Annotated, error) {
			var a corpus.Annotated
			if err := json.Unmarshal(b, &a); err != nil {
				return nil, err
			}
			return &a, nil
		},
	}
}

// analyzedCodec keeps of an analyzed document what the outputs of analyze
// use: its metadata, actors and stances, the number of its sentences and
// tokens, and of its text the length and the spans its stances quote. (The
// whole text made the checkpoint as large as the input, and encoding it a
// tenth of the work of a run.) No text is longer than maxDocBytes.
func analyzedCodec(maxDocBytes int64) resultCodec[*corpus.Annotated] {
	type quote struct {
		Start int    `json:"start"`
		Text  string `json:"text"`
	}
	// kept is a record as decode reads it; encode writes the same fields
	// by hand.
	type kept struct {
		Doc       *corpus.Annotated `json:"doc"` // without text, sentences and tokens
		Bytes     int               `json:"bytes"`
		Sentences int               `json:"sentences"`
		Tokens    int               `json:"tokens"`
		Quotes    []quote           `json:"quotes"`
	}
	// The record is built by hand, the document (with its actors and
	// stances, most of the record) by annotate's encoder, rather than
	// through reflection. A codec serves one run, whose records it
	// encodes one at a time.
	enc := corpus.NewAnnotatedEncoder()
	var line []byte
	return resultCodec[*corpus.Annotated]{
		encode: func(buf *bytes.Buffer, a *corpus.Annotated) error {
			line = jsonenc.IntField(line[:0], `{"bytes":`, int64(len(a.Text)))
			line = jsonenc.IntField(line, `,"sentences":`, int64(len(a.Sentences)))
			line = jsonenc.IntField(line, `,"tokens":`, int64(len(a.Tokens)))
			line = jsonenc.List(append(line, `,"quotes":`...), a.Stances, func(b []byte, st *corpus.Stance) []byte {
				b = jsonenc.IntField(b, `{"start":`, int64(st.Start))
				return append(jsonenc.StringField(b, `,"text":`, a.Text[st.Start:st.End]), '}')
			})
			c := *a
			c.Text, c.Sentences, c.Tokens = "", nil, nil
			var err error
			if line, err = enc.Append(append(line, `,"doc":`...), &c); err != nil {
				return err
			}
			buf.Write(bytes.TrimSuffix(line, []byte("\n")))
			buf.WriteString("}\n")
			return nil
		},
		decode: func(b []byte) (*corpus.Annotated, error) {
			var k kept
			if err := json.Unmarshal(b, &k); err != nil {
				return nil, err
			}
			corrupt := errors.New("corrupt checkpoint record")
			if k.Doc == nil || k.Bytes < 0 || k.Sentences < 0 || k.Tokens < 0 || k.Sentences > k.Tokens || k.Tokens > k.Bytes || int64(k.Bytes) > maxDocBytes {
				return nil, corrupt
			}
			// The text as far as the outputs see it: blank but for the
			// spans quoted.
			text := bytes.Repeat([]byte{' '}, k.Bytes)
			for _, q := range k.Quotes {
				if q.Start < 0 || q.Start+len(q.Text) > k.Bytes {
					return nil, corrupt
				}
				copy(text[q.Start:], q.Text)
			}
			k.Doc.Text = string(text)
			for _, st := range k.Doc.Stances {
				if st.Start < 0 || st.End < st.Start || st.End > len(k.Doc.Text) {
					return nil, corrupt
				}
			}
			k.Doc.Sentences = make([]corpus.Sentence, k.Sentences)
			k.Doc.Tokens = make([]corpus.Token, k.Tokens)
			return k.Doc, nil
		},
	}
}
