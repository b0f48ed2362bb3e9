package explain

import "strings"

// OpenSSL 3 and the programs built on it (curl, Node, nginx, Python's ssl
// module underneath) print an error of OpenSSL's queue as "error:", the
// packed code in eight hex digits, then the library's, the function's and
// the reason's strings: "error:0A00010B:SSL routines::wrong version
// number" (curl), "...:error:0A00010B:SSL routines:ssl3_get_record:wrong
// version number:../ssl/record/ssl3_record.c:350:" (openssl, Node). Inside
// a transport failure's line, that code is the TLS library's own word for
// the failure, as errno's is the system's: an item of the openssl
// vocabulary under the failure. (The catalog's `lines:` claim the same
// shape where it stands alone, in the openssl command's output.)
var opensslError = &lazyRE{expr: `\berror:([0-9A-F]{8}):[^:\n]*:[^:\n]*:([^:\n),]*)`}

// opensslIn is the OpenSSL error a failure's line quotes, if any.
func opensslIn(l string) (Item, bool) {
	if !strings.Contains(l, "error:") {
		return Item{}, false
	}
	m := opensslError.get().FindStringSubmatch(l)
	if m == nil {
		return Item{}, false
	}
	return Item{Code: m[1], Message: strings.TrimSpace(m[2]), Vocab: "openssl", VocabOnly: true, Fails: true}, true
}

// withOpenSSL adds, after each failure whose line quotes one, the OpenSSL
// error it quotes.
func withOpenSSL(items []Item) []Item {
	var out []Item
	for _, it := range items {
		out = append(out, it)
		if it.Vocab != "curl" {
			continue
		}
		if o, ok := opensslIn(it.Message); ok {
			o.From, o.Depth = it.From, it.Depth+1
			out = append(out, o)
		}
	}
	return out
}
