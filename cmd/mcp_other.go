//go:build !unix

package cmd

// execServer runs the server as a child: only Unix can exec.
func execServer(ios *IOStreams, path string, args []string) error {
	return runServer(ios, path, args)
}
