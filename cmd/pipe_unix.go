//go:build unix

package cmd

import (
	"os"
	"os/signal"
	"syscall"
)

// quietBrokenPipe makes a write to a closed pipe (errcode ... | head) an
// error errcode sees, EPIPE, instead of SIGPIPE killing it with status 141:
// then every output ends the same way, exit 0 and nothing on stderr,
// however much was left to write. A command errcode run starts gets the
// default disposition back when it is executed.
func quietBrokenPipe() {
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
}
