package catalog_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// envoy-response-flags.txt: "FLAG LongName STATUS" rows, "-" for a flag
// whose documentation states no status (then the entry has none).
func parseEnvoy(lines []string) []fact {
	var out []fact
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 3 || strings.HasPrefix(l, "#") {
			continue
		}
		status := 0
		if f[2] != "-" {
			n, err := strconv.Atoi(f[2])
			if err != nil {
				return nil
			}
			status = n
		}
		out = append(out, fact{code: f[0], token: f[1], status: status})
	}
	return out
}

// Envoy's response flags: every flag of the pinned utility.h, with its long
// name and the status the access-log documentation states, in both
// directions.
func TestEnvoyFacts(t *testing.T) {
	facts := readFacts(t, "envoy-response-flags.txt", parseEnvoy)
	if len(facts) != 29 {
		t.Errorf("envoy-response-flags.txt: %d flags, want utility.h's 29", len(facts))
	}
	checkFacts(t, "envoy", facts, nil, nil)
	c := catalog.NewIndex(catalog.Builtin()).Catalog("envoy")
	if !c.Protocol || len(c.Hosts) != 0 || len(c.Lines) != 0 || len(c.Bodies) != 0 {
		t.Errorf("envoy: a proxy's vocabulary, lookup only (no hosts, lines or bodies yet): protocol %v, hosts %v", c.Protocol, c.Hosts)
	}
	for i := range c.Entries {
		if e := &c.Entries[i]; e.Title == "" || e.Description == "" {
			t.Errorf("envoy:%s: every flag has errcode's title and description", e.Code)
		}
	}
	// errcode's judgement (Envoy states none): no healthy host, a failed
	// connection, a full circuit breaker, a rate limit or shed load pass
	// after a wait; no route, no cluster, a refused header, a client's
	// protocol error or an authorization denial fail the same way again.
	// The rest (timeouts, resets) depend on whether the request is
	// idempotent, and are left unsaid.
	yes, no := catalog.RetryYes, catalog.RetryNo
	checkRetryable(t, "envoy", map[string]catalog.Retry{
		"LH": yes, "UH": yes, "UF": yes, "UO": yes, "RL": yes, "OM": yes, "DO": yes,
		"NR": no, "NC": no, "IH": no, "DPE": no, "UAEX": no, "NFCF": no,
	})
}

// The flag finds its entry, alone, after "envoy", or by its long name.
func TestEnvoyLookup(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for _, q := range []string{"UH", "uh", "envoy UH", "envoy:UH", "NoHealthyUpstream"} {
		r := ix.Lookup(catalog.Query{Text: q})
		if len(r.Matches) == 0 || r.Matches[0].Entry.Catalog != "envoy" || r.Matches[0].Entry.Code != "UH" {
			t.Errorf("lookup %q: %v, want envoy:UH first", q, matchIDs(r.Matches))
		}
	}
}
