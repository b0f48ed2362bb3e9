package explain

import (
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

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

// OpenSSL 3 puts a failed system call on its queue as a packed code with
// the top bit set and the errno below it (ERR_SYSTEM_FLAG):
// "error:8000006F:system library:BIO_connect:Connection refused" is errno
// 111, as `openssl s_client` prints it when nothing listens. A library's
// call of the system that failed without an errno is that library's
// common reason ERR_R_SYS_LIB, the system's message after the source
// place: "error:10080002:BIO routines:BIO_lookup_ex:system
// lib:../crypto/bio/bio_addr.c:746:Name or service not known". Neither is
// in a reason table: each is the system's word for the failure.
// (<openssl/err.h>: ERR_SYSTEM_FLAG ((unsigned int)INT_MAX + 1),
// ERR_REASON_MASK 0X7FFFFF, ERR_R_SYS_LIB (ERR_LIB_SYS | ERR_RFLAG_COMMON),
// ERR_LIB_SYS 2, ERR_RFLAG_COMMON (0x2 << 18).)
const (
	errSystemFlag = 0x80000000
	errReasonMask = 0x7fffff
	errRSysLib    = 2 | 0x2<<18
)

// systemFailure is what an OpenSSL error the openssl catalog's line
// claimed stands for when it is a system call's failure: the errno, under
// curl's code for the transport failure it names (a refused or reset
// connection, a timeout, a name that does not resolve) where it names one.
// ok is false for any other claim, which the catalog explains.
func systemFailure(ix *catalog.Index, lc lineClaim) ([]Item, bool) {
	v, err := strconv.ParseUint(lc.item.Code, 16, 32)
	if lc.item.Claim != "openssl" || len(lc.item.Code) != 8 || err != nil {
		return nil, false
	}
	from := "OpenSSL's system error " + lc.item.Code
	transport := func(name string) Item {
		return Item{Code: reasonCode(name), Message: cut(lc.line, maxNoteLen), From: from, Vocab: "curl", VocabOnly: true, Fails: true}
	}
	if v&errSystemFlag == 0 {
		if t := transport(lc.line); v&errReasonMask == errRSysLib && t.Code != "" {
			return []Item{t}, true
		}
		return nil, false
	}
	n := int(v &^ errSystemFlag)
	if n == 0 || n > 4095 {
		return nil, false // no errno: not a system call's failure after all
	}
	errno := Item{Token: strconv.Itoa(n), Message: lc.item.Message, From: from, Vocab: "errno", VocabOnly: true, Fails: true}
	name := ""
	if c := ix.Catalog("errno"); c != nil {
		if e := c.Find("", errno.Token, 0); e != nil {
			name = e.Code
		}
	}
	if t := transport(name); name != "" && t.Code != "" {
		errno.Depth = 1
		return []Item{t, errno}, true
	}
	return []Item{errno}, true
}
