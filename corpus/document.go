package corpus

// A Document is one text of a corpus with its metadata.
//
// Text is always valid UTF-8: a reader replaces invalid byte sequences with
// U+FFFD and drops a leading byte-order mark. It has no NUL byte: a reader
// refuses such a text as binary data. Every byte offset elsewhere in
// Standpoint indexes into Text.
type Document struct {
	ID     string `json:"id"`
	Date   string `json:"date,omitempty"` // YYYY-MM-DD, or empty when unknown
	Source string `json:"source,omitempty"`
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	Text   string `json:"text"`
	Origin Origin `json:"origin"`
}

// Origin says where a document was read from.
type Origin struct {
	Path string `json:"path"`           // the file as found ("-" for standard input)
	Line int    `json:"line,omitempty"` // 1-based line a JSONL or CSV record starts on; 0 for a whole file
}
