//go:build !unix

package cmd

// quietBrokenPipe: only Unix kills a writer to a closed pipe.
func quietBrokenPipe(*IOStreams) {}
