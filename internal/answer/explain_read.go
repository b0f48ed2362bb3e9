package answer

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/explain"
)

// readHAR reads src as a HAR when its start looks like one: as a stream,
// to its end, since browsers' exports run past what explain.ReadInput
// reads. Otherwise, or when it is not a HAR after all, it returns a reader
// giving src from its start, for ReadInput: a file goes back to where it
// was; of a pipe, the first bytes ReadInput reads (MaxInput+1) are kept
// while the HAR is read, and given again.
func readHAR(src io.Reader) (*explain.Transcript, io.Reader, error) {
	seeker, _ := src.(io.Seeker)
	var start int64
	var rec *recorder
	if seeker != nil {
		var err error
		if start, err = seeker.Seek(0, io.SeekCurrent); err != nil {
			seeker = nil // a pipe
		}
	}
	in := src
	if seeker == nil {
		rec = &recorder{r: src, max: explain.MaxInput + 1}
		in = rec
	}
	br := bufio.NewReaderSize(in, explain.HARSniff)
	if head, _ := br.Peek(explain.HARSniff); !explain.LooksHAR(head) {
		if rec != nil {
			rec.chunks, rec.max = nil, 0
		}
		return nil, keepStat(br, src), nil
	}
	if t, err := explain.ParseHAR(br); err == nil {
		return t, nil, nil
	}
	if rec != nil {
		return nil, rec.replay(src), nil
	}
	_, err := seeker.Seek(start, io.SeekStart)
	return nil, src, err
}

type statter interface{ Stat() (fs.FileInfo, error) }

// keepStat is br, reading src, with src's Stat when it has one: so that
// ReadInput still sizes its buffer to the file behind the sniffing reader.
func keepStat(br io.Reader, src io.Reader) io.Reader {
	if st, ok := src.(statter); ok {
		return struct {
			io.Reader
			statter
		}{br, st}
	}
	return br
}

// readLog explains src as a log when its start looks like one, reading it
// to its end as it streams, whatever its size. Otherwise it returns a
// reader giving src from its start.
func readLog(src io.Reader, ix *catalog.Index, req ExplainRequest, warn func(string)) (*explain.LogReport, io.Reader, error) {
	br := bufio.NewReaderSize(src, explain.LogSniff)
	if head, _ := br.Peek(explain.LogSniff); !explain.LooksLog(head) {
		return nil, keepStat(br, src), nil
	}
	if req.Status != 0 {
		// A log's records carry their own statuses, or have none: one
		// given for a body alone would be every record's.
		warn(fmt.Sprintf("--status %d is not used: the input is a log, whose records say their own", req.Status))
	}
	rep, err := explain.ExplainLog(br, ix, explain.Options{Catalog: req.Catalog})
	return rep, nil, err
}

// recorder keeps the first max bytes read through it, in chunks, so that
// keeping them never copies what it kept.
type recorder struct {
	r      io.Reader
	chunks [][]byte
	n, max int
}

const recordChunk = 1 << 20

func (c *recorder) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for kept := p[:max(0, min(n, c.max-c.n))]; len(kept) > 0; {
		last := len(c.chunks) - 1
		if last < 0 || len(c.chunks[last]) == cap(c.chunks[last]) {
			c.chunks = append(c.chunks, make([]byte, 0, min(recordChunk, c.max-c.n)))
			last++
		}
		room := cap(c.chunks[last]) - len(c.chunks[last])
		c.chunks[last] = append(c.chunks[last], kept[:min(room, len(kept))]...)
		c.n += min(room, len(kept))
		kept = kept[min(room, len(kept)):]
	}
	return n, err
}

// replay gives what was kept, then the rest of src. The recorder lets go
// of its chunks, so that each is freed once read.
func (c *recorder) replay(src io.Reader) io.Reader {
	rs := make([]io.Reader, 0, len(c.chunks)+1)
	for _, b := range c.chunks {
		rs = append(rs, bytes.NewReader(b))
	}
	c.chunks = nil
	return io.MultiReader(append(rs, src)...)
}
