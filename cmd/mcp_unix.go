//go:build unix

package cmd

import "syscall"

// execServer becomes the server (exec), so that the client's process is
// the server's, its signals and exit status too. Streams other than the
// process's own (tests) get a child instead.
func execServer(ios *IOStreams, path string, args []string) error {
	if !ios.process {
		return runServer(ios, path, args)
	}
	if err := syscall.Exec(path, args, ios.Environ); err != nil {
		return usageErrorf("cannot run %s: %v: %s", path, err, mcpInstall)
	}
	return nil
}
