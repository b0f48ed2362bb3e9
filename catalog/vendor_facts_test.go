package catalog_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// The vendor catalogs carry facts (codes, statuses, categories) from the
// upstream files in testdata/facts: SDK sources shipped unchanged, and
// STATUS CODE lists transcribed from the vendors' error pages. Entries
// marked kind: supplement are errcode's additions, each with its source;
// they are checked for that, and not against the fact file.

// statusList reads "STATUS CODE" lines; "[name]" lines start a section,
// whose name becomes the facts' category (through categories, when given).
func statusList(categories map[string]string) func([]string) []fact {
	return func(lines []string) []fact {
		var out []fact
		section := ""
		for _, l := range lines {
			l = strings.TrimSpace(l)
			switch {
			case l == "" || strings.HasPrefix(l, "#"):
			case strings.HasPrefix(l, "["):
				section = strings.Trim(l, "[]")
			default:
				s, code, ok := strings.Cut(l, " ")
				n, err := strconv.Atoi(s)
				if !ok || err != nil {
					continue
				}
				cat := section
				if categories != nil {
					cat = categories[section]
				}
				out = append(out, fact{code: code, status: n, category: cat})
			}
		}
		return out
	}
}

// quoted reads the "..." strings of lines from the one matching start up
// to the first line matching end (Go consts and maps, Python Literals).
func quoted(start, end string, re *regexp.Regexp) func([]string) []fact {
	return func(lines []string) []fact {
		var out []fact
		in := false
		for _, l := range lines {
			switch {
			case strings.Contains(l, start):
				in = true
			case in && strings.HasPrefix(strings.TrimSpace(l), end):
				return out
			case in:
				if m := re.FindStringSubmatch(l); m != nil {
					out = append(out, fact{code: m[1]})
				}
			}
		}
		return out
	}
}

// pageTable reads a fact table transcribed from a vendor's documentation
// page (testdata/facts/*.tsv): tab-separated "code status retryable" rows,
// retryable being yes, no or unstated; "#" comments and "[section]" lines
// are skipped. It returns the rows as facts and the retryability each row
// states (RetryUnknown for unstated).
func pageTable(t *testing.T, name string) ([]fact, map[string]catalog.Retry) {
	t.Helper()
	retry := map[string]catalog.Retry{}
	facts := readFacts(t, name, func(lines []string) []fact {
		var out []fact
		for i, l := range lines {
			if l = strings.TrimSpace(l); l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "[") {
				continue
			}
			f := strings.Split(l, "\t")
			if len(f) != 3 {
				t.Errorf("testdata/facts/%s:%d: want code<TAB>status<TAB>retryable, got %q", name, i+1, l)
				continue
			}
			n, err := strconv.Atoi(f[1])
			r, ok := map[string]catalog.Retry{"yes": catalog.RetryYes, "no": catalog.RetryNo, "unstated": catalog.RetryUnknown}[f[2]]
			if err != nil || !ok {
				t.Errorf("testdata/facts/%s:%d: want a status and yes, no or unstated, got %q", name, i+1, l)
				continue
			}
			if _, dup := retry[f[0]]; dup {
				t.Errorf("testdata/facts/%s:%d: %s is listed twice", name, i+1, f[0])
			}
			retry[f[0]] = r
			out = append(out, fact{code: f[0], status: n})
		}
		return out
	})
	return facts, retry
}

var retryWords = map[catalog.Retry]string{catalog.RetryUnknown: "unset", catalog.RetryYes: "yes", catalog.RetryNo: "no"}

// checkPage holds a catalog to a page's table beyond checkFacts: each row's
// stated retryability is its entry's (an unstated row leaves the entry to
// its other source), and every entry with a status, supplements included,
// has that status from the table.
func checkPage(t *testing.T, id string, rows []fact, retry map[string]catalog.Retry) {
	t.Helper()
	c := catalog.NewIndex(catalog.Builtin()).Catalog(id)
	status := map[string]int{}
	for _, f := range rows {
		status[f.code] = f.status
		e := c.Find(f.code, "", 0)
		if e == nil || e.Code != f.code {
			continue // checkFacts reports it missing
		}
		if r := retry[f.code]; r != catalog.RetryUnknown && e.Retryable != r {
			t.Errorf("%s:%s retryable %s, the page's table says %s", id, f.code, retryWords[e.Retryable], retryWords[r])
		}
	}
	for i := range c.Entries {
		e := &c.Entries[i]
		if s, ok := status[e.Code]; e.Status != 0 && (!ok || s != e.Status) {
			t.Errorf("%s:%s has status %d, which the page's table does not state", id, e.Code, e.Status)
		}
	}
}

var (
	pyString = regexp.MustCompile(`^\s*"([a-z0-9_]+)",?$`)
	goMapKey = regexp.MustCompile(`^\s*"(\w+)":\s*\{\},?$`)
)

// vendorCheck is checkFacts for an API's catalog, which also has hosts and
// is not a protocol; stated nil means no fact file states a status.
func vendorCheck(t *testing.T, id string, facts []fact, statusStated map[string]bool) {
	t.Helper()
	if c := catalog.NewIndex(catalog.Builtin()).Catalog(id); c == nil || c.Protocol || len(c.Hosts) == 0 {
		t.Errorf("%s: a vendor catalog has hosts and is not a protocol", id)
	}
	if statusStated == nil {
		statusStated = map[string]bool{}
	}
	checkFacts(t, id, facts, nil, statusStated)
}

// stated marks the facts' codes as having their status stated.
func stated(facts ...[]fact) map[string]bool {
	m := map[string]bool{}
	for _, fs := range facts {
		for _, f := range fs {
			m[f.code] = true
		}
	}
	return m
}

func withCategory(fs []fact, cat string) []fact {
	for i := range fs {
		fs[i].category = cat
	}
	return fs
}

// Anthropic: the SDK's ErrorType (no statuses), and the Errors page's
// types with their statuses; the page's copy states none for billing_error
// or timeout_error, which must then have none.
func TestAnthropicFacts(t *testing.T) {
	types := readFacts(t, "anthropic-error_type.py.txt", quoted("ErrorType: TypeAlias = Literal[", "]", pyString))
	page, retry := pageTable(t, "anthropic-errors.tsv")
	vendorCheck(t, "anthropic", append(types, page...), stated(page))
	checkPage(t, "anthropic", page, retry)
	// Where the page is silent, retryable is as anthropic-sdk-python retries:
	// any 5xx, so api_error (500).
	if e := catalog.NewIndex(catalog.Builtin()).Catalog("anthropic").Find("api_error", "", 500); e == nil || e.Retryable != catalog.RetryYes {
		t.Errorf("anthropic:api_error: %+v, want retryable (the SDK retries a 500)", e)
	}
}

// OpenAI: the SDK's ResponseError codes (no statuses), and the Error codes
// guide's rows, each with the code the API sends with its message; a code
// in both is one entry, the SDK's category and the guide's status.
func TestOpenAIFacts(t *testing.T) {
	resp := withCategory(readFacts(t, "openai-response_error.py.txt", quoted("code: Literal[", "]", pyString)), "response error")
	page, retry := pageTable(t, "openai-error-codes.tsv")
	page = withCategory(page, "API error")
	vendorCheck(t, "openai", append(resp, page...), stated(page))
	checkPage(t, "openai", page, retry)
	if e := catalog.NewIndex(catalog.Builtin()).Catalog("openai").Find("insufficient_quota", "", 429); e == nil || e.Retryable != catalog.RetryNo {
		t.Errorf("openai:insufficient_quota: %+v, want not retryable (a 429 that waiting does not clear)", e)
	}
}

func TestStripeFacts(t *testing.T) {
	codes := withCategory(readFacts(t, "stripe-error.go.txt", quoted("v1ErrorCodes: The beginning", ")", regexp.MustCompile(`ErrorCode = "(\w+)"`))), "error code")
	declines := withCategory(readFacts(t, "stripe-error.go.txt", quoted("List of DeclineCode values", ")", regexp.MustCompile(`DeclineCode = "(\w+)"`))), "decline code")
	isDecline := map[string]bool{}
	for i := range declines {
		isDecline[declines[i].code] = true
		declines[i].status = 402 // a decline is a card error: 402 Request Failed
	}
	var facts []fact
	for _, f := range codes {
		if !isDecline[f.code] { // a value that is both is one entry, a decline code
			facts = append(facts, f)
		}
	}
	// The statuses Stripe states for an error code itself.
	for code, status := range map[string]int{"card_declined": 402, "idempotency_key_in_use": 409, "rate_limit": 429, "resource_missing": 404, "api_key_expired": 401} {
		found := false
		for i := range facts {
			if facts[i].code == code {
				facts[i].status, found = status, true
			}
		}
		if !found {
			t.Errorf("stripe: %s is not an ErrorCode in stripe-go", code)
		}
	}
	// Every status is stated: 402 for a decline, the table's above, and
	// for the other error codes none (Stripe answers 400 or 402 by type).
	vendorCheck(t, "stripe", append(facts, declines...), stated(facts, declines))
	if len(declines) < 40 || len(facts) < 150 {
		t.Errorf("stripe: %d error codes and %d decline codes parsed; the fact file has more", len(facts), len(declines))
	}
}

func TestAWSFacts(t *testing.T) {
	listed := readFacts(t, "aws-errors.txt", statusList(map[string]string{"common": "common error", "s3": "S3"}))
	src := "aws-retry-standard.go.txt"
	throttle := readFacts(t, src, quoted("DefaultThrottleErrorCodes = map", "}", goMapKey))
	retry := readFacts(t, src, quoted("DefaultRetryableErrorCodes = map", "}", goMapKey))
	// A code in both lists is one entry: the status agrees, the category is
	// the first list's.
	seen := map[string]bool{}
	var facts []fact
	for _, f := range listed {
		if !seen[f.code] {
			seen[f.code] = true
			facts = append(facts, f)
		}
	}
	st := stated(facts)
	ix := catalog.NewIndex(catalog.Builtin())
	c := ix.Catalog("aws")
	for _, group := range [][]fact{throttle, retry} {
		for _, f := range group {
			e := c.Find(f.code, "", 0)
			if e == nil || e.Retryable != catalog.RetryYes {
				t.Errorf("aws:%s: aws-sdk-go-v2 retries it, the catalog says %+v", f.code, e)
			}
			if !seen[f.code] {
				seen[f.code] = true
				facts = append(facts, f)
			}
		}
	}
	// The entries generated from botocore's models are facts of the
	// extract, checked against it by TestAWSBotocoreFacts; here they are
	// upstream with the status they carry.
	for i := range c.Entries {
		if e := &c.Entries[i]; strings.Contains(e.Source, botocoreSource) && !seen[e.Code] {
			seen[e.Code] = true
			facts = append(facts, fact{code: e.Code, token: e.Token, status: e.Status, category: e.Category})
			st[e.Code] = true
		}
	}
	vendorCheck(t, "aws", facts, st)
	for _, f := range listed {
		if e := c.Find(f.code, "", 0); e != nil && e.Status != f.status {
			t.Errorf("aws:%s listed with %d, catalog %d", f.code, f.status, e.Status)
		}
	}
}

func TestGoogleFacts(t *testing.T) {
	reasons := withCategory(readFacts(t, "google-error_reason.proto.txt", quoted("enum ErrorReason {", "}", regexp.MustCompile(`^\s*([A-Z_]+) = \d+;$`))), "ErrorInfo reason")
	var info []fact
	for _, f := range reasons {
		if f.code != "ERROR_REASON_UNSPECIFIED" { // never sent
			info = append(info, f)
		}
	}
	legacy := withCategory(readFacts(t, "google-legacy-reasons.txt", statusList(nil)), "legacy reason")
	var kept []fact
	for _, f := range legacy {
		if catalog.Key(f.code) == catalog.Key("RATE_LIMIT_EXCEEDED") {
			continue // rateLimitExceeded folds into the ErrorInfo reason's entry
		}
		kept = append(kept, f)
	}
	vendorCheck(t, "google", append(info, kept...), stated(kept))
	c := catalog.NewIndex(catalog.Builtin()).Catalog("google")
	for code, want := range map[string]catalog.Retry{"userRateLimitExceeded": catalog.RetryYes, "rateLimitExceeded": catalog.RetryYes, "dailyLimitExceeded": catalog.RetryNo, "RESOURCE_QUOTA_EXCEEDED": catalog.RetryNo} {
		if e := c.Find(code, "", 0); e == nil || e.Retryable != want {
			t.Errorf("google:%s: %+v, want retryable %v", code, e, want)
		}
	}
}

func TestSlackFacts(t *testing.T) {
	counts := readFacts(t, "slack-web-errors.txt", statusList(nil)) // "COUNT ERROR": the count reads as a status
	var common []fact
	for _, f := range counts {
		if f.status >= 25 { // the errors most methods share
			common = append(common, fact{code: f.code})
		}
	}
	if len(common) < 15 {
		t.Fatalf("slack: only %d common errors parsed", len(common))
	}
	vendorCheck(t, "slack", common, nil)
	c := catalog.NewIndex(catalog.Builtin()).Catalog("slack")
	if e := c.Find("rate_limited", "", 0); e == nil || e.Code != "ratelimited" || e.Status != 429 {
		t.Errorf("slack: rate_limited (the spec's spelling) should fold into ratelimited (429): %+v", e)
	}
}

func TestGitHubFacts(t *testing.T) {
	facts := readFacts(t, "github-errors.txt", statusList(nil))
	vendorCheck(t, "github", facts, stated(facts))
}
