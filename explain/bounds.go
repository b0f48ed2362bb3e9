package explain

import (
	"bytes"
	"strconv"
	"strings"
)

// What the trace readers (curl -v, wget -S, grpcurl -v) keep of a stream's
// unbounded parts, in the -i reader's measures: at most maxTraceLines header
// lines, maxNotes notes of at most maxNoteLen bytes each and a count of the
// rest, and MaxBody bytes of body, kept as the body is read, so that a long
// body is never copied whole. Whatever the input repeats, what they keep is
// bounded, and so is what is printed.

// maxNoteLen bounds one note: a tool's line is a sentence, not a body.
const maxNoteLen = 1 << 10

// noteList keeps the first maxNotes notes and counts the rest.
type noteList struct {
	kept []string
	more int
}

func (n *noteList) add(note string) {
	if len(n.kept) == maxNotes {
		n.more++
		return
	}
	n.kept = append(n.kept, cut(note, maxNoteLen))
}

// moreNotes is the line that ends a list of notes cut at maxNotes, in the
// words the text output uses for the error responses of a HAR it leaves out.
func moreNotes(more int) string {
	return "… and " + strconv.Itoa(more) + " more lines like these, not shown (errcode keeps the first " + strconv.Itoa(maxNotes) + ")"
}

// bodyLines joins the body lines of a trace, as they come, with "\n",
// keeping the first MaxBody bytes. Past them it keeps only the end of the
// last line that is not blank: what trailingStatus reads (curl -w's code,
// glued to the body's end or on a line of its own).
type bodyLines struct {
	head []byte
	n    int    // bytes joined, kept or not
	last string // the end of the last non-blank line, once past MaxBody
}

// bodyTail is how much of the last line is kept past MaxBody: enough for a
// status code and what comes before it.
const bodyTail = 64

// add joins l to the body. As bytes.Buffer did before: no line break
// before the body's first byte, so blank lines before it are dropped.
func (b *bodyLines) add(l string) {
	if b.n > 0 {
		b.write("\n")
	}
	b.write(l)
	if b.n > MaxBody && strings.TrimSpace(l) != "" {
		b.last = strings.Clone(l[max(0, len(l)-bodyTail):])
	}
}

func (b *bodyLines) write(s string) {
	if room := MaxBody - len(b.head); room > 0 {
		b.head = append(b.head, s[:min(len(s), room)]...)
	}
	b.n += len(s)
}

// bytes is the body: all of it, or its first MaxBody bytes, a line break
// and the end of its last line (finishBody cuts the body at MaxBody after
// reading the status code there).
func (b *bodyLines) bytes() []byte {
	if b.n <= MaxBody || b.last == "" {
		return b.head
	}
	return bytes.Join([][]byte{b.head, []byte(b.last)}, []byte("\n"))
}
