package catalog_test

import (
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// The OCI registry codes: distribution's registered codes and statuses,
// transcribed (oci-distribution-errcodes.txt), in both directions; the
// [section] each is registered under is its category.
func TestOCIFacts(t *testing.T) {
	facts := readFacts(t, "oci-distribution-errcodes.txt", statusList(map[string]string{
		"errcode": "common error", "registry.api.v2": "registry error",
	}))
	checkFacts(t, "oci", facts, nil, nil)
	c := catalog.NewIndex(catalog.Builtin()).Catalog("oci")
	if !c.Protocol || len(c.Hosts) != 0 {
		t.Errorf("oci: a protocol's vocabulary, spoken by many registries: protocol %v, hosts %v", c.Protocol, c.Hosts)
	}
	// Retryable is errcode's judgement (the source states none): a rate
	// limit and an unavailable registry pass; an unknown error may or may
	// not; the rest fail the same way again.
	for i := range c.Entries {
		e := &c.Entries[i]
		want := catalog.RetryNo
		switch e.Code {
		case "TOOMANYREQUESTS", "UNAVAILABLE":
			want = catalog.RetryYes
		case "UNKNOWN":
			want = catalog.RetryUnknown
		}
		if e.Retryable != want {
			t.Errorf("oci:%s retryable %v, want %v", e.Code, e.Retryable, want)
		}
	}
}
