package explain

import (
	"bytes"
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
}

// Diagnosis is everything errcode concluded about one exchange.
type Diagnosis struct {
	Method, URL, Host string
	Protocol          string
	Status            int
	StatusFrom        string // "status line", "--status", "body", "curl -w"; "" if unknown
	Reason            string
	Catalog           *catalog.Catalog
	CatalogFrom       string // why: "--catalog", "host api.example.com", "body shape", "code 1405"
	Findings          []Finding
	StatusEntry       *catalog.Entry   // the HTTP registry's entry for Status
	StatusCatalog     *catalog.Catalog // the registry it is in
	RequestID         string
	RequestIDFrom     string // the header, or "body"
	RetryAfter        *int   // seconds, from the Retry-After header
	RateLimit         *RateLimit
	Retryable         bool
	RetryKnown        bool   // something (a header, an entry, the status) says whether to retry
	RetryReason       string // the signal that decided: "Retry-After header", "x-ratelimit-remaining is 0"...
	RetryWait         *int   // seconds to wait before retrying, when a signal says
	Failed            bool   // an error status, errors in the body (GraphQL under 200), a failed transfer
	NoResponse        bool   // the transfer failed before any response arrived
	Hops              []Hop
	Notes             []string
	Shape             string
	Server            string
	DocURL            string
	Repaired          bool // the body's JSON was not valid and was read leniently
}

// errorShape: a body of this shape only ever carries errors, so it marks
// even a 200 response as failed: every known API's envelope, the seed
// vendors' and RFC 9457 problems.
func errorShape(shape string) bool {
	switch shape {
	case "emnify", "ironwifi", "wontopos", "problem":
		return true
	}
	return foreignShape(shape)
}

// Diagnose explains one exchange with the catalogs in ix.
func Diagnose(ex Exchange, ix *catalog.Index, opts Options) Diagnosis {
	body := readBody(ex.Body)
	d := Diagnosis{
		Method: ex.Method, URL: redactURL(ex.URL), Host: ex.Host, Protocol: ex.Protocol,
		Reason: ex.Reason, Notes: ex.Notes,
		Shape: body.Shape, Server: body.Server, DocURL: body.DocURL, Repaired: body.Repaired,
	}
	for _, h := range ex.Hops {
		h.Location = redactURL(h.Location)
		d.Hops = append(d.Hops, h)
	}
	d.Status, d.StatusFrom = pickStatus(ex, opts, body)
	d.StatusEntry = ix.StatusEntry(d.Status)
	if d.StatusEntry != nil {
		d.StatusCatalog = ix.Catalog(catalog.HTTPCatalog)
	}
	if d.Reason == "" && d.StatusEntry != nil {
		d.Reason = d.StatusEntry.Title
	}
	items := body.Items
	errorBody := errorShape(body.Shape) // a body that only ever carries errors
	if body.JSON {
		if c, its, id, why := byBodyPaths(ix, d.Host, opts.Catalog, body.Value, d.Status); c != nil {
			items, d.Catalog, d.CatalogFrom = its, c, why
			if len(c.Body.When) > 0 { // its conditions held: the body is its envelope
				body.Shape, d.Shape = c.ID, c.ID
			}
			errorBody = true // the catalog says these paths hold errors
			if id != "" {
				body.RequestID = id
			}
		}
	}
	bodyItems := items
	items = gatherItems(ex, bodyItems)
	if d.Status == 0 {
		for _, it := range items {
			if it.Status != 0 {
				d.Status, d.StatusFrom = it.Status, it.From
				break
			}
		}
		d.StatusEntry = ix.StatusEntry(d.Status)
		if d.StatusEntry != nil {
			d.StatusCatalog, d.Reason = ix.Catalog(catalog.HTTPCatalog), d.StatusEntry.Title
		}
	}
	if d.Catalog == nil {
		d.Catalog, d.CatalogFrom = attribute(ix, d.Host, body.Shape, items, d.Status, opts.Catalog)
	}
	fails := false
	for _, it := range items {
		f := Finding{Item: it}
		f.Entry, f.Catalog = findEntry(ix, d.Catalog, it, d.Status, body.Shape)
		if d.Catalog == nil && f.Hint == "" {
			f.Hint = sharedCode(ix, f, d.Status)
		}
		d.Findings = append(d.Findings, f)
		fails = fails || it.Fails
	}
	d.RequestID, d.RequestIDFrom = requestID(ex.Header)
	if d.RequestID == "" && body.RequestID != "" {
		d.RequestID, d.RequestIDFrom = body.RequestID, "body"
	}
	if s, ok := retryAfter(ex.Header); ok {
		d.RetryAfter = &s
	}
	d.RateLimit = rateLimit(ex.Header)
	decideRetry(&d, ex.Header, body)
	// The transfer failed and nothing of a response is in the input.
	d.NoResponse = ex.Protocol == "" && len(bytes.TrimSpace(ex.Body)) == 0 && len(ex.Carried) > 0 && ex.Carried[0].Vocab == "curl"
	d.Failed = d.Status >= 400 || (len(bodyItems) > 0 && errorBody) || fails
	return d
}

func pickStatus(ex Exchange, opts Options, body Body) (int, string) {
	switch {
	case ex.Protocol != "" && ex.Status != 0:
		return ex.Status, "status line"
	case opts.Status != 0:
		return opts.Status, "--status"
	case ex.Status != 0:
		return ex.Status, "curl -w"
	case body.Status != 0:
		return body.Status, "body"
	}
	return 0, ""
}

// attribute decides which catalog answered: --catalog, then the request's
// host, then a body shape that belongs to one vendor, then a code or token
// that a vendor catalog has (with a status that agrees).
func attribute(ix *catalog.Index, host, shape string, items []Item, status int, forced string) (*catalog.Catalog, string) {
	if forced != "" {
		return ix.Catalog(forced), "--catalog"
	}
	if host != "" {
		for _, c := range ix.Catalogs {
			if c.HasHost(host) {
				return c, "host " + host
			}
		}
	}
	if c := ix.Catalog(shape); c != nil && c.ID != catalog.HTTPCatalog {
		for _, it := range items {
			if c.Find(it.Code, it.Token, status) != nil {
				return c, "body shape"
			}
		}
	}
	if !foreignShape(shape) { // Google's RATE_LIMIT_EXCEEDED is not Wontopos's rate_limit_exceeded
		for _, it := range items {
			if it.VocabOnly {
				continue
			}
			switch ms := vendorMatches(ix, it, status); len(ms) {
			case 0:
			case 1:
				return ms[0].c, "code " + firstNonEmpty(it.Code, it.Token)
			default:
				return nil, "" // rate_limit_exceeded is Wontopos's and OpenAI's: the code says nothing of who
			}
		}
	}
	// No API claims the response: the protocol whose carrier explains the
	// first error does.
	for _, it := range items {
		if c := ix.Catalog(it.Vocab); c != nil && it.Vocab != "" && c.Find(it.Code, it.Token, status) != nil {
			return c, vocabFrom(it, shape)
		}
	}
	return nil, ""
}

// gatherItems is every error of the exchange, in the order they explain
// it: outside the body first (the transfer's failure is what happened; a
// protocol's own header says what its call returned), then the body's,
// then the challenge, header codes and redirect errors.
func gatherItems(ex Exchange, body []Item) []Item {
	body = slices.Clone(body)
	var extra []Item
	for _, hc := range headerCodes(ex.Header) {
		if len(body) > 0 && body[0].Code == "" && body[0].Token == "" {
			// The body says what, the header which: {"message": "Too Many
			// Requests"} with x-amzn-ErrorType: TooManyRequestsException.
			body[0].Code, body[0].From = hc.Code, hc.From
			continue
		}
		if !hasCode(body, hc.Code) && !hasCode(extra, hc.Code) { // a code both carry is one error
			extra = append(extra, hc)
		}
	}
	items := slices.Concat(ex.Carried, grpcStatus(ex.Header, ex.Trailer, ex.Body), body)
	items = append(items, bearerErrors(ex.Header)...)
	items = append(items, extra...)
	return append(items, redirectErrors(ex.Header.Get("Location"), ex.Hops)...)
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

// foreignShape: the body is the envelope of a known API (Google, Stripe,
// AWS, ...), so its codes are that API's own, whatever another catalog
// happens to call the same.
func foreignShape(shape string) bool {
	switch shape {
	case "google", "stripe", "msgraph", "aws", "oauth", "kubernetes", "grpc", "postgrest", "slack", "graphql", "jsonapi", "github":
		return true
	}
	return false
}

// agrees: the entry's status fits the response's (either may be unknown).
func agrees(e *catalog.Entry, status int) bool {
	return status == 0 || e.Status == 0 || e.Status == status
}

// findEntry is the catalog entry an item names: in the attributed catalog,
// or else in any vendor catalog where the status agrees.
func findEntry(ix *catalog.Index, attributed *catalog.Catalog, it Item, status int, shape string) (*catalog.Entry, *catalog.Catalog) {
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
	if it.VocabOnly { // the protocol's own carrier: its vocabulary alone
		return inVocab()
	}
	if attributed != nil && attributed != vocab {
		if e := attributed.Find(it.Code, it.Token, status); e != nil {
			return e, attributed
		}
		// A catalog that documents its errors by HTTP status (IronWiFi):
		// the status names the entry when the error's own code does not.
		if it.Depth == 0 && status != 0 && vocab == nil {
			if e := attributed.Find(strconv.Itoa(status), "", status); e != nil && e.Status == status {
				return e, attributed
			}
		}
		return inVocab()
	}
	if e, c := inVocab(); e != nil {
		return e, c
	}
	if (it.Code == "" && it.Token == "") || foreignShape(shape) {
		return nil, nil
	}
	for _, m := range vendorMatches(ix, it, status) {
		if m.e.Kind != catalog.Range {
			return m.e, m.c
		}
	}
	return nil, nil
}

// vendorMatch is a vendor catalog's entry for an error.
type vendorMatch struct {
	e *catalog.Entry
	c *catalog.Catalog
}

// vendorMatches is every vendor catalog's entry for it whose status agrees,
// in catalog order. The HTTP registry and the protocols are left out: a
// protocol's codes ("5", "NotFound") say nothing of who answered.
func vendorMatches(ix *catalog.Index, it Item, status int) []vendorMatch {
	if it.Code == "" && it.Token == "" {
		return nil
	}
	var out []vendorMatch
	for _, c := range ix.Catalogs {
		if c.ID == catalog.HTTPCatalog || c.Protocol {
			continue
		}
		if e := c.Find(it.Code, it.Token, status); e != nil && agrees(e, status) {
			out = append(out, vendorMatch{e, c})
		}
	}
	return out
}

// sharedCode: when no API claimed the response and other vendor catalogs
// have the code too, say so, rather than let the first catalog's entry
// pass for the answer.
func sharedCode(ix *catalog.Index, f Finding, status int) string {
	if f.Entry == nil || f.Catalog.Protocol || f.Catalog.ID == catalog.HTTPCatalog {
		return ""
	}
	var also []string
	for _, m := range vendorMatches(ix, f.Item, status) {
		if m.c != f.Catalog && m.e.Kind != catalog.Range {
			also = append(also, m.c.ID+":"+m.e.Code)
		}
	}
	if len(also) == 0 {
		return ""
	}
	return "also " + strings.Join(also, ", ") + ": the code alone does not say which API answered (--catalog picks one)"
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
