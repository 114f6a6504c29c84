package output

import (
	"encoding/json"
	"io"

	"github.com/standpoint/standpoint/analysis/aggregate"
)

// WriteSummary writes s as summary.json: JSON indented by two spaces, with
// <, > and & left as they are.
func WriteSummary(w io.Writer, s aggregate.Summary) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
