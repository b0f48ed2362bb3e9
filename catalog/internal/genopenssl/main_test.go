package main

import (
	"flag"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
)

var update = flag.Bool("update", false, "rewrite catalog/data/openssl.yaml")

// openssl.yaml must be what the fact file and prose.yaml make.
func TestOpenSSLYAMLIsFresh(t *testing.T) {
	stale, err := command.Stale("../..", *update)
	if err != nil {
		t.Fatal(err)
	}
	if stale {
		t.Fatal("catalog/data/openssl.yaml is stale: run `go generate ./catalog` and commit the result")
	}
}

const okFacts = "// Source: x, from Debian bookworm's libssl-dev 3.0.1-1.\n" +
	"#define ERR_LIB_SSL 20\n#define ERR_LIB_PEM 9\n#define ERR_LIB_OFFSET 23L\n#define ERR_RFLAGS_OFFSET 18L\n" +
	"#define ERR_RFLAG_FATAL (0x1 << ERR_RFLAGS_OFFSET)\n#define ERR_RFLAG_COMMON (0x2 << ERR_RFLAGS_OFFSET)\n" +
	"#define ERR_R_FATAL (ERR_RFLAG_FATAL | ERR_RFLAG_COMMON)\n#define ERR_R_MALLOC_FAILURE (256 | ERR_R_FATAL)\n" +
	"#define ERR_R_UNSUPPORTED (268 | ERR_RFLAG_COMMON)\n" +
	"#define SSL_R_WRONG_VERSION_NUMBER 267\n#define SSL_R_CERTIFICATE_VERIFY_FAILED 134\n" +
	"#define PEM_R_NO_START_LINE 108\n#define PEM_R_OLD 1 /* unused */\n"

// A code is (lib << 23) | reason, flags included, as eight upper-case hex
// digits; a common reason comes once for each library; an unused reason
// is left out.
func TestParseFacts(t *testing.T) {
	saved := scope
	defer func() { scope = saved }()
	scope = []string{"SSL", "PEM"}
	rs, ver, err := parseFacts(okFacts)
	if err != nil || ver != "3.0.1-1" {
		t.Fatalf("parseFacts: %v %q", err, ver)
	}
	var got []string
	for _, r := range rs {
		got = append(got, r.code()+" "+r.key())
	}
	want := "0A000086 SSL_R_CERTIFICATE_VERIFY_FAILED|0A00010B SSL_R_WRONG_VERSION_NUMBER|0A0C0100 SSL/ERR_R_MALLOC_FAILURE|" +
		"0A08010C SSL/ERR_R_UNSUPPORTED|0480006C PEM_R_NO_START_LINE|048C0100 PEM/ERR_R_MALLOC_FAILURE|0488010C PEM/ERR_R_UNSUPPORTED"
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("codes\n %s\nwant\n %s", g, want)
	}
	for name, text := range map[string]string{
		"another packing":            strings.Replace(okFacts, "23L", "24L", 1),
		"a library without a number": strings.Replace(okFacts, "#define ERR_LIB_PEM 9\n", "", 1),
		"a library out of scope":     okFacts + "#define ERR_LIB_EVP 6\n#define EVP_R_BAD_DECRYPT 100\n",
		"a code twice":               okFacts + "#define SSL_R_AGAIN 267\n",
		"no version":                 strings.Replace(okFacts, "libssl-dev", "libssl", 1),
		"a library with no reasons":  strings.Replace(okFacts, "#define SSL_R_WRONG_VERSION_NUMBER 267\n#define SSL_R_CERTIFICATE_VERIFY_FAILED 134\n", "", 1),
	} {
		if _, _, err := parseFacts(text); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// Prose for a reason the fact file lacks is refused.
func TestProseIsChecked(t *testing.T) {
	rs := []reason{{lib: "SSL", libNum: 20, name: "SSL_R_WRONG_VERSION_NUMBER", number: 267}}
	if _, err := writeCatalog(rs, "3", map[string]yamlout.Prose{"SSL_R_WRONG_VERSION_NUMBR": {Title: "x", Description: "y"}}); err == nil {
		t.Error("prose for a misspelt symbol was accepted")
	}
}

// A title is the symbol's words, in OpenSSL's spelling of its acronyms.
func TestTitle(t *testing.T) {
	for short, want := range map[string]string{
		"WRONG_VERSION_NUMBER": "Wrong version number", "SSLV3_ALERT_HANDSHAKE_FAILURE": "SSLv3 alert handshake failure",
		"TLSV1_ALERT_UNKNOWN_CA": "TLSv1 alert unknown CA", "NESTED_ASN1_ERROR": "Nested ASN.1 error",
	} {
		if got := title(short); got != want {
			t.Errorf("title(%s) = %q, want %q", short, got, want)
		}
	}
}
