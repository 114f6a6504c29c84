// Package output writes Standpoint's results: each format has its own file
// and encoder, and every file is written atomically, so that a reader sees
// either the previous complete file or the new complete one, never a part.
package output
