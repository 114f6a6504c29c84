package output

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/standpoint/standpoint/analysis/aggregate"
)

// WriteSummary writes s as summary.json: JSON indented by two spaces, with
// <, > and & left as they are, as encoding/json's Encoder writes it. The
// summary encodes itself; json.Indent is what the Encoder indents with.
func WriteSummary(w io.Writer, s aggregate.Summary) error {
	compact, err := s.AppendJSON(nil)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.Grow(2 * len(compact))
	if err := json.Indent(&buf, compact, "", "  "); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err = buf.WriteTo(w)
	return err
}
