package render

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/explain"
)

// ExplainInput is one diagnosis to show, with how the input was read.
type ExplainInput struct {
	D         *explain.Diagnosis
	Format    string
	Truncated bool
	Index     int // 1-based position among several (a HAR file); 0 if alone
	Of        int
	// Cut says how the input was cut, when Truncated and it was not cut
	// at explain.MaxInput ("the first and last 1 MiB of 3.2 GiB kept").
	Cut string
	// Command is what ran, for errcode run: "curl exited with status 7".
	Command string
	// Heading replaces the method and URL after "── i of n: " (a log's
	// group: "37× · first 10:02:11 · last 10:04:55").
	Heading string
	// Seen says how often and when a log's error was seen.
	Seen string
	// NotesLabel names the notes when they are not a tool's ("Log said").
	NotesLabel string
}

// Explain writes a diagnosis: a headline, the facts to act on (retry,
// rate limit, request id, redirects), each error with its catalog card, and
// the registry's meaning of the status.
func (r *Renderer) Explain(in ExplainInput) error {
	d := in.D
	var b strings.Builder
	if in.Of > 0 {
		n := fmt.Sprintf("── %d of %d: ", in.Index, in.Of)
		if in.Of == 1 && in.Heading != "" {
			n = "── " // a log with one error: its count and time, no position
		}
		b.WriteString(r.paint(r.st.faint, n) +
			r.paint(r.st.heading, Scrub(cmp.Or(in.Heading, strings.TrimSpace(d.Method+" "+d.URL)))) + "\n")
	}
	b.WriteString(r.explainHeadline(d) + "\n")
	field := func(label, value string) {
		if value != "" {
			r.field(&b, "  ", label, value, r.st.none)
		}
	}
	switch {
	case d.Catalog != nil:
		field("Catalog", d.Catalog.Name+" ("+d.CatalogFrom+")")
	case d.CatalogRule == "A6" && !d.NoResponse && (d.Failed || len(d.Findings) > 0) && fromAnAPI(d):
		field("Catalog", "none: an API errcode does not know (what it says is below)")
	}
	field("Retry", r.retryAdvice(d))
	if rl := rateText(d.RateLimit); rl != "" {
		field("Rate limit", rl)
	}
	switch {
	case d.RequestID != "" && d.RequestIDNote != "":
		field("Request id", d.RequestID+" ("+d.RequestIDFrom+": "+d.RequestIDNote+")")
	case d.RequestID != "":
		field("Request id", d.RequestID+" ("+d.RequestIDFrom+"): quote it to support")
	}
	if d.HopsOmitted > 0 {
		field("Before it", fmt.Sprintf("… %d earlier responses, not shown (errcode keeps the last %d)", d.HopsOmitted, len(d.Hops)))
	}
	for i, h := range d.Hops {
		label := ""
		if i == 0 && d.HopsOmitted == 0 {
			label = "Before it"
		}
		hop := strings.TrimSpace(fmt.Sprintf("%s %d %s", h.Protocol, h.Status, h.Reason))
		if h.Location != "" {
			hop += " → " + h.Location
		}
		field(label, hop)
	}
	if d.Server != "" {
		field("Page from", d.Server+" (an HTML error page, not the API's own error)")
	}
	field("Docs", d.DocURL)
	field("Command", in.Command)
	field("Seen", in.Seen)
	field("Input", inputText(in, d))
	for i, n := range d.Notes {
		label := ""
		if i == 0 {
			label = cmp.Or(in.NotesLabel, "Tool said")
		}
		field(label, bound(n))
	}
	r.findings(&b, d)
	if err := r.write(b.String()); err != nil {
		return err
	}
	seen := map[*catalog.Entry]bool{}
	for _, f := range d.Findings {
		if f.Entry == nil || seen[f.Entry] {
			continue
		}
		seen[f.Entry] = true
		if err := r.write("\n"); err != nil {
			return err
		}
		in := CardInput{Entry: f.Entry, Catalog: f.Catalog, Status: f.General, NoGeneral: true}
		if f.Catalog.ID == "curl" && !strings.HasPrefix(f.From, "curl") {
			in.NotTheTool = "curl" // a curl exit code that names another program's failure
		}
		if err := r.Card(in); err != nil {
			return err
		}
	}
	return r.statusNotes(d.StatusEntry)
}

// ExplainOmitted says how many error responses were past the limit.
func (r *Renderer) ExplainOmitted(n, limit int) error {
	return r.write("\n" + r.paint(r.st.faint, fmt.Sprintf("… and %d more error responses, not shown (errcode explains the first %d)", n, limit)) + "\n")
}

// ExplainEmpty says that a HAR file held no error responses.
func (r *Renderer) ExplainEmpty(entries string) error {
	return r.write(r.paint(r.st.faint, "no error responses (status 400 or more) in "+entries) + "\n")
}

func (r *Renderer) explainHeadline(d *explain.Diagnosis) string {
	var h string
	switch {
	case d.NoResponse && d.Status != 0 && d.Findings[0].Proxy: // curl's (56) CONNECT tunnel failed, response 407
		h = fmt.Sprintf("HTTP %d %s (a proxy's answer to curl's CONNECT: no request reached the server)", d.Status, Scrub(d.Reason))
	case d.NoResponse && d.Status != 0: // curl --fail: the status from its error
		h = fmt.Sprintf("HTTP %d %s (curl --fail printed no response)", d.Status, Scrub(d.Reason))
	case d.NoResponse:
		h = "no response"
		if f := d.Transport(); f.Entry != nil && f.Entry.Title != "" {
			h += " (" + Scrub(f.Entry.Title) + ")" // what failed: DNS, connect, TLS, a timeout...
		}
	case d.Status != 0:
		h = strings.TrimSpace(fmt.Sprintf("%s %d %s", Scrub(d.Protocol), d.Status, Scrub(d.Reason)))
	default:
		h = "status unknown"
	}
	h = r.paint(r.st.code, h)
	switch {
	case d.Outcome == explain.OutcomeOK:
		h += "  " + r.paint(r.st.faint, "not an error")
	case d.Outcome == explain.OutcomeUnknown:
		// "status unknown" says it: nothing here says whether it failed
	case d.Status >= 200 && d.Status < 300 && d.Retryable: // a 200 that failed: say so first
		h += "  " + r.paint(r.st.yes, "failed, retryable")
	case d.Retryable && d.RetryThen != "":
		h += "  " + r.paint(r.st.yes, "retryable once, after you "+d.RetryThen)
	case d.Retryable && d.RetryWait != nil:
		h += "  " + r.paint(r.st.yes, fmt.Sprintf("retryable, after %s", seconds(*d.RetryWait)))
	case d.Retryable:
		h += "  " + r.paint(r.st.yes, "retryable")
	case !d.RetryKnown:
		h += "  " + r.paint(r.st.no, "failed")
	case d.Status >= 200 && d.Status < 300: // Slack's 200 with ok: false: say it failed
		h += "  " + r.paint(r.st.no, "failed, not retryable")
	default:
		h += "  " + r.paint(r.st.no, "not retryable")
	}
	return h
}

func seconds(n int) string {
	if n == 1 {
		return "1 second"
	}
	return strconv.Itoa(n) + " seconds"
}

// retryAdvice says whether, and when, to try again, and what says so.
func (r *Renderer) retryAdvice(d *explain.Diagnosis) string {
	why := ""
	if d.RetryReason != "" {
		why = " (" + Scrub(d.RetryReason) + ")"
	}
	switch {
	case !d.Failed:
		return ""
	case d.Retryable && d.RetryThen != "":
		return "yes, once: " + d.RetryThen + ", then retry" + why
	case d.Retryable && d.RetryWait != nil && d.RetryWaitIs == "reset":
		return fmt.Sprintf("yes, when the rate-limit window resets in %s%s", seconds(*d.RetryWait), why)
	case d.Retryable && d.RetryWait != nil:
		return fmt.Sprintf("yes, wait %s before the next request%s", seconds(*d.RetryWait), why)
	case d.Retryable && d.RetryWaitIs == "reset" && d.RateLimit != nil && d.RateLimit.ResetAt != nil:
		return "yes, once the rate-limit window resets at " + d.RateLimit.ResetAt.Format("2006-01-02 15:04:05 UTC") + why
	case d.Retryable && d.NoResponse:
		return "yes, with backoff: the failure is often transient" + why
	case d.Retryable:
		return "yes, with exponential backoff" + why
	case !d.RetryKnown:
		return "not stated: see what to check below before trying again"
	}
	return "no: retrying the same request will fail the same way" + why
}

func rateText(rl *explain.RateLimit) string {
	if rl == nil {
		return ""
	}
	var parts []string
	switch {
	case rl.Remaining != nil && rl.Limit != nil:
		parts = append(parts, fmt.Sprintf("%d of %d %sleft", *rl.Remaining, *rl.Limit, dim(rl)))
	case rl.Remaining != nil:
		parts = append(parts, fmt.Sprintf("%d %sleft", *rl.Remaining, dim(rl)))
	case rl.Limit != nil:
		parts = append(parts, fmt.Sprintf("limit %d", *rl.Limit))
	}
	if rl.ResetSeconds != nil {
		parts = append(parts, "resets in "+seconds(*rl.ResetSeconds))
	}
	if rl.ResetAt != nil {
		parts = append(parts, "resets at "+rl.ResetAt.Format("2006-01-02 15:04:05 UTC"))
	}
	if rl.Policy != "" {
		parts = append(parts, "policy "+rl.Policy)
	}
	return strings.Join(parts, ", ")
}

// dim names the limit's unit when it is not requests ("tokens ").
func dim(rl *explain.RateLimit) string {
	if rl.Dimension == "" {
		return ""
	}
	return rl.Dimension + " "
}

func inputText(in ExplainInput, d *explain.Diagnosis) string {
	s := cmp.Or(d.Format, in.Format)
	if d.StatusFrom != "" && d.StatusFrom != "status line" {
		s += ", status from " + d.StatusFrom
	}
	switch {
	case d.BodyCut: // its JSON is cut off there, not invalid
		s += fmt.Sprintf(", body cut at %d KiB", explain.MaxBody>>10)
	case d.Repaired:
		s += ", body is not valid JSON (read leniently)"
	}
	switch {
	case in.Truncated && in.Cut != "":
		s += ", " + in.Cut
	case in.Truncated:
		s += fmt.Sprintf(", cut at %d MiB", explain.MaxInput>>20)
	}
	return s
}

// fromAnAPI: something says an API answered (a status, a host, a code or
// token, a body), so "an API errcode does not know" and "errors in the
// response" are true; a program's error with none of these (a log record
// whose level is all that says it failed, an exception alone) is not one.
func fromAnAPI(d *explain.Diagnosis) bool {
	if d.Status != 0 || d.Host != "" || d.Shape != "" {
		return true
	}
	for _, f := range d.Findings {
		if f.Code != "" || f.Token != "" || f.Entry != nil || f.From == "" {
			return true
		}
	}
	return false
}

// findings lists the errors the body carries, nested ones indented.
func (r *Renderer) findings(b *strings.Builder, d *explain.Diagnosis) {
	if len(d.Findings) == 0 {
		return
	}
	heading := "Errors in the response"
	switch {
	case d.NoResponse:
		heading = "What failed"
	case d.Outcome == explain.OutcomeUnknown: // nothing says these are errors
		heading = "What the response says"
	case !fromAnAPI(d): // a program's error, with nothing of a response in it
		heading = "What failed"
	}
	b.WriteString("\n  " + r.paint(r.st.heading, heading) + "\n")
	for _, f := range d.Findings {
		indent := "    " + strings.Repeat("  ", f.Depth)
		var id string
		switch {
		case f.Entry != nil:
			id = r.paint(r.st.code, Scrub(f.Catalog.ID+":"+f.Entry.Code))
			if f.Entry.Token != "" {
				id += "  " + r.paint(r.st.token, Scrub(f.Entry.Token))
			}
			if s := aside(f); s != "" {
				id += "  " + r.paint(r.st.faint, "("+Scrub(s)+")")
			}
		case f.Code != "" || f.Token != "":
			name := f.Code
			if f.Token != "" && f.Token != f.Code {
				name = strings.TrimSpace(name + " " + f.Token)
			}
			id = r.paint(r.st.code, Scrub(name)) + r.paint(r.st.faint, "  ("+missing(d, f)+")")
		default:
			id = r.paint(r.st.faint, "(no code)")
		}
		b.WriteString(indent + "• " + id + "\n")
		if f.Message != "" {
			b.WriteString(indent + "  " + r.wrap(Scrub(bound(f.Message)), indent+"  ") + "\n")
		}
		if f.Field != "" {
			b.WriteString(indent + "  " + r.paint(r.st.label, "field ") + Scrub(bound(f.Field)) + "\n")
		}
		if f.Detail != "" {
			b.WriteString(indent + "  " + r.paint(r.st.label, "detail ") + r.wrap(Scrub(bound(f.Detail)), indent+"  ") + "\n")
		}
		if f.Hint != "" {
			b.WriteString(indent + "  " + r.paint(r.st.label, "hint ") + r.wrap(Scrub(bound(f.Hint)), indent+"  ") + "\n")
		}
		if f.From != "" {
			b.WriteString(indent + "  " + r.paint(r.st.faint, "from "+Scrub(f.From)) + "\n")
		}
	}
}

// missing says why an error has no entry: the answering API's catalog
// lacks it, or another API's catalog has it but nothing named that API, or
// no catalog has it at all.
func missing(d *explain.Diagnosis, f explain.Finding) string {
	switch {
	case d.Catalog != nil && !d.Catalog.Protocol && !f.VocabOnly:
		return "not in " + d.Catalog.ID + "'s catalog"
	case f.Unclaimed:
		return "no entry: errcode does not know this API"
	}
	return "not in errcode's catalogs"
}

// aside is what the response said beside the entry found for it: its own
// code within a range, or a more specific code (Google's reason) beside
// the status its entry was found by; or the kind beside a code (Google's
// gRPC status beside its reason, Stripe's error type beside its code).
func aside(f explain.Finding) string {
	code, token := catalog.Key(f.Code), catalog.Key(f.Token)
	ecode, etoken := catalog.Key(f.Entry.Code), catalog.Key(f.Entry.Token)
	switch {
	case code != "" && code != ecode && code != etoken &&
		(f.Entry.Kind == catalog.Range || token != "" && (token == etoken || token == ecode)):
		return f.Code
	case token != "" && token != ecode && token != etoken && code == ecode:
		return f.Token
	}
	return ""
}

// statusNotes writes the registry's meaning of the status.
func (r *Renderer) statusNotes(g *catalog.Entry) error {
	if g == nil {
		return nil
	}
	var b strings.Builder
	heading := fmt.Sprintf("HTTP %d %s", g.Status, Scrub(g.Title))
	b.WriteString("\n" + r.paint(r.st.heading, heading) + r.paint(r.st.faint, " (errcode's notes on the status)") + "\n")
	r.para(&b, "  ", g.Description)
	r.list(&b, "  ", "Causes", g.Causes)
	r.list(&b, "  ", "Fixes", g.Fixes)
	return r.write(b.String())
}

// ExplainJSON is a diagnosis as --json shows it.
type ExplainJSON struct {
	Method            *string        `json:"method"`
	URL               *string        `json:"url"`
	Protocol          *string        `json:"protocol"`
	Status            *int           `json:"status"`
	Reason            *string        `json:"reason"`
	Catalog           *string        `json:"catalog"`
	Errors            []ErrorJSON    `json:"errors"`
	RequestID         *string        `json:"request_id"`
	RetryAfterSeconds *int           `json:"retry_after_seconds"`
	RetryReason       *string        `json:"retry_reason"`
	RateLimit         *RateLimitJSON `json:"rate_limit"`
	Retryable         bool           `json:"retryable"`
	RetryStated       bool           `json:"retry_stated"`
	Failed            bool           `json:"failed"`
	Outcome           string         `json:"outcome"`
	Why               WhyJSON        `json:"why"`
	NoResponse        bool           `json:"no_response"`
	Redirects         []HopJSON      `json:"redirects"`
	RedirectsOmitted  int            `json:"redirects_omitted"` // earlier responses not kept (errcode keeps the last 50)
	StatusEntry       *EntryJSON     `json:"status_entry"`
	Notes             []string       `json:"notes"`
	Input             InputJSON      `json:"input"`
}

// WhyJSON names the row of each decision table that decided (README,
// "Verdicts"), and what it read.
type WhyJSON struct {
	Catalog       string  `json:"catalog"`         // A1..A6
	CatalogFrom   *string `json:"catalog_from"`    // "host api.x.com", "body shape", "code 1405"
	Failed        string  `json:"failed"`          // F1..F6
	FailedReason  string  `json:"failed_reason"`   // "status 503", "the body reports an error: ..."
	Retry         string  `json:"retry"`           // R1..R13
	RetryWaitIs   *string `json:"retry_wait_is"`   // "wait" (the server's) or "reset" (the rate-limit window's)
	RetryThen     *string `json:"retry_then"`      // retry once, after doing this
	RequestID     *string `json:"request_id"`      // Q1..Q7
	RequestIDFrom *string `json:"request_id_from"` // the header, or "PATH in the body"
	RequestIDNote *string `json:"request_id_note"` // "the CDN's id, not the API's"
}

// ErrorJSON is one error of the response.
type ErrorJSON struct {
	Code    *string    `json:"code"`
	Token   *string    `json:"token"`
	Message *string    `json:"message"`
	Field   *string    `json:"field"`
	Detail  *string    `json:"detail"`
	Hint    *string    `json:"hint"`
	Nested  bool       `json:"nested"`
	From    string     `json:"from"`
	Entry   *EntryJSON `json:"entry"`
}

// RateLimitJSON is the rate-limit state.
type RateLimitJSON struct {
	Limit        *int    `json:"limit"`
	Remaining    *int    `json:"remaining"`
	ResetSeconds *int    `json:"reset_seconds"`
	ResetAt      *string `json:"reset_at"`
	Policy       *string `json:"policy"`
}

// HopJSON is a response before the final one.
type HopJSON struct {
	Protocol string  `json:"protocol"`
	Status   int     `json:"status"`
	Reason   *string `json:"reason"`
	Location *string `json:"location"`
}

// InputJSON says how the input was read.
type InputJSON struct {
	Format     string  `json:"format"`
	Truncated  bool    `json:"truncated"`
	Repaired   bool    `json:"repaired"`
	BodyCut    bool    `json:"body_cut"` // the body went on past the 256 KiB errcode reads
	StatusFrom *string `json:"status_from"`
	Shape      *string `json:"shape"`
}

// Diagnosis converts a diagnosis for JSON output.
func Diagnosis(in ExplainInput) ExplainJSON {
	d := in.D
	j := ExplainJSON{
		Method: nullable(d.Method), URL: nullable(d.URL), Protocol: nullable(d.Protocol),
		Reason: nullable(d.Reason), Errors: []ErrorJSON{}, RequestID: nullable(d.RequestID),
		RetryAfterSeconds: d.RetryWait, RetryReason: nullable(d.RetryReason), Retryable: d.Retryable, RetryStated: d.RetryKnown, Failed: d.Failed, NoResponse: d.NoResponse,
		Redirects: []HopJSON{}, Notes: list(d.Notes), Outcome: d.Outcome.String(),
		Why: WhyJSON{Catalog: d.CatalogRule, CatalogFrom: nullable(d.CatalogFrom), Failed: d.FailedRule, FailedReason: d.FailedWhy, Retry: d.RetryRule,
			RetryWaitIs: nullable(d.RetryWaitIs), RetryThen: nullable(d.RetryThen), RequestID: nullable(d.RequestIDRule),
			RequestIDFrom: nullable(d.RequestIDFrom), RequestIDNote: nullable(d.RequestIDNote)},
		Input: InputJSON{Format: cmp.Or(d.Format, in.Format), Truncated: in.Truncated, Repaired: d.Repaired, BodyCut: d.BodyCut, StatusFrom: nullable(d.StatusFrom), Shape: nullable(d.Shape)},
	}
	if d.Status != 0 {
		s := d.Status
		j.Status = &s
	}
	if d.Catalog != nil {
		j.Catalog = &d.Catalog.ID
	}
	for _, f := range d.Findings {
		e := ErrorJSON{Code: nullable(f.Code), Token: nullable(f.Token), Message: nullable(f.Message), Field: nullable(f.Field),
			Detail: nullable(f.Detail), Hint: nullable(f.Hint), Nested: f.Depth > 0, From: cmp.Or(f.From, "body")}
		if f.Entry != nil {
			ej := Entry(f.Entry, f.Catalog)
			e.Entry = &ej
		}
		j.Errors = append(j.Errors, e)
	}
	if rl := d.RateLimit; rl != nil {
		j.RateLimit = &RateLimitJSON{Limit: rl.Limit, Remaining: rl.Remaining, ResetSeconds: rl.ResetSeconds, Policy: nullable(rl.Policy)}
		if rl.ResetAt != nil {
			at := rl.ResetAt.Format(time.RFC3339)
			j.RateLimit.ResetAt = &at
		}
	}
	j.RedirectsOmitted = d.HopsOmitted
	for _, h := range d.Hops {
		j.Redirects = append(j.Redirects, HopJSON{Protocol: h.Protocol, Status: h.Status, Reason: nullable(h.Reason), Location: nullable(h.Location)})
	}
	if d.StatusEntry != nil {
		e := Entry(d.StatusEntry, d.StatusCatalog)
		j.StatusEntry = &e
	}
	return j
}
