//go:build linux || darwin

package source

import (
	"fmt"
	"io/fs"
	"syscall"
)

// fileIdentity is what tells one version of a file from another beyond its
// size and modification time: the inode, and the change time, which every
// write moves and no tool can set back (touch -r keeps the mtime, not it).
func fileIdentity(fi fs.FileInfo) string {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	sec, nsec := changeTime(st)
	return fmt.Sprintf("%d\x00%d\x00%d.%d", st.Dev, st.Ino, sec, nsec)
}
