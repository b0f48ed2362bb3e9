package explain

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// Attribution: which catalog answers for a response. It needs evidence,
// and the evidence is, in this order (the README's "Which API answered"
// says the same):
//
//	A1 --catalog ID
//	A2 the request's host is one of a catalog's hosts
//	A3 the body meets a body shape's declared signature (its when and any
//	   conditions; with known_codes, and a code the catalog has), or a
//	   header the catalog declares (code_headers) names the error
//	A4 a code specific enough to name one API: exactly one API catalog has
//	   an entry for it with a status equal to the response's (or the
//	   response has none), and it is neither a bare number equal to the
//	   status nor made only of common words (rate_limit, forbidden,
//	   invalid_request, "Invalid credentials")
//	A5 no API, but a protocol's own carrier (a grpc-status header, curl's
//	   error line, an OAuth error object): that protocol's vocabulary
//	A6 nothing: an API errcode does not know. Its own code, message,
//	   fields and request id are shown, with the status's general notes and
//	   at most a "looks like" hint naming another API's entry.

// attributionRows are the rows above as the README's table has them
// (TestREADMETables keeps the two the same).
var attributionRows = [...][2]string{
	{"A1", "`--catalog ID`"},
	{"A2", "the request's host is one of a catalog's hosts (curl -v's `> Host:`, a HAR URL)"},
	{"A3", "the body meets a catalog's declared body signature (its `when` and `any` conditions; with `known_codes`, and a code the catalog has), or a header the catalog declares (`code_headers`) names the error, or a program printed a line the catalog declares (`lines`)"},
	{"A4", "a code specific enough to name one API: exactly one API catalog has an entry for it with a status equal to the response's (or the response has none), and it is neither a bare number equal to the status nor made only of common words"},
	{"A5", "no API, but a protocol's own carrier (a grpc-status header, curl's error line, an OAuth error object): that protocol's vocabulary"},
	{"A6", "nothing: an API errcode does not know"},
}

// attribution is the catalog that answers and the row that decided.
type attribution struct {
	c    *catalog.Catalog
	why  string // "--catalog", "host api.x.com", "body shape", "code 1405", the carrier
	rule string // "A1".."A6"
}

func attribute(ix *catalog.Index, host, forced string, claim *shapeClaim, items []Item, status int, shape string) attribution {
	switch {
	case forced != "":
		return attribution{ix.Catalog(forced), "--catalog", "A1"}
	case claim != nil && claim.rule == "A2":
		return attribution{claim.c, claim.why, "A2"}
	}
	if host != "" {
		for _, c := range ix.Catalogs {
			if c.HasHost(host) {
				return attribution{c, "host " + host, "A2"}
			}
		}
	}
	if claim != nil && claim.rule == "A3" && !otherHost(claim.c, host) {
		return attribution{claim.c, claim.why, "A3"}
	}
	if id, ok := familyShape(shape); ok && ix.Catalog(id) != nil { // AWS's XML <Error>: read in Go, AWS's all the same
		return attribution{ix.Catalog(id), "body shape", "A3"}
	}
	for _, it := range items { // a catalog's own code header
		if c := ix.Catalog(it.Claim); c != nil && it.Claim != "" {
			return attribution{c, it.From, "A3"}
		}
	}
	if claim != nil && claim.rule == "A4" && !otherHost(claim.c, host) { // a shape without conditions whose code is evidence
		return attribution{claim.c, claim.why, "A4"}
	}
	for _, it := range items {
		if it.VocabOnly || it.Vocab != "" || shape == "xml" { // a protocol's own code names no API; nor does S3's vocabulary in GCS's or Azure's <Error>
			continue
		}
		var found []*catalog.Catalog
		for _, c := range apiCatalogs(ix) {
			if specificEntry(ix, c, it, status) != nil && !otherHost(c, host) {
				found = append(found, c)
			}
		}
		if len(found) == 1 {
			return attribution{found[0], "code " + cmp.Or(it.Code, it.Token), "A4"}
		}
	}
	for _, it := range items {
		if c := ix.Catalog(it.Vocab); c != nil && it.Vocab != "" && c.Find(it.Code, it.Token, status) != nil {
			return attribution{c, vocabFrom(it, shape), "A5"}
		}
	}
	for _, it := range items { // the carrier, with no code printed (psql's ERROR line without VERBOSITY verbose)
		if c := ix.Catalog(it.Vocab); c != nil && it.VocabOnly && it.Code == "" && it.Token == "" && it.Message != "" {
			return attribution{c, vocabFrom(it, shape), "A5"}
		}
	}
	return attribution{rule: "A6"}
}

// otherHost: the request went to a host, and it is not one of c's: an API
// that copies c's envelope (Groq's and Together's copy OpenAI's) is not c.
// An address (127.0.0.1, [::1]), localhost or a one-label name is a mock or
// a proxy of the user's, not another API: it blocks nothing.
func otherHost(c *catalog.Catalog, host string) bool {
	return publicName(host) && len(c.Hosts) > 0 && !c.HasHost(host)
}

// publicName: host (perhaps with a port) is a dotted DNS name, not an IP
// address or localhost.
func publicName(host string) bool {
	h := catalog.BareHost(host)
	if strings.HasPrefix(h, "[") || !strings.Contains(h, ".") || h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return false
	}
	for i := 0; i < len(h); i++ {
		if c := h[i]; c != '.' && (c < '0' || c > '9') {
			return true
		}
	}
	return false // all digits and dots: an IPv4 address
}

// familyShape: shared recognisers whose envelope is one API family's
// signature but which a JSON body shape cannot state (XML): the recogniser
// and the catalog it names.
func familyShape(shape string) (string, bool) {
	if shape == "aws" {
		return "aws", true
	}
	return "", false
}

// apiCatalogs are the catalogs of APIs: not the HTTP registry, not a
// protocol's vocabulary.
func apiCatalogs(ix *catalog.Index) []*catalog.Catalog {
	var out []*catalog.Catalog
	for _, c := range ix.Catalogs {
		if c.ID != catalog.HTTPCatalog && !c.Protocol {
			out = append(out, c)
		}
	}
	return out
}

// specificEntry is c's entry for it when its code is evidence that c's API
// answered (rule A4), nil otherwise.
func specificEntry(ix *catalog.Index, c *catalog.Catalog, it Item, status int) *catalog.Entry {
	code := cmp.Or(it.Code, it.Token)
	if !specificCode(code, status) {
		return nil
	}
	e := c.Find(it.Code, it.Token, status)
	if e == nil || e.Kind == catalog.Range || e.Status == 0 || status != 0 && e.Status != status {
		return nil
	}
	if !(it.Code != "" && it.Code == e.Code || it.Token != "" && it.Token == e.Token) { // as the API writes it: GENERIC_DECLINE is not Stripe's generic_decline
		return nil
	}
	return e
}

// specificCode: code could name one API: not a phrase, not a bare number
// equal to the status or shorter than three digits, not made only of the
// words every API uses.
func specificCode(code string, status int) bool {
	switch {
	case code == "" || strings.ContainsAny(code, " \t") || code[0] == '-': // -1102 is not 1102
		return false
	case catalog.IsDigits(code):
		return len(code) >= 3 && asStatus(code) != status && !(status == 0 && asStatus(code) != 0)
	}
	for _, w := range catalog.Words(code) {
		if !isGenericWord(w) {
			return true
		}
	}
	return false
}

// genericWords are the words error codes of every API are made of: a code
// of these alone (rate_limit_exceeded, InvalidRequest, NOT_FOUND,
// api_key_expired) does not say which API sent it.
var genericWords = [...]string{
	"a", "access", "account", "again", "allowed", "already", "an", "and", "api", "apikey", "arg", "argument",
	"arguments", "auth", "authentication", "authn", "authorization", "authz", "backend", "bad", "big",
	"blocked", "body", "busy", "capacity", "card", "client", "code", "conflict", "constraint", "content",
	"credential", "credentials", "data", "decline", "declined", "deleted", "denied", "disabled", "down",
	"duplicate", "entity", "err", "error", "errors", "exceeded", "exception", "exhausted", "exists", "expired",
	"expiry", "fail", "failed", "failure", "fault", "field", "fields", "for", "forbidden", "format", "found",
	"funds", "gateway", "general", "generic", "gone", "grant", "header", "headers", "id", "ids", "in",
	"inactive", "input", "insufficient", "internal", "invalid", "is", "item", "json", "key", "large", "later",
	"length", "limit", "limited", "limits", "locked", "login", "maintenance", "malformed", "many", "media",
	"method", "missing", "no", "not", "notfound", "object", "of", "on", "or", "other", "out", "overloaded",
	"param", "parameter", "parameters", "params", "password", "payload", "payment", "permission", "permissions",
	"precondition", "query", "quota", "quotas", "rate", "ratelimit", "ratelimited", "record", "request",
	"requests", "required", "resource", "resources", "response", "retry", "revoked", "scope", "scopes",
	"secret", "server", "service", "session", "signature", "size", "state", "status", "suspended",
	"temporarily", "temporary", "the", "throttle", "throttled", "throttling", "time", "timed", "timeout", "to",
	"token", "tokens", "too", "try", "type", "unauthenticated", "unauthorised", "unauthorized", "unavailable",
	"unexpected", "unknown", "unprocessable", "unsupported", "upstream", "user", "validate", "validated",
	"validation", "value", "values", "violation", "wrong",
}

// isGenericWord: w is one of genericWords (sorted: a binary search, and
// no map built at start-up).
func isGenericWord(w string) bool {
	_, ok := slices.BinarySearch(genericWords[:], w)
	return ok
}

// vocabFrom says how an error was known to be a protocol's.
func vocabFrom(it Item, shape string) string {
	switch {
	case it.From != "":
		return it.From
	case shape == "google":
		return "status in a Google API error"
	case shape == "postgrest":
		return "SQLSTATE in the body's code"
	}
	return "body shape"
}

// agrees: the entry's status fits the response's (either may be unknown).
func agrees(e *catalog.Entry, status int) bool {
	return status == 0 || e.Status == 0 || e.Status == status
}

// findEntry is the catalog entry an item names: in its carrier's
// vocabulary when the carrier is the protocol's own, else in the attributed
// catalog (or, for a catalog that documents errors by HTTP status, its
// status's entry), else in its carrier's vocabulary. Without attribution,
// no API's catalog is asked: that is what "looks like" hints are for.
func findEntry(ix *catalog.Index, attributed *catalog.Catalog, it Item, status int) (*catalog.Entry, *catalog.Catalog) {
	vocab := ix.Catalog(it.Vocab)
	if it.Vocab == "" {
		vocab = nil
	}
	inVocab := func() (*catalog.Entry, *catalog.Catalog) {
		if vocab != nil {
			if e := vocab.Find(it.Code, it.Token, status); e != nil {
				return e, vocab
			}
		}
		return nil, nil
	}
	if it.VocabOnly || attributed == nil || attributed == vocab {
		return inVocab()
	}
	if e := attributed.Find(it.Code, it.Token, status); e != nil {
		return e, attributed
	}
	// A catalog that documents its errors by HTTP status (IronWiFi): the
	// status names the entry when the error's own code does not.
	if it.Depth == 0 && status != 0 && vocab == nil {
		if e := attributed.Find(strconv.Itoa(status), "", status); e != nil && e.Status == status {
			return e, attributed
		}
	}
	return inVocab()
}

// alsoIn names other API catalogs' entries (at most three) for a finding
// errcode found no entry for: what it looks like, never an answer.
func alsoIn(ix *catalog.Index, f Finding, attributed *catalog.Catalog, status int) []string {
	if f.Entry != nil || f.VocabOnly || f.Code == "" && f.Token == "" || strings.HasPrefix(f.Code, "-") {
		return nil
	}
	var also []string
	for _, c := range apiCatalogs(ix) {
		if c == attributed {
			continue
		}
		if e := c.Find(f.Code, f.Token, status); e != nil && e.Kind != catalog.Range && agrees(e, status) && len(also) < 3 {
			also = append(also, c.ID+":"+e.Code)
		}
	}
	return also
}

// looksLike is the hint that names them.
func looksLike(also []string, attributed *catalog.Catalog) string {
	if len(also) == 0 {
		return ""
	}
	who := "errcode does not know this API"
	if attributed != nil {
		who = "not in " + attributed.ID + "'s catalog"
	}
	return "looks like " + strings.Join(also, ", ") + " (" + who + "; the code alone is no evidence, --catalog says which API)"
}
