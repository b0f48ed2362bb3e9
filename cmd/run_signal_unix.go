//go:build unix

package cmd

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// forwardedSignals are the signals errcode run passes on to the command.
var forwardedSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM}

// forward passes sig on to the command. A Ctrl-C is not passed on when
// errcode is in the terminal's foreground process group: the terminal sent
// it to the whole group, the command included, and a second SIGINT would
// make many programs (Python's cleanup, a "press Ctrl-C again to force")
// give up what the first one started. sudo and go run reason the same way.
func forward(p *os.Process, sig os.Signal) {
	if sig == syscall.SIGINT && inForeground() {
		return
	}
	_ = p.Signal(sig) // it may have exited already
}

// inForeground: errcode's process group is its terminal's foreground one.
func inForeground() bool {
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return false // no controlling terminal: CI, cron, a service
	}
	defer tty.Close()
	pgrp, err := unix.IoctlGetInt(int(tty.Fd()), unix.TIOCGPGRP)
	return err == nil && pgrp == unix.Getpgrp()
}
