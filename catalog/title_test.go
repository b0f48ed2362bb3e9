package catalog_test

import (
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// TitleFromName's rules, a row or more each: words at separators and humps,
// sentence case, acronyms, capitals a mixed-case name chose, type suffixes,
// numbers.
func TestTitleFromName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// words: separators and camelCase humps
		{"NoSuchKey", "No such key"},
		{"card_declined", "Card declined"},
		{"invalid-request.missing/param:x y", "Invalid request missing param x y"},
		{"SignatureDoesNotMatch", "Signature does not match"},
		{"  padded_code ", "Padded code"},
		// an upper-case name: lower case but for the first letter
		{"RESOURCE_EXHAUSTED", "Resource exhausted"},
		{"DEADLINE_EXCEEDED", "Deadline exceeded"},
		// a vocabulary's prefix (MySQL's ER_, CR_) falls away when words follow
		{"ER_NO_SUCH_TABLE", "No such table"},
		{"CR_SERVER_LOST", "Server lost"},
		{"ER_BAD_DB_ERROR", "Bad DB error"},
		{"ER_", "Er"},
		{"ERROR_CODE", "Error code"},
		// acronyms from the table, in any case and any position
		{"invalid_api_key", "Invalid API key"},
		{"api_key_expired", "API key expired"},
		{"InvalidClientTokenId", "Invalid client token ID"},
		{"url_invalid", "URL invalid"},
		{"oauth_token_revoked", "OAuth token revoked"},
		{"KMS_DISABLED", "KMS disabled"},
		{"incorrect_cvc", "Incorrect CVC"},
		{"tls_handshake_failed", "TLS handshake failed"},
		// a run of capitals ends before the capital that starts the next word
		{"SSLError", "SSL error"},
		{"InvalidIAMPolicy", "Invalid IAM policy"},
		// capitals a mixed-case name chose are kept, known or not
		{"InvalidARN", "Invalid ARN"},
		{"BadXYZValue", "Bad XYZ value"},
		// digits stay with their word; a hump after a digit splits
		{"S3BucketMissing", "S3 bucket missing"},
		{"ec2_throttled", "EC2 throttled"},
		{"http2_error_x", "Http2 error x"},
		// type suffixes: Exception and Fault go; Error goes after a state
		{"ThrottlingException", "Throttling"},
		{"ResourceNotFoundException", "Resource not found"},
		{"DBInstanceNotFoundFault", "DB instance not found"},
		{"ClusterAlreadyExistsFault", "Cluster already exists"},
		{"InsufficientDBInstanceCapacityFault", "Insufficient DB instance capacity"},
		{"not_found_error", "Not found"},
		{"access_denied_error", "Access denied"},
		{"ItemAlreadyExistsError", "Item already exists"},
		// ... Error stays after a noun, or alone with one word
		{"invalid_request_error", "Invalid request error"},
		{"StorageReadError", "Storage read error"},
		{"forwarding_api_upstream_error", "Forwarding API upstream error"},
		{"ValidationError", "Validation error"},
		{"denied_error", "Denied error"},
		{"server_error", "Server error"},
		// ... and any of them after a word that needs it
		{"InternalServerError", "Internal server error"},
		{"InternalServerException", "Internal server exception"},
		{"image_parse_error", "Image parse error"},
		{"Exception", "Exception"},
		{"ErrorException", "Error"},
		// an upper-case constant's ERROR_ and E_ are words, outside the
		// catalogs whose constants carry them as severity (see
		// TestDisplayTitle): OpenSSL's ERROR_IN_EXTENSION, RSA's BAD_E_VALUE
		{"ERROR_IN_EXTENSION", "Error in extension"},
		{"BAD_E_VALUE", "Bad e value"},
		{"Error_Not_Found", "Error not found"},
		{"error_token", "Error token"},
		// a name with no letters stays as it is
		{"404", "404"},
		{"2200-2299", "2200-2299"},
		{"", ""},
		// non-ASCII letters are letters
		{"ÉchecDuPaiement", "Échec du paiement"},
	} {
		if got := catalog.TitleFromName(tc.in); got != tc.want {
			t.Errorf("TitleFromName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// DisplayTitle: the written title first, then a message that reads as a
// title, then the name: the code, or the token where the code is a number.
func TestDisplayTitle(t *testing.T) {
	for _, tc := range []struct {
		e    catalog.Entry
		want string
	}{
		{catalog.Entry{Code: "card_declined", Title: "Declined by the issuer"}, "Declined by the issuer"},
		{catalog.Entry{Code: "ESRCH", Token: "3", Message: "no such process"}, "No such process"},
		{catalog.Entry{Code: "1201", Token: "NotFound", Message: "{resource} with id {id} not found"}, "Not found"},
		{catalog.Entry{Code: "1000", Token: "BadRequest"}, "Bad request"},
		{catalog.Entry{Code: "x", Message: "two\nlines"}, "X"},
		{catalog.Entry{Code: "1101", Token: "InvalidCredentials"}, "Invalid credentials"},
		{catalog.Entry{Code: "14", Token: "14"}, "14"},
		{catalog.Entry{Catalog: "windows", Code: "0x80004005", Token: "E_FAIL"}, "Fail"}, // a hex number is a number
		// Windows' ERROR_ and an HRESULT's severity word (E, or S after a
		// facility) say only that it is an error; a name left with no
		// other word keeps them
		{catalog.Entry{Catalog: "windows", Code: "2", Token: "ERROR_FILE_NOT_FOUND"}, "File not found"},
		{catalog.Entry{Catalog: "windows", Code: "0x80070005", Token: "E_ACCESSDENIED"}, "Accessdenied"},
		{catalog.Entry{Catalog: "windows", Code: "0x80010108", Token: "RPC_E_DISCONNECTED"}, "Rpc disconnected"},
		{catalog.Entry{Catalog: "windows", Code: "1722", Token: "RPC_S_SERVER_UNAVAILABLE"}, "Rpc server unavailable"},
		{catalog.Entry{Catalog: "windows", Code: "1", Token: "ERROR"}, "Error"},
		{catalog.Entry{Catalog: "windows", Code: "3", Token: "E_"}, "E"},
		// NTSTATUS's STATUS_ says only that it is a status; elsewhere the
		// word stays (a user's STATUS_PENDING)
		{catalog.Entry{Catalog: "ntstatus", Code: "0xC0000005", Token: "STATUS_ACCESS_VIOLATION"}, "Access violation"},
		{catalog.Entry{Catalog: "ntstatus", Code: "0xC0000001", Token: "STATUS"}, "Status"},
		{catalog.Entry{Code: "0x103", Token: "STATUS_PENDING"}, "Status pending"},
		{catalog.Entry{Code: "0x10"}, "0x10"},
		{catalog.Entry{Code: "1405", Description: "Duplicated"}, "Duplicated"},
		{catalog.Entry{Code: "account_closed", Token: "AccountClosed", Category: "error code"}, "Account closed"},
		{catalog.Entry{Code: "authentication_failed", Description: "No valid API key provided"}, "No valid API key provided"},
		{catalog.Entry{Code: "1904", Token: "UnknownLocation", Description: "A long paragraph."}, "Unknown location"},
	} {
		if got := tc.e.DisplayTitle(); got != tc.want {
			t.Errorf("%+v: DisplayTitle() = %q, want %q", tc.e, got, tc.want)
		}
	}
}

// Every built-in entry has a title to show, written or made from its name,
// and none is its category in brackets (Stripe's "(error code)", AWS's
// "(S3)"), what a card showed before titles were made. (IANA names 306 and
// 418 "(Unused)": a written title, allowed.)
func TestEveryBuiltinEntryHasATitle(t *testing.T) {
	made := 0
	for _, c := range catalog.Builtin() {
		for i := range c.Entries {
			e := &c.Entries[i]
			title := e.DisplayTitle()
			switch {
			case strings.TrimSpace(title) == "":
				t.Errorf("%s:%s has no title", c.ID, e.Code)
			case title == "(error code)" || e.Category != "" && title == "("+e.Category+")":
				t.Errorf("%s:%s: title %q is its category in brackets", c.ID, e.Code, title)
			}
			if e.Title == "" {
				made++
			}
		}
	}
	if made == 0 {
		t.Error("no entry without a written title: the test no longer tests the derivation")
	}
}

// A note with a colon in a generated entry's description is no title when
// the entry's name makes one.
func TestDisplayTitleSkipsANote(t *testing.T) {
	e := catalog.Entry{Code: "ConflictException", Description: "Statuses differ by service: 409 in 174 services, 400 in 5."}
	if got := e.DisplayTitle(); got != "Conflict" {
		t.Errorf("DisplayTitle = %q, want Conflict", got)
	}
}

// No built-in entry's title is a name run together in capitals, made into
// one long word ("Outofmemory" from ERROR_OUTOFMEMORY, "Wsaeproclim"):
// such a name needs a title written for it (its words, split).
func TestNoRunTogetherTitles(t *testing.T) {
	for _, c := range catalog.Builtin() {
		for _, e := range c.All() {
			title := e.DisplayTitle()
			capitals := func(s string) bool { return strings.ToUpper(s) == s && strings.ToLower(s) != s }
			if e.Title == "" && !strings.Contains(title, " ") && len(title) > 10 && (capitals(e.Token) || capitals(e.Code)) {
				t.Errorf("%s:%s (%s): the title made from the name is %q: write one in the generator's prose.yaml", c.ID, e.Code, e.Token, title)
			}
		}
	}
}
