package explain

import "testing"

// The packed code and the reason's string, as each program prints them;
// a bare hex word, a lower-case one or a short one is not OpenSSL's.
func TestOpenSSLIn(t *testing.T) {
	for l, want := range map[string]string{
		"curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number":                                                                  "0A00010B wrong version number",
		"curl: (56) OpenSSL SSL_read: OpenSSL/3.0.19: error:0A000418:SSL routines::tlsv1 alert unknown ca, errno 0":                                     "0A000418 tlsv1 alert unknown ca",
		"40A7AC06627F0000:error:1C800064:Provider routines:ossl_cipher_unpadblock:bad decrypt:../providers/x.c:124:":                                    "1C800064 bad decrypt",
		`cannot load certificate "/x": PEM_read_bio_X509_AUX() failed (SSL: error:0480006C:PEM routines::no start line:Expecting: TRUSTED CERTIFICATE)`: "0480006C no start line",
		"build 0A00010B failed":           "",
		"error:0a00010b:SSL routines::x":  "",
		"error:0A0001:SSL routines::x":    "",
		"terror:0A00010B:SSL routines::x": "",
	} {
		got := ""
		if it, ok := opensslIn(l); ok {
			got = it.Code + " " + it.Message
			if it.Vocab != "openssl" || !it.VocabOnly {
				t.Errorf("%q: vocabulary %q only %v", l, it.Vocab, it.VocabOnly)
			}
		}
		if got != want {
			t.Errorf("%q: %q, want %q", l, got, want)
		}
	}
}

// Only a transport failure's line gains the item, under it; other items
// are left as they are.
func TestWithOpenSSL(t *testing.T) {
	line := "curl: (35) OpenSSL/3.0.19: error:0A000410:SSL routines::sslv3 alert handshake failure"
	out := withOpenSSL([]Item{{Code: "35", Message: line, From: "curl's error line", Vocab: "curl"}, {Message: line}})
	if len(out) != 3 || out[1].Code != "0A000410" || out[1].Depth != 1 || out[1].From != "curl's error line" || out[2].Vocab != "" {
		t.Errorf("withOpenSSL: %+v", out)
	}
}

// A catalog's line whose code a carrier already read (curl's failure
// quoting OpenSSL's code) is not a second claim; another code or
// vocabulary is.
func TestLineClaimCarried(t *testing.T) {
	lc := lineClaim{item: Item{Code: "0A00010B", Claim: "openssl"}}
	if !lc.carried(Item{Code: "0A00010B", Vocab: "openssl"}) {
		t.Error("the same code of the same vocabulary is carried")
	}
	for _, it := range []Item{{Code: "0A000410", Vocab: "openssl"}, {Code: "0A00010B", Vocab: "curl"}, {Code: "0A00010B"}, {Vocab: "openssl"}} {
		if lc.carried(it) {
			t.Errorf("%+v: not the claim's error", it)
		}
	}
}
