// Package catalog holds errcode's error catalogs: the types, the built-in
// data (compiled from data/*.yaml by go generate, so that start-up parses
// nothing) and search over them. It imports nothing else of errcode's.
package catalog

import "strings"

// Catalog is one vendor's (or the HTTP registry's) list of error entries.
type Catalog struct {
	ID     string // lower-case id used in catalog:code and --catalog
	Name   string
	DocURL string   // the page the entries come from, "" if none
	Source string   // provenance of the catalog as a whole
	Hosts  []string // API hosts whose responses this catalog explains (and their subdomains)
	// Bodies are the ways this API lays out errors in a JSON body, tried
	// in order; none: the shared shapes and the generic reader.
	Bodies []BodyShape
	// Headers this API uses: its request id (quoted to support before any
	// other), its word on whether to retry ("true"/"false"), its error code.
	RequestIDHeaders, RetryHeaders, CodeHeaders []string
	// Lines are the lines this API's SDKs and CLIs print when a call
	// fails, as regular expressions (RE2) whose named groups say what each
	// part is: code, message, status, request_id, operation, body (a body
	// quoted in the line, read as one). A line that matches is evidence of
	// who answered, as a body shape is.
	Lines []string
	// Protocol marks a protocol's vocabulary (curl's exit codes, gRPC,
	// OAuth, SQLSTATE...): explain names it only where the protocol's own
	// carrier says so (a tool's message, a header, the protocol's body
	// envelope), never to guess who answered from a code that happens to
	// match, since such codes ("5", "NotFound", "invalid_request") are
	// everywhere.
	Protocol bool
	Path     string // the user file(s) it was read from; "" for built-in data
	Entries  []Entry

	// Lookup tables, built by go generate for the built-in catalogs (nil
	// for user catalogs and merged ones, which are scanned): exact lookup
	// then touches a few rows instead of every entry.
	tabled   bool
	keys     []keyRef    // folded codes and tokens, sorted
	statuses []statusRef // entries with a status, sorted by it
	ranges   []uint16    // the Range entries
	masks    []uint64    // per entry, the letter pairs of its words (textmask)
	letters  []uint64    // per entry, the letters of its code, token and title

	// store holds the entries of a catalog read from errcode's cache
	// (NewStored), with its tables; nil for every other catalog.
	store Store
}

// HasHost reports whether host (perhaps with a port) is one of the
// catalog's hosts or a subdomain of one.
func (c *Catalog) HasHost(host string) bool {
	for _, h := range c.Hosts {
		if HostIn(host, h) {
			return true
		}
	}
	return false
}

// BareHost is host in lower case, without a port or a trailing dot
// ("API.example.com.:443" -> "api.example.com"); an IPv6 literal keeps its
// brackets.
func BareHost(host string) string {
	host = strings.ToLower(host)
	if h, _, ok := strings.Cut(host, ":"); ok && !strings.Contains(host, "]") {
		host = h
	}
	return strings.TrimSuffix(host, ".")
}

// HostIn reports whether host (perhaps with a port) is domain or one of
// its subdomains.
func HostIn(host, domain string) bool {
	h := BareHost(host)
	return h == domain || strings.HasSuffix(h, "."+domain)
}

// Kind says where an entry's text comes from, when that is not simply the
// catalog's own documented table.
type Kind uint8

const (
	Documented Kind = iota // a row of the catalog's source document
	Supplement             // from the vendor's other public material (Source says which)
	Unofficial             // an HTTP status outside the IANA registry (Source says whose)
	Range                  // a block of codes (From..To) with no entry of its own
)

var kindNames = [...]string{"documented", "supplement", "unofficial", "range"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Retry is a tri-state: the source may say an error is worth retrying, may
// say it is not, or may be silent.
type Retry uint8

const (
	RetryUnknown Retry = iota
	RetryYes
	RetryNo
)

// Entry is one error code, token, reject reason, HTTP status or code range.
// Empty strings and zero numbers mean "the source does not say".
type Entry struct {
	Catalog     string
	Code        string // always a string: "1405", "AUTH-401", "not_found", "2200-2299"
	Token       string
	Status      int // HTTP status, 0 if none
	Category    string
	Title       string
	Message     string // the message template as documented
	Description string
	Causes      []string
	Fixes       []string
	Retryable   Retry
	DocURL      string // a link for this entry; "" means the catalog's
	Source      string // provenance when it differs from the catalog's
	Reference   string // the defining specification, e.g. "RFC 9110, Section 15.5.10"
	Kind        Kind
	From, To    int // the codes a Range entry covers
}

// Link is the best documentation link for e: its own, else its catalog's.
func (e *Entry) Link(c *Catalog) string {
	if e.DocURL != "" {
		return e.DocURL
	}
	if c != nil {
		return c.DocURL
	}
	return ""
}
