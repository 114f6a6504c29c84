// Package schema holds the JSON Schemas (draft 2020-12) of Standpoint's
// JSON outputs:
//
//	mentions.schema.json  one line of mentions.jsonl (output.Mention)
//	summary.schema.json   summary.json (aggregate.Summary)
//
// The schemas are generated from the Go types, their descriptions taken
// from the Go comments; `go test ./schema -update` rewrites them, and
// `go test ./schema` fails when they no longer match the types, and checks
// the golden outputs of the analyze command against them.
package schema
