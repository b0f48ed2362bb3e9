//go:build unix

package cmd

import (
	"os"

	"golang.org/x/sys/unix"
)

// quietBrokenPipe makes a write to a closed pipe (errcode ... | head) an
// error errcode sees, EPIPE, instead of SIGPIPE killing it with status 141:
// then every output ends the same way, exit 0 and nothing on stderr,
// however much was left to write. Go's runtime kills a program for a
// broken pipe only on file descriptors 1 and 2, so errcode writes through
// duplicates of them (close-on-exec: a command errcode run starts never
// sees them, and keeps SIGPIPE's default). signal.Notify would do the same
// but start the signal-handling goroutine on every start: about 40 more
// page faults, for a start-up that is mostly page faults.
func quietBrokenPipe(ios *IOStreams) {
	if f := dupFile(os.Stdout); f != nil && ios.Out == os.Stdout {
		ios.Out = f
	}
	if f := dupFile(os.Stderr); f != nil && ios.ErrOut == os.Stderr {
		ios.ErrOut = f
	}
}

// dupFile is f on a new close-on-exec descriptor; nil if none is had.
func dupFile(f *os.File) *os.File {
	fd, err := unix.FcntlInt(f.Fd(), unix.F_DUPFD_CLOEXEC, 3)
	if err != nil {
		return nil
	}
	return os.NewFile(uintptr(fd), f.Name())
}
