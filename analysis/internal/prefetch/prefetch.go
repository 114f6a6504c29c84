// Package prefetch asks the processor to bring memory into its cache
// ahead of use, for loops whose next reads are known early but would each
// wait on memory: a plain read of the address brings the line in too, but
// the processor then holds back what follows until the read is done.
package prefetch
