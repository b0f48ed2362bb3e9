// Package explain reads a raw HTTP response, as curl, httpie, xh, wget or a
// browser's HAR export print it (or just a body), and diagnoses it with the
// catalogs: which error, why, what to do, when to retry, which id to quote.
// It does no I/O beyond the reader it is given and no styling.
package explain

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
)

// MaxInput is how much of the input errcode reads; the rest is ignored and
// the diagnosis says the input was truncated.
const MaxInput = 16 << 20

// ErrNoInput is returned for empty input.
var ErrNoInput = errors.New("no input")

// ReadInput reads at most MaxInput bytes from r. It stops there without
// draining the rest, so memory stays bounded whatever arrives.
func ReadInput(r io.Reader) (data []byte, truncated bool, err error) {
	size := 64 << 10
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() {
			size = int(min(fi.Size()+1, MaxInput+1)) // one buffer, no regrowth
		}
	}
	buf := make([]byte, 0, size)
	for len(buf) <= MaxInput {
		if len(buf) == cap(buf) {
			// Grow by doubling, but never past MaxInput+1.
			n := min(2*cap(buf), MaxInput+1)
			grown := make([]byte, len(buf), n)
			copy(grown, buf)
			buf = grown
		}
		n, rerr := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return nil, false, rerr
		}
	}
	if len(buf) > MaxInput {
		buf, truncated = buf[:MaxInput], true
	}
	if len(bytes.TrimSpace(buf)) == 0 {
		return nil, false, ErrNoInput // nothing, or only blank lines
	}
	return buf, truncated, nil
}
