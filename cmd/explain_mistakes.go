package cmd

import (
	"io"
	"runtime"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// pastePrompt is what errcode explain - says on a terminal before it reads
// what is pasted.
func pastePrompt() string {
	end := "Ctrl-D"
	if runtime.GOOS == "windows" {
		end = "Ctrl-Z and Enter"
	}
	return "errcode: paste the response, then " + end + " on a line of its own"
}

// noSuchFile is the error for a FILE that does not exist. One that is a
// code rather than a path ("errcode explain 404") was meant for lookup.
func noSuchFile(ix *catalog.Index, file string) error {
	if !strings.ContainsAny(file, `/\`) && lookupWould(ix, []string{file}) {
		return usageErrorf("cannot read %s: no such file; to look up the code %s, run 'errcode lookup %s'", file, file, shellQuote(file))
	}
	return usageErrorf("cannot read %s: no such file: give the path of a file holding a response, or pipe one in", file)
}

// stickyEOF reads r until its first end of input, and then only ever says
// io.EOF: a terminal gives one EOF per Ctrl-D, and reads on after it.
type stickyEOF struct {
	r   io.Reader
	eof bool
}

func (s *stickyEOF) Read(p []byte) (int, error) {
	if s.eof {
		return 0, io.EOF
	}
	n, err := s.r.Read(p)
	if err == io.EOF {
		s.eof = true
	}
	return n, err
}
