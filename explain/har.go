package explain

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/textproto"
	"strings"
)

// A HAR file (HTTP Archive 1.2, as browsers' "Save all as HAR" writes it),
// only the parts errcode reads.
type harFile struct {
	Log struct {
		Entries []struct {
			Request struct {
				Method string `json:"method"`
				URL    string `json:"url"`
			} `json:"request"`
			Response struct {
				Status      int         `json:"status"`
				StatusText  string      `json:"statusText"`
				HTTPVersion string      `json:"httpVersion"`
				Headers     []harHeader `json:"headers"`
				RedirectURL string      `json:"redirectURL"`
				Content     struct {
					Text     string `json:"text"`
					Encoding string `json:"encoding"`
				} `json:"content"`
			} `json:"response"`
		} `json:"entries"`
	} `json:"log"`
}

type harHeader struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// MaxExchanges bounds how many of a HAR file's error responses are
// explained; the rest are counted.
const MaxExchanges = 1000

// parseHAR reads a HAR file: every entry whose response is an error
// (status 400 or more) becomes an exchange, up to MaxExchanges; omitted
// counts the rest.
func parseHAR(data []byte) (out []Exchange, omitted int, ok bool) {
	head := bytes.TrimSpace(data[:min(len(data), 4096)])
	if len(head) == 0 || head[0] != '{' || !bytes.Contains(head, []byte(`"log"`)) {
		return nil, 0, false
	}
	var h harFile
	if err := json.Unmarshal(data, &h); err != nil || h.Log.Entries == nil {
		return nil, 0, false
	}
	out = []Exchange{}
	for _, e := range h.Log.Entries {
		r := e.Response
		if r.Status < 400 || r.Status > 599 {
			continue
		}
		if len(out) == MaxExchanges {
			omitted++
			continue
		}
		hdr := textproto.MIMEHeader{}
		for _, kv := range r.Headers {
			hdr.Add(textproto.CanonicalMIMEHeaderKey(kv.Name), kv.Value)
		}
		body := []byte(r.Content.Text)
		if r.Content.Encoding == "base64" {
			if b, err := base64.StdEncoding.DecodeString(r.Content.Text); err == nil {
				body = b
			}
		}
		ex := Exchange{
			Method: e.Request.Method, URL: e.Request.URL, Host: hostOf(e.Request.URL),
			Response: Response{Protocol: harProtocol(r.HTTPVersion), Status: r.Status, Reason: r.StatusText, Header: hdr, Body: body},
		}
		// Browsers store content already decoded; only -w-style residue
		// cannot occur, so the body needs no further work.
		out = append(out, ex)
	}
	return out, omitted, true
}

// harProtocol normalises HAR's httpVersion ("HTTP/1.1", "http/2.0", "h2", "h3").
func harProtocol(v string) string {
	switch u := strings.ToUpper(strings.TrimSpace(v)); {
	case u == "":
		return ""
	case u == "H2" || u == "HTTP/2.0" || u == "HTTP/2":
		return "HTTP/2"
	case u == "H3" || u == "HTTP/3.0" || u == "HTTP/3":
		return "HTTP/3"
	default:
		return u
	}
}
