package cmd_test

import (
	"bufio"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// serveReplies is the scripts' `serve FILE` command: an HTTP server on
// loopback, for as long as the script runs, answering each path with the
// reply FILE gives it, so that a real client (kubectl) can fail against it
// in a script. $SERVER is its base URL. FILE holds blocks:
//
//	== /path STATUS
//	Header: value
//
//	body
//
// A path FILE does not name is answered 404 with no body.
func serveReplies(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: serve FILE")
	}
	type reply struct {
		status int
		header [][2]string
		body   string
	}
	replies := map[string]*reply{}
	var cur *reply
	inBody := false
	sc := bufio.NewScanner(strings.NewReader(ts.ReadFile(args[0])))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "== "):
			f := strings.Fields(l[3:])
			if len(f) != 2 {
				ts.Fatalf("serve: bad block line %q", l)
			}
			n, err := strconv.Atoi(f[1])
			ts.Check(err)
			cur, inBody = &reply{status: n}, false
			replies[f[0]] = cur
		case cur == nil:
		case !inBody && l == "":
			inBody = true
		case !inBody:
			name, value, ok := strings.Cut(l, ": ")
			if !ok {
				ts.Fatalf("serve: bad header %q", l)
			}
			cur.header = append(cur.header, [2]string{name, value})
		default:
			cur.body += l + "\n"
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rep, ok := replies[r.URL.Path]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		for _, h := range rep.header {
			w.Header().Add(h[0], h[1])
		}
		w.WriteHeader(rep.status)
		_, _ = w.Write([]byte(rep.body))
	})}
	go func() { _ = srv.Serve(ln) }()
	ts.Defer(func() { _ = srv.Close() })
	ts.Setenv("SERVER", "http://"+ln.Addr().String())
}
