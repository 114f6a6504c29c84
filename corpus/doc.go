// Package corpus reads collections of documents (plain text and Markdown
// files, JSON Lines, CSV, each optionally gzip-compressed, or standard input)
// into Documents, and reads and writes the annotated corpus: documents with
// their tokens, sentences and the span layers later stages add.
//
// Reading streams: one record is held in memory at a time, so memory does not
// grow with the size of a corpus. Every error names the path and line (or
// record) it concerns, and a bad record never stops the records after it.
package corpus
