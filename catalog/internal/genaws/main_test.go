package main

import (
	"flag"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite catalog/data/aws.yaml")

// aws.yaml must be its hand-written part and what the fact file makes.
func TestAWSYAMLIsFresh(t *testing.T) {
	stale, err := command.Stale("../..", *update)
	if err != nil {
		t.Fatal(err)
	}
	if stale {
		t.Fatal("catalog/data/aws.yaml is stale: run `go generate ./catalog` and commit the result")
	}
}

const sample = "# Source: boto/botocore 1.0.0, commit 0123456789012345678901234567890123456789 (x)\n" +
	"[shapes]\n" +
	"a\tConflictException\t-\t409\tsender\t-\n" +
	"b\tConflictException\t-\t400\tsender\t-\n" +
	"c\tConflictException\t-\t409\tsender\t-\n" +
	"a\tKMSNotFoundException\t-\t-\t-\t-\n" +
	"b\tKmsNotFoundException\t-\t-\t-\t-\n" +
	"c\tKmsNotFoundException\t-\t-\t-\t-\n" +
	"a\tBusyFault\tBusy\t-\t-\tyes\n" +
	"b\tBusy\t-\t-\t-\t-\n" +
	"a\tFlakyFault\tFlaky\t-\t-\tyes\n" +
	"a\tOwnException\t-\t-\t-\t-\n" +
	"a\tSlowException\t-\t503\tserver\t-\n" +
	"a\tThrottlingException\t-\t429\tsender\tthrottling\n" +
	"[codes]\nstandard\t*\tThrottlingException\nlegacy\tb\tBusy\n[statuses]\nstandard\t503\n"

func TestBuild(t *testing.T) {
	f, err := parseFacts(sample)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]gen{}
	for _, g := range build(f, map[string]bool{"throttlingexception": true}) {
		got[g.code] = g
	}
	for code, want := range map[string]gen{
		// the most common status, the others noted
		"ConflictException": {code: "ConflictException", status: 409, category: "a, b, c", description: "Statuses differ by service: 409 in 2 services, 400 in 1."},
		// one entry for the two spellings, as most spell it
		"KmsNotFoundException": {code: "KmsNotFoundException", category: "a, b, c", description: "Some services spell it KMSNotFoundException."},
		// retried where every service retries it: a's trait, b's policy
		"Busy": {code: "Busy", category: "a, b", retryable: true},
		// the shape's name is the token where it differs
		"Flaky":         {code: "Flaky", token: "FlakyFault", category: "a", retryable: true},
		"OwnException":  {code: "OwnException", category: "a"},
		"SlowException": {code: "SlowException", status: 503, category: "a", retryable: true}, // a retried status
	} {
		if got[code] != want {
			t.Errorf("%s: %+v, want %+v", code, got[code], want)
		}
	}
	if _, ok := got["ThrottlingException"]; ok {
		t.Error("ThrottlingException is hand-written (taken), yet generated")
	}
	if len(got) != 6 {
		t.Errorf("%d entries, want 6", len(got))
	}
}

func TestParseFactsRefusesBadRows(t *testing.T) {
	for _, bad := range []string{
		strings.Replace(sample, "\t409\tsender\t-\n", "\t40x\tsender\t-\n", 1),
		strings.Replace(sample, "\tsender\tthrottling", "\tsender\tmaybe", 1),
		strings.Replace(sample, "# Source", "# Origin", 1),
		strings.Replace(sample, "a\tOwnException\t-\t-\t-\t-\n", "a\tOwnException\t-\n", 1),
	} {
		if _, err := parseFacts(bad); err == nil {
			t.Errorf("accepted:\n%s", bad)
		}
	}
}
