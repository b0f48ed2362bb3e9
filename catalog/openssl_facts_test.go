package catalog_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

var (
	opensslLib    = regexp.MustCompile(`^#define ERR_LIB_([A-Z0-9_]+) (\d+)$`)
	opensslReason = regexp.MustCompile(`^#\s*define ([A-Z0-9_]+?)_R_([A-Z0-9_]+) (\d+)( /\* unused \*/)?$`)
	opensslCommon = regexp.MustCompile(`^#define (ERR_R_[A-Z0-9_]+) \((\d+) \| (ERR_R_FATAL|ERR_RFLAG_COMMON)\)$`)
)

// openssl-err.h.txt (err.h and the *err.h headers): "#define ERR_LIB_SSL
// 20", "#define SSL_R_CERTIFICATE_VERIFY_FAILED 134", and err.h's common
// reasons "#define ERR_R_UNSUPPORTED (268 | ERR_RFLAG_COMMON)". The code is
// OpenSSL 3's packing, written out here rather than read from the file:
// the library above bit 23, ERR_RFLAG_COMMON bit 19, ERR_RFLAG_FATAL bit
// 18; eight upper-case hex digits. Each library with reasons in the file
// has every common reason too. The symbol is the token, the library the
// category. A reason marked unused comes back with its message "unused".
func parseOpenSSL(lines []string) []fact {
	libs := map[string]int{}
	var out, common []fact
	inScope := map[string]bool{}
	var order []string
	packing := 0
	for _, l := range lines {
		switch {
		case l == "#define ERR_LIB_OFFSET 23L", l == "#define ERR_RFLAGS_OFFSET 18L",
			l == "#define ERR_RFLAG_FATAL (0x1 << ERR_RFLAGS_OFFSET)", l == "#define ERR_RFLAG_COMMON (0x2 << ERR_RFLAGS_OFFSET)":
			packing++
		}
		if m := opensslLib.FindStringSubmatch(l); m != nil {
			libs[m[1]], _ = strconv.Atoi(m[2])
		} else if m := opensslCommon.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[2])
			flags := 1 << 19
			if m[3] == "ERR_R_FATAL" {
				flags |= 1 << 18
			}
			common = append(common, fact{token: m[1], status: n | flags})
		} else if m := opensslReason.FindStringSubmatch(l); m != nil && m[1] != "ERR" {
			lib, ok := libs[m[1]]
			if !ok {
				return nil
			}
			n, _ := strconv.Atoi(m[3])
			f := fact{code: fmt.Sprintf("%08X", lib<<23|n), token: m[1] + "_R_" + m[2], category: m[1]}
			if m[4] != "" {
				f.message = "unused"
			}
			out = append(out, f)
			if !inScope[m[1]] {
				inScope[m[1]] = true
				order = append(order, m[1])
			}
		}
	}
	if packing != 4 {
		return nil // not OpenSSL 3's packing: the codes above would be wrong
	}
	for _, lib := range order {
		for _, c := range common {
			out = append(out, fact{code: fmt.Sprintf("%08X", libs[lib]<<23|c.status), token: c.token, category: lib})
		}
	}
	return out
}

func TestOpenSSLFacts(t *testing.T) {
	facts := readFacts(t, "openssl-err.h.txt", parseOpenSSL)
	skip := map[string]string{}
	libs := map[string]int{}
	for _, f := range facts {
		if f.message == "unused" {
			skip[f.code] = "marked unused in its header"
		}
		libs[f.category]++
	}
	checkFacts(t, "openssl", facts, skip, nil)
	// The scope (genopenssl's): these libraries and no other.
	want := []string{"SSL", "X509", "X509V3", "PEM", "EVP", "ASN1", "RSA", "EC", "PKCS12", "BIO", "PROV", "OSSL_DECODER", "OSSL_STORE"}
	if len(libs) != len(want) {
		t.Errorf("openssl-err.h.txt: libraries %v, want %v", libs, want)
	}
	for _, l := range want {
		if libs[l] == 0 {
			t.Errorf("openssl-err.h.txt: no reasons of %s", l)
		}
	}
	// Codes as OpenSSL 3.0 printed them on this machine (openssl, curl,
	// Python, Node: cmd/testdata/programs/*openssl*, scripts/record-openssl.sh)
	// and as people quote them.
	checkPinned(t, "openssl-err.h.txt", facts, map[string]string{
		"0A000086": "SSL_R_CERTIFICATE_VERIFY_FAILED", "0A00010B": "SSL_R_WRONG_VERSION_NUMBER",
		"0A000410": "SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE", "0A000418": "SSL_R_TLSV1_ALERT_UNKNOWN_CA",
		"0A000126": "SSL_R_UNEXPECTED_EOF_WHILE_READING", "0A000102": "SSL_R_UNSUPPORTED_PROTOCOL",
		"0480006C": "PEM_R_NO_START_LINE", "1C800064": "PROV_R_BAD_DECRYPT", "0308010C": "ERR_R_UNSUPPORTED",
		"1E08010C": "ERR_R_UNSUPPORTED", "0A000152": "SSL_R_UNSAFE_LEGACY_RENEGOTIATION_DISABLED",
	})
	c := catalog.NewIndex(catalog.Builtin()).Catalog("openssl")
	if !c.Protocol || len(c.Hosts) != 0 || len(c.Lines) == 0 {
		t.Errorf("openssl: a library's vocabulary, claimed by the lines its programs print: protocol %v, hosts %v, lines %v", c.Protocol, c.Hosts, c.Lines)
	}
	if !strings.Contains(c.Source, "written by errcode") {
		t.Errorf("openssl: the source must say whose the words are: %q", c.Source)
	}
	for i := range c.Entries {
		e := &c.Entries[i]
		_, short, _ := strings.Cut(e.Token, "_R_")
		if e.Title == "" || len(e.Causes) == 0 && catalog.Key(e.Title) != catalog.Key(catalog.TitleFromName(short)) {
			t.Errorf("openssl:%s: title %q, want the words of %s (or errcode's, with its prose)", e.Code, e.Title, e.Token)
		}
		if e.Status != 0 || e.Message != "" {
			t.Errorf("openssl:%s: status %d and message %q: OpenSSL states no status, and its strings are not carried", e.Code, e.Status, e.Message)
		}
	}
	// errcode's prose, on the reasons met most (prose.yaml).
	for _, code := range []string{"0A000086", "0A00010B", "0A000410", "0A000418", "0A000126", "0A0000BF", "0A000102",
		"0A000152", "0480006C", "1C800064", "05800074", "0308010C", "1E08010C"} {
		if e := c.Find(code, "", 0); e == nil || e.Description == "" || len(e.Causes) == 0 || len(e.Fixes) == 0 {
			t.Errorf("openssl:%s: errcode's description, causes and fixes", code)
		}
	}
	// errcode's judgement: nothing here says whether a call passes if made
	// again; a closed connection may, but the reason does not say so.
	checkRetryable(t, "openssl", map[string]catalog.Retry{})
}

// The packed code, in either case, and the symbol find one entry; so does
// the symbol without its library (Python's "[SSL: CERTIFICATE_VERIFY_FAILED]").
func TestOpenSSLLookup(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for q, want := range map[string]string{
		"0A000086": "openssl:0A000086", "0a000086": "openssl:0A000086", "SSL_R_CERTIFICATE_VERIFY_FAILED": "openssl:0A000086",
		"0A00010B": "openssl:0A00010B", "SSL_R_WRONG_VERSION_NUMBER": "openssl:0A00010B", "WRONG_VERSION_NUMBER": "openssl:0A00010B",
		"PEM_R_NO_START_LINE": "openssl:0480006C", "0308010C": "openssl:0308010C",
	} {
		r := ix.Lookup(catalog.Query{Text: q})
		if len(r.Matches) == 0 || r.Matches[0].Entry.Catalog+":"+r.Matches[0].Entry.Code != want {
			t.Errorf("lookup %q: %v, want %s first", q, matchIDs(r.Matches), want)
		}
	}
}
