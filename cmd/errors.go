package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"syscall"

	"github.com/errcode-dev/errcode/internal/answer"
)

// Exit codes.
const (
	exitOK       = 0
	exitNotFound = 1 // nothing found
	exitUsage    = 2 // bad flags, arguments or input
)

// exitError ends the command with a status and, if msg is not empty, a
// one-line message on stderr ("errcode: msg").
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageErrorf(format string, a ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, a...)}
}

func notFoundf(format string, a ...any) error {
	return &exitError{code: exitNotFound, msg: fmt.Sprintf(format, a...)}
}

// errSilentNotFound is exit 1 with nothing more to say (the output said it).
var errSilentNotFound = &exitError{code: exitNotFound}

func exitCode(err error) (int, string) {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code, ee.msg
	}
	var ae *answer.Error
	if errors.As(err, &ae) {
		return ae.Code, ae.Msg
	}
	if errors.Is(err, syscall.EPIPE) {
		return exitOK, "" // the reader has gone (| head): it read all it wanted
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Op == "write" {
		return exitUsage, fmt.Sprintf("cannot write the output to %s: %v: check where the output goes", pe.Path, pe.Err)
	}
	// Anything else comes from cobra before a command ran: unknown
	// commands, bad flags, wrong arguments.
	return exitUsage, cobraMessage(err.Error())
}

// cobra's "unknown command "x" for "errcode list"" (and its "Did you mean
// this?" lines after a blank line).
// Compiled when needed: nothing runs at start-up.
const cobraUnknown = `^unknown command "[^"]*" for "([^"]*)"`

// cobraMessage is one of cobra's errors on one line, with what to do.
func cobraMessage(msg string) string {
	msg, _, _ = strings.Cut(msg, "\n")
	if strings.Contains(msg, "(see '") {
		return msg
	}
	if m := regexp.MustCompile(cobraUnknown).FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s: %s takes no such argument (see '%s --help')", msg, m[1], m[1])
	}
	return msg + " (see 'errcode --help')"
}
