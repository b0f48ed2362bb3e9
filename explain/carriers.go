package explain

import (
	"bytes"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
)

// Carriers are the places a protocol puts its own errors outside the body:
// gRPC's grpc-status header or trailer (and grpcurl's report of it), an
// OAuth Bearer challenge, and an OAuth error sent back in a redirect. What
// they carry is in that protocol's vocabulary and no other.

// grpcStatus reads grpc-status and grpc-message from the headers (a
// trailers-only answer), the trailers (curl -v shows them), or, for curl
// -i, the trailer lines curl prints after a gRPC body. A status of 0 is
// success: no error.
//
// names spells the header's name as the input did ("the grpc-status
// header", "the Grpc-Status header").
func grpcStatus(h, trailer textproto.MIMEHeader, names spelling, body []byte) []Item {
	from, code, msg := "", "", ""
	switch {
	case h.Get("Grpc-Status") != "":
		from, code, msg = "the "+names.of("Grpc-Status")+" header", h.Get("Grpc-Status"), h.Get("Grpc-Message")
	case trailer.Get("Grpc-Status") != "":
		from, code, msg = "the "+names.of("Grpc-Status")+" trailer", trailer.Get("Grpc-Status"), trailer.Get("Grpc-Message")
	case strings.HasPrefix(h.Get("Content-Type"), "application/grpc"):
		t, spelled := bodyTrailer(body)
		from, code, msg = "the "+spelled.of("Grpc-Status")+" trailer", t.Get("Grpc-Status"), t.Get("Grpc-Message")
	}
	code = strings.TrimSpace(code)
	if code == "" || code == "0" || !isSmallNumber(code) {
		return nil
	}
	if m, err := url.PathUnescape(msg); err == nil { // grpc-message is percent-encoded
		msg = m
	}
	return []Item{{Code: code, Message: msg, From: from, Vocab: "grpc", VocabOnly: true, Fails: true}}
}

// bodyTrailer reads "grpc-...: value" lines that curl -i prints after a
// gRPC body (its trailers), and their names' spelling.
func bodyTrailer(body []byte) (textproto.MIMEHeader, spelling) {
	h, names := textproto.MIMEHeader{}, spelling{}
	for _, l := range bytes.Split(body, []byte("\n")) {
		l = bytes.TrimLeft(bytes.TrimRight(l, "\r"), "\x00")
		name, value, ok := bytes.Cut(l, []byte(":"))
		if ok && bytes.HasPrefix(bytes.ToLower(name), []byte("grpc-")) {
			h.Add(names.add(string(name)), string(bytes.TrimSpace(value)))
		}
	}
	return h, names
}

func isSmallNumber(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0 && n < 100
}

// parseGRPCurl reads what grpcurl prints for a failed call: "ERROR:",
// then "  Code: Unavailable" and "  Message: ..."; with -v, the response
// headers and trailers it received before that (at most maxTraceLines of
// them, as the other trace readers keep; a message, at most what a body
// could say: MaxBody).
func parseGRPCurl(data []byte) Exchange {
	var ex Exchange
	ex.Header, ex.names = textproto.MIMEHeader{}, spelling{}
	var it *Item
	section := ""
	headers := 0
	eachLine(data, func(b []byte, _ int) bool {
		l := string(b)
		switch {
		case l == "ERROR:":
			it = &Item{From: "grpcurl's error", Vocab: "grpc", VocabOnly: true, Fails: true}
		case it != nil && strings.HasPrefix(l, "  Code: "):
			it.Token = strings.TrimPrefix(l, "  Code: ")
		case it != nil && strings.HasPrefix(l, "  Message: "):
			it.Message = cut(strings.TrimPrefix(l, "  Message: "), MaxBody)
		case l == "Response headers received:", l == "Response trailers received:":
			section = l
		case l == "":
			section = ""
		case section != "" && headers < maxTraceLines:
			if name, value, ok := strings.Cut(l, ": "); ok && !strings.ContainsAny(name, " \t") {
				ex.Header.Add(ex.names.add(name), value)
				headers++
			}
		}
		return true
	})
	if it != nil && it.Token != "" {
		ex.Carried = []Item{*it}
	}
	return ex
}

var bearerParam = &lazyRE{expr: `(?i)\b(error|error_description|scope)\s*=\s*"([^"]*)"`}

// bearerErrors reads RFC 6750's error in a Bearer challenge, whichever
// WWW-Authenticate header carries it and wherever in the value it sits
// ("Basic realm=x, Bearer error=..." is one header with two challenges).
func bearerErrors(h textproto.MIMEHeader) []Item {
	for _, v := range h.Values("Www-Authenticate") {
		i := indexFold(v, "bearer")
		if i < 0 {
			continue
		}
		var it Item
		for _, m := range bearerParam.get().FindAllStringSubmatch(v[i:], -1) {
			switch strings.ToLower(m[1]) {
			case "error":
				if it.Code == "" {
					it.Code = m[2]
				}
			case "error_description":
				it.Message = m[2]
			case "scope":
				it.Field = "scope " + m[2]
			}
		}
		if it.Code != "" {
			it.From, it.Vocab, it.VocabOnly = "the WWW-Authenticate header", "oauth", true
			return []Item{it}
		}
	}
	return nil
}

// indexFold is strings.Index for an ASCII word, case folded, at a word
// start.
func indexFold(s, word string) int {
	for i := 0; i+len(word) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(word)], word) && (i == 0 || s[i-1] == ' ' || s[i-1] == ',') {
			return i
		}
	}
	return -1
}

// redirectErrors reads an OAuth error sent back in a redirect
// (RFC 6749 4.1.2.1: ?error=access_denied&error_description=...; in the
// fragment for the implicit flow), in the final response's Location or in
// a redirect on the way.
func redirectErrors(final string, hops []Hop) []Item {
	locs := []string{final}
	for _, h := range hops {
		locs = append(locs, h.Location)
	}
	for _, loc := range locs {
		for _, part := range locationParams(loc) {
			q, err := url.ParseQuery(part)
			if err != nil || q.Get("error") == "" {
				continue
			}
			return []Item{{Code: q.Get("error"), Message: q.Get("error_description"), From: "the Location header", Vocab: "oauth", VocabOnly: true, Fails: true}}
		}
	}
	return nil
}

func locationParams(loc string) []string {
	if loc == "" {
		return nil
	}
	rest, frag, _ := strings.Cut(loc, "#")
	_, query, _ := strings.Cut(rest, "?")
	return []string{query, frag}
}

// hasCode: one of items has this code (case folded).
func hasCode(items []Item, code string) bool {
	for _, it := range items {
		if strings.EqualFold(it.Code, code) {
			return true
		}
	}
	return false
}
