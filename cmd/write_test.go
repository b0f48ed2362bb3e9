package cmd

import (
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// fullWriter fails every write as /dev/full does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
}

// Every output path, cobra's own help and scripts included, ends with exit
// 2 and one line when stdout cannot be written.
func TestWriteErrors(t *testing.T) {
	for _, args := range [][]string{
		{}, {"--help"}, {"lookup", "--help"}, {"help", "lookup"}, {"--version"}, {"version"},
		{"completion", "bash"}, {"__complete", "lookup", "14"}, {"lookup", "1405"}, {"lookup", "1405", "--json"},
		{"list"}, {"catalogs"}, {"explain"},
	} {
		ios, in, _, errOut := Test()
		ios.Out = fullWriter{}
		in.WriteString("HTTP/1.1 503 Service Unavailable\r\n\r\n")
		code := Run(ios, args)
		lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
		if code != exitUsage || !strings.HasPrefix(lines[len(lines)-1], "errcode: cannot write the output to /dev/stdout: no space left on device") {
			t.Errorf("errcode %v on a full stdout: exit %d, stderr %q", args, code, errOut.String())
		}
	}
}
