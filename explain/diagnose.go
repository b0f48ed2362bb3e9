package explain

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// Options steer a diagnosis.
type Options struct {
	Catalog string // attribute the response to this catalog id
	Status  int    // the status, for input that has none (a body alone)
}

// Finding is an error from the body with its catalog entry, if any.
type Finding struct {
	Item
	Entry   *catalog.Entry
	Catalog *catalog.Catalog
	General *catalog.Entry // the HTTP registry's entry for Entry's own status
	// Unclaimed: no entry, though an API catalog has the code: nothing in
	// the response said it was that API's.
	Unclaimed bool
}

// Diagnosis is everything errcode concluded about one exchange.
type Diagnosis struct {
	Method, URL, Host string
	Protocol          string
	Status            int
	StatusFrom        string // "status line", "--status", "curl -w", "status in the body", "the page's title"; "" if unknown
	Reason            string
	Catalog           *catalog.Catalog
	CatalogFrom       string // why: "--catalog", "host api.example.com", "body shape", "code 1405"
	CatalogRule       string // the attribution row that decided: A1..A6
	Findings          []Finding
	StatusEntry       *catalog.Entry   // the HTTP registry's entry for Status
	StatusCatalog     *catalog.Catalog // the registry it is in
	RequestID         string
	RequestIDFrom     string // the header, or "PATH in the body"
	RequestIDNote     string // "the CDN's id, not the API's", "a trace id"
	RequestIDRule     string // Q1..Q7
	RetryAfter        *int   // seconds, from Retry-After or retry-after-ms
	retryAfterFrom    string
	RateLimit         *RateLimit
	Outcome           Outcome // failed, ok, or unknown (no status, nothing reports an error)
	Failed            bool    // Outcome == OutcomeFailed
	FailedRule        string  // F1..F6
	FailedWhy         string  // "status 503", "the body reports an error: \"ok\": false"
	Retryable         bool
	RetryKnown        bool   // something (a header, an entry, the status) says whether to retry
	RetryRule         string // R1..R13
	RetryReason       string // the signal that decided: "Retry-After header", "x-ratelimit-remaining is 0"...
	RetryWait         *int   // seconds to wait before retrying, when a signal says
	RetryWaitIs       string // "wait" (the server named it) or "reset" (the rate-limit window's)
	RetryThen         string // retry once, after doing this ("refresh the access token")
	NoResponse        bool   // the transfer failed before any response arrived
	transport         int    // the finding that says why (Transport), -1 for none
	Hops              []Hop
	HopsOmitted       int // responses before Hops, not kept (a chain longer than maxHops)
	Notes             []string
	Shape             string
	// Format is the input's format where the diagnosis learnt it and the
	// reader could not: "program output" when a catalog's line claimed a
	// text (the reader saw a body). "" otherwise: the transcript's.
	Format   string
	Server   string
	DocURL   string
	Repaired bool // the body's JSON was not valid and was read leniently
	BodyCut  bool // the body went on past MaxBody: errcode read its start

	secrets []string // S11: the credentials the input shows being sent
}

// Diagnose explains one exchange with the catalogs in ix: recognise the
// body, attribute it on evidence, look its errors up, then decide with the
// verdict tables.
func Diagnose(ex Exchange, ix *catalog.Index, opts Options) Diagnosis {
	body := readBody(ex.Body)
	program := false
	if !body.JSON {
		lc, ok := claimByLines(ix, opts.Catalog, programLines(ex, body))
		if ok && slices.ContainsFunc(ex.Carried, lc.carried) {
			ok = false // a failure's line quotes it, and the failure explains it: not a second claim
		}
		if ok && ex.statusLine != "" && ex.statusLine != lc.line {
			// Two failures in one output (a status stated by one line, a
			// vendor's error by another): the later is explained, the other
			// named, and no fact of one is the other's.
			ok = unmix(&ex, lc)
		}
		if ok {
			program = ex.Protocol == "" && len(ex.ProgramLines) == 0
			claimed := []Item{lc.item}
			if sys, ok := systemFailure(ix, lc); ok {
				claimed = sys // a system call's failure, which OpenSSL only passed on
			}
			ex.Carried = append(claimed, slices.DeleteFunc(slices.Clone(ex.Carried), lc.restates)...)
			ex.Body = lc.body // the body the line quotes, if any; the line itself is the item
			body = readBody(ex.Body)
			ex.RequestID, ex.RequestIDFrom = cmp.Or(lc.requestID, ex.RequestID), cmp.Or(ex.RequestIDFrom, lc.item.From)
		}
	}
	if body.RequestID == "" && ex.RequestID != "" {
		body.RequestID, body.IDFrom = ex.RequestID, ex.RequestIDFrom
	}
	d := Diagnosis{
		Method: ex.Method, URL: ex.URL, Host: ex.Host, Protocol: ex.Protocol,
		Reason: ex.Reason, Notes: ex.Notes,
		Shape: body.Shape, Server: body.Server, DocURL: body.DocURL, Repaired: body.Repaired,
		BodyCut: ex.BodyCut, secrets: ex.secrets,
	}
	if program {
		d.Format = "program output"
	}
	d.Hops, d.HopsOmitted = slices.Clone(ex.Hops), ex.HopsOmitted
	d.Status, d.StatusFrom = pickStatus(ex, opts, body)
	var claim *shapeClaim
	if body.JSON {
		if c, ok := claimByShape(ix, d.Host, opts.Catalog, body.Value, d.Status, ex.Header); ok {
			claim = &c
			if body.Shape == "generic" { // a shared recogniser's read of a standard envelope is kept
				body.Items = c.read.items
			}
			body.report("the " + c.c.ID + " catalog's body shape")
			if c.read.matched {
				body.Shape, d.Shape = c.c.ID, c.c.ID
			}
			if c.read.docURL != "" {
				d.DocURL = c.read.docURL
			}
			if c.read.wait != nil {
				body.RetryDelay, body.RetryDelayFrom = c.read.wait, c.read.waitFrom
			}
			if d.Status == 0 && c.read.status != 0 {
				d.Status, d.StatusFrom = c.read.status, c.read.statusFrom
			}
		}
	}
	bodyItems := body.Items
	items := gatherItems(ex, bodyItems, ix)
	if len(items) == 0 && ex.ProgramError.Message != "" {
		items = []Item{ex.ProgramError}
	}
	if d.Status == 0 {
		for _, it := range items {
			if it.Status != 0 {
				d.Status, d.StatusFrom = it.Status, it.From
				break
			}
		}
	}
	d.StatusEntry = ix.StatusEntry(d.Status)
	if d.StatusEntry != nil {
		d.StatusCatalog = ix.Catalog(catalog.HTTPCatalog)
		if d.Reason == "" {
			d.Reason = d.StatusEntry.Title
		}
	}
	a := attribute(ix, d.Host, opts.Catalog, claim, items, d.Status, body.Shape)
	d.Catalog, d.CatalogFrom, d.CatalogRule = a.c, a.why, a.rule
	if d.Catalog == nil && d.Status != 0 {
		for i := range items { // {"error_code": 429} under a 429 only repeats the status: no code
			if it := &items[i]; it.From == "" && it.Code == strconv.Itoa(d.Status) {
				it.Code = ""
			}
		}
	}
	for _, it := range items {
		f := Finding{Item: it}
		f.Entry, f.Catalog = findEntry(ix, d.Catalog, it, d.Status)
		if f.Entry != nil && f.Entry.Status != 0 {
			f.General = ix.StatusEntry(f.Entry.Status)
		}
		also := alsoIn(ix, f, d.Catalog, d.Status)
		f.Unclaimed = len(also) > 0
		if f.Hint == "" && body.Shape != "html" && specificCode(cmp.Or(f.Code, f.Token), d.Status) {
			f.Hint = looksLike(also, d.Catalog) // a common word looks like every API's, and a CDN page's number is the CDN's
		}
		d.Findings = append(d.Findings, f)
	}
	if s, from, ok := retryAfter(ex.Header, ex.names); ok {
		d.RetryAfter, d.retryAfterFrom = &s, from
	}
	d.RateLimit = rateLimit(ex.Header, ex.names)
	// The transfer failed and nothing of a response is in the input.
	d.transport = transportAt(ex.Carried) // the carried items are the first findings, in order
	d.NoResponse = ex.Protocol == "" && len(bytes.TrimSpace(ex.Body)) == 0 && d.transport >= 0
	f := &facts{d: &d, h: ex.Header, names: ex.names, body: body, bodyErrs: len(bodyItems) > 0, hints: hintHeaders(ix), sent: ex.SentIDs}
	decideFailed(f)
	if d.Outcome == OutcomeOK && !body.Reports && (body.Shape == "html" || body.Shape == "text") {
		d.Findings = slices.DeleteFunc(d.Findings, func(x Finding) bool { return x.From == "" }) // a page's title under 200 is no error
	}
	decideRetry(f)
	decideRequestID(f, d.Catalog, claim, ix)
	d.redact()
	return d
}

// transportAt is the index of the transport failure (curl's code for it)
// that means no response came: the first error, or one nested in the
// first, as grpc-go's UNAVAILABLE carries the refused dial that caused
// it; -1 if there is none.
func transportAt(carried []Item) int {
	switch {
	case len(carried) > 0 && carried[0].Vocab == "curl":
		return 0
	case len(carried) > 1 && carried[1].Depth == 1 && carried[1].Vocab == "curl":
		return 1
	}
	return -1
}

// Transport is the finding that says why no response came (NoResponse):
// the first, or the transport failure nested in it.
func (d *Diagnosis) Transport() Finding {
	return d.Findings[max(d.transport, 0)]
}

// redact runs the redaction table over every string of d that echoes the
// input, once the verdicts are decided: what is shown and what --json
// writes, codes and tokens too (an API that puts a key where its error
// code goes is not quoted). Request ids are quoted as sent: support needs
// them whole.
func (d *Diagnosis) redact() {
	defer d.hideSent()
	d.URL = redactText(redactURL(d.URL))
	for _, p := range []*string{&d.Reason, &d.FailedWhy, &d.Server, &d.DocURL} {
		*p = redactText(*p)
	}
	d.Notes = slices.Clone(d.Notes)
	for i := range d.Notes {
		d.Notes[i] = redactText(d.Notes[i])
	}
	for i := range d.Hops {
		h := &d.Hops[i]
		h.Location, h.Reason = redactText(redactURL(h.Location)), redactText(h.Reason)
	}
	for i := range d.Findings {
		f := &d.Findings[i]
		for _, p := range []*string{&f.Code, &f.Token, &f.Message, &f.Field, &f.Detail, &f.Hint} {
			*p = redactText(*p)
		}
	}
}

// unmix keeps one of two failures a program's output holds: the one its
// later line states. ok is whether the catalog line's claim is kept.
func unmix(ex *Exchange, lc lineClaim) bool {
	claimAt, statusAt := slices.Index(ex.ProgramLines, lc.line), slices.Index(ex.ProgramLines, ex.statusLine)
	if statusAt > claimAt {
		ex.Notes = append(ex.Notes, "another failure in the output, not explained here: "+lc.line)
		return false
	}
	ex.Notes = append(ex.Notes, "another failure in the output, not explained here: "+ex.statusLine)
	if ex.RequestIDFrom == ex.StatusFrom {
		ex.RequestID, ex.RequestIDFrom = "", ""
	}
	ex.Status, ex.StatusFrom, ex.URL, ex.Host, ex.Body = 0, "", "", "", nil
	return true
}

// hideSent is S11: the credentials the input shows being sent are hidden
// wherever the diagnosis repeats them.
func (d *Diagnosis) hideSent() {
	if len(d.secrets) == 0 {
		return
	}
	for _, p := range []*string{&d.URL, &d.Reason, &d.FailedWhy, &d.Server, &d.DocURL, &d.RequestID} {
		*p = hideSent(*p, d.secrets)
	}
	for i := range d.Notes {
		d.Notes[i] = hideSent(d.Notes[i], d.secrets)
	}
	for i := range d.Hops {
		d.Hops[i].Location = hideSent(d.Hops[i].Location, d.secrets)
	}
	for i := range d.Findings {
		f := &d.Findings[i]
		for _, p := range []*string{&f.Code, &f.Token, &f.Message, &f.Field, &f.Detail, &f.Hint} {
			*p = hideSent(*p, d.secrets)
		}
	}
}

func pickStatus(ex Exchange, opts Options, body Body) (int, string) {
	switch {
	case ex.Protocol != "" && ex.Status != 0:
		return ex.Status, "status line"
	case opts.Status != 0:
		return opts.Status, "--status"
	case ex.Status != 0:
		return ex.Status, cmp.Or(ex.StatusFrom, "curl -w")
	case body.Status != 0:
		return body.Status, body.StatusFrom
	}
	return 0, ""
}

// sharedHintHeaders: the retry header of OpenAI's and Anthropic's APIs
// (and their SDKs' convention), which others copy.
var sharedHintHeaders = []string{"X-Should-Retry"}

// sharedCodeHeaders name an error code outside the body: x-ms-error-code
// (Azure Storage and other Microsoft APIs). A catalog's own (aws's
// x-amzn-ErrorType) are in its YAML.
var sharedCodeHeaders = []string{"X-Ms-Error-Code"}

func hintHeaders(ix *catalog.Index) []string {
	out := slices.Clone(sharedHintHeaders)
	for _, c := range ix.Catalogs {
		out = append(out, c.RetryHeaders...)
	}
	return out
}

// headerCodes reads the error codes that code headers carry.
func headerCodes(ex Exchange, ix *catalog.Index) []Item {
	type named struct{ header, catalog string }
	var names []named
	for _, c := range ix.Catalogs {
		for _, h := range c.CodeHeaders {
			names = append(names, named{h, c.ID})
		}
	}
	for _, h := range sharedCodeHeaders {
		names = append(names, named{h, ""})
	}
	var out []Item
	for _, n := range names {
		v := strings.TrimSpace(ex.Header.Get(n.header))
		if code, _, _ := strings.Cut(v, ":"); code != "" && !hasCode(out, code) {
			out = append(out, Item{Code: code, From: "the " + ex.names.of(n.header) + " header", Claim: n.catalog})
		}
	}
	return out
}

// gatherItems is every error of the exchange, in the order they explain
// it: outside the body first (the transfer's failure is what happened; a
// protocol's own header says what its call returned), then the body's,
// then the challenge, header codes and redirect errors.
func gatherItems(ex Exchange, body []Item, ix *catalog.Index) []Item {
	body = slices.Clone(body)
	var extra []Item
	for _, hc := range headerCodes(ex, ix) {
		if len(body) > 0 && body[0].Code == "" && body[0].Token == "" {
			// The body says what, the header which: {"message": "Too Many
			// Requests"} with x-amzn-ErrorType: TooManyRequestsException.
			body[0].Code, body[0].From, body[0].Claim = hc.Code, hc.From, hc.Claim
			continue
		}
		if !hasCode(body, hc.Code) && !hasCode(extra, hc.Code) { // a code both carry is one error
			extra = append(extra, hc)
		}
	}
	items := slices.Concat(ex.Carried, grpcStatus(ex.Header, ex.Trailer, ex.names, ex.Body), body)
	for _, b := range bearerErrors(ex.Header) {
		b.From = "the " + ex.names.of("Www-Authenticate") + " header"
		if i := slices.IndexFunc(items, func(x Item) bool { return x.Vocab == "oauth" && x.Code == b.Code }); i >= 0 {
			items[i].Field = cmp.Or(items[i].Field, b.Field) // the body's OAuth error and the challenge's are one error
			continue
		}
		items = append(items, b)
	}
	items = append(items, extra...)
	redirects := redirectErrors(ex.Header.Get("Location"), ex.Hops)
	for i := range redirects {
		redirects[i].From = "the " + ex.names.of("Location") + " header"
	}
	return append(items, redirects...)
}
