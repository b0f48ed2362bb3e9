package cmd

import (
	"bytes"
	"fmt"
	"sync"
)

// What errcode run keeps of a command's output to explain it: the first
// captureHead bytes and the last captureTail, whatever the command prints,
// of stdout and stderr as they arrive, and of each alone (explainAttempt
// says why): at most 6 MiB, however many GiB the command prints. The head is where
// explain looks for a response's header block (its maxHead, 1 MiB), and so
// holds the status line, the headers and the first MaxBody (256 KiB) of a
// body, which is all of a body explain reads; the tail is where a command
// says how it ended (curl's "curl: (N)" line after a long body, a stack
// trace after a long log). Both together stay far inside explain's 16 MiB
// input cap, so nothing is cut twice.
const (
	captureHead = 1 << 20
	captureTail = 1 << 20
)

// capture keeps the head and the tail of what is written to it, from the
// command's stdout and stderr as they arrive (what `2>&1 |` would give
// errcode explain). It is safe for the two copying goroutines at once.
type capture struct {
	mu      sync.Mutex
	head    []byte // grown as written, up to headMax
	tail    []byte // a ring of tailMax bytes, made once the head is full
	pos     int    // where the ring's next byte goes
	wrapped bool   // the ring has been filled at least once
	n       int64  // bytes written, kept or not
	last    byte   // the last byte written
	headMax int
	tailMax int
}

func newCapture(headMax, tailMax int) *capture {
	return &capture{headMax: headMax, tailMax: tailMax}
}

func (c *capture) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(p)
	if n == 0 {
		return 0, nil
	}
	c.n += int64(n)
	c.last = p[n-1]
	if room := c.headMax - len(c.head); room > 0 {
		k := min(room, len(p))
		c.head = grow(c.head, k, c.headMax)
		c.head = append(c.head, p[:k]...)
		p = p[k:]
	}
	if len(p) == 0 || c.tailMax == 0 {
		return n, nil
	}
	if c.tail == nil {
		c.tail = make([]byte, c.tailMax)
	}
	if len(p) > c.tailMax {
		p = p[len(p)-c.tailMax:]
	}
	for len(p) > 0 {
		k := copy(c.tail[c.pos:], p)
		p = p[k:]
		if c.pos += k; c.pos == c.tailMax {
			c.pos, c.wrapped = 0, true
		}
	}
	return n, nil
}

// grow makes room for k more bytes in b, doubling but never past limit.
func grow(b []byte, k, limit int) []byte {
	if len(b)+k <= cap(b) {
		return b
	}
	c := min(max(2*cap(b), len(b)+k, 4<<10), limit)
	g := make([]byte, len(b), c)
	copy(g, b)
	return g
}

// kept is what to explain: everything written, or, when the middle was
// left out, the head and then the tail from its first whole line (so the
// tail reads as lines), on a line of their own.
func (c *capture) kept() (data []byte, cut bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var tail []byte
	if c.wrapped {
		tail = append(append(make([]byte, 0, c.tailMax), c.tail[c.pos:]...), c.tail[:c.pos]...)
	} else {
		tail = c.tail[:c.pos]
	}
	cut = c.n > int64(len(c.head)+len(tail))
	if cut {
		if i := bytes.IndexByte(tail, '\n'); i >= 0 && i < len(tail)-1 {
			tail = tail[i+1:]
		}
	}
	data = make([]byte, 0, len(c.head)+1+len(tail))
	data = append(data, c.head...)
	if cut && len(c.head) > 0 && c.head[len(c.head)-1] != '\n' {
		data = append(data, '\n')
	}
	return append(data, tail...), cut
}

// written is how many bytes were written, and the last of them.
func (c *capture) written() (int64, byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n, c.last
}

// cutNote says what was kept of a cut output, for the Input line.
func cutNote(headMax, tailMax int, n int64) string {
	return fmt.Sprintf("errcode kept the first %s and the last %s of %s", size(int64(headMax)), size(int64(tailMax)), size(n))
}

// size is n bytes for people: 512 bytes, 64 KiB, 1 MiB, 2.5 GiB.
func size(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<10))) + " KiB"
	case n < 1<<30:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<20))) + " MiB"
	}
	return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<30))) + " GiB"
}

func trimZero(s string) string {
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}
