//go:build !unix

package source

import (
	"io/fs"
	"os"
)

// openCacheFile: where files have no Unix owner and mode bits, a cache
// entry is used if it is a regular file (never a link, a device or a pipe).
func openCacheFile(path string) (*os.File, fs.FileInfo, bool) {
	if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
		return nil, nil, false
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, false
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, false
	}
	return f, fi, true
}

func ownPrivate(fs.FileInfo) bool { return true }
