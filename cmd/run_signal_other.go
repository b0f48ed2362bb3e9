//go:build !unix

package cmd

import "os"

var forwardedSignals = []os.Signal{os.Interrupt}

// forward does nothing: the console sends Ctrl-C to every process attached
// to it, the command included, and Windows has no SIGTERM to pass on.
func forward(p *os.Process, sig os.Signal) {}
