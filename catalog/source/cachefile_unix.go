//go:build unix

package source

import (
	"io/fs"
	"os"
	"sync"
	"syscall"
)

// openCacheFile opens a cache entry only if errcode could have written it:
// the name itself, not what a symbolic link points to (O_NOFOLLOW), without
// waiting for a writer (O_NONBLOCK: a FIFO opens at once, and is then
// refused), and then only a regular file of the user's that no one else
// may write.
func openCacheFile(path string) (*os.File, fs.FileInfo, bool) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, false
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || !ownPrivate(fi) {
		f.Close()
		return nil, nil, false
	}
	return f, fi, true
}

// ownPrivate: fi is the current user's, and neither its group nor others
// may write it.
func ownPrivate(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == uid() && fi.Mode().Perm()&0o022 == 0
}

// uid is the user's id, asked of the system once for all the cache files
// of a start (and not at start-up: errcode does no work before a command
// needs it).
func uid() int {
	uidOnce.Do(func() { uidValue = os.Getuid() })
	return uidValue
}

var (
	uidOnce  sync.Once
	uidValue int
)
