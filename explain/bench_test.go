package explain

import (
	"bytes"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/loggen"
)

func benchExplain(b *testing.B, data []byte) {
	ix := catalog.NewIndex(catalog.Builtin())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for _, ex := range Parse(data, false).Exchanges {
			Diagnose(ex, ix, Options{})
		}
	}
}

// A typical error response: curl -si of a Wontopos 429.
func BenchmarkExplainTypical(b *testing.B) {
	data, err := os.ReadFile("../cmd/testdata/responses/curl-si-wontopos-ratelimit.txt")
	if err != nil {
		b.Fatal(err)
	}
	benchExplain(b, data)
}

// curl -v with its trace and progress meter.
func BenchmarkExplainCurlVerbose(b *testing.B) {
	data, err := os.ReadFile("../cmd/testdata/responses/curl-v-progress-ironwifi.txt")
	if err != nil {
		b.Fatal(err)
	}
	benchExplain(b, data)
}

// A 1 MiB response: an error envelope followed by a large JSON body.
func BenchmarkExplain1MiB(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nX-Request-Id: r1\r\n\r\n")
	buf.WriteString(`{"error":{"code":"internal_error","message":"boom","status":500,"request_id":"req_1"},"items":[`)
	item := `{"id":12345,"name":"item","tags":["a","b","c"]},`
	buf.WriteString(strings.Repeat(item, (1<<20)/len(item)))
	buf.WriteString(`{}]}`)
	benchExplain(b, buf.Bytes())
}

// A 1 MiB curl -v transcript: every line goes through the trace reader.
func BenchmarkExplain1MiBVerbose(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("* Connected\n> GET / HTTP/1.1\n> Host: api.wontopos.com\n>\n< HTTP/1.1 429 Too Many Requests\n< Retry-After: 3\n<\n")
	line := `{"error":{"code":"rate_limit_exceeded","message":"Too many requests.","status":429,"request_id":"req_abc123"}}` + "\n"
	buf.WriteString(strings.Repeat(line, (1<<20)/len(line)))
	benchExplain(b, buf.Bytes())
}

// 16 MiB of bytes that are no transcript: every reader, the program
// reader's line marks included, looks and lets go (the 16 MiB cap's cost).
func BenchmarkExplain16MiBNoise(b *testing.B) {
	data := make([]byte, 16<<20)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range data {
		data[i] = byte(r.Uint32())
	}
	benchExplain(b, data)
}

// A 64 MiB zap log with an error record every loggen.ErrEvery lines, read
// from memory: the log reader's throughput (MB/s), without the disk.
func BenchmarkExplainLog64MiB(b *testing.B) {
	var buf bytes.Buffer
	if err := loggen.Write(&buf, 64<<20); err != nil {
		b.Fatal(err)
	}
	ix := catalog.NewIndex(catalog.Builtin())
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		rep, err := ExplainLog(bytes.NewReader(buf.Bytes()), ix, Options{})
		if err != nil || len(rep.Groups) != 4 {
			b.Fatalf("%v, %d groups", err, len(rep.Groups))
		}
	}
}
