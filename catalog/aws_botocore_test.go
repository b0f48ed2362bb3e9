package catalog_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// botocoreRow is one [shapes] row of testdata/facts/aws-botocore.tsv.
type botocoreRow struct {
	service, shape, code string
	status               int
	retryable            bool // the shape's retryable trait
}

// botocoreFacts is the extract of botocore's models and retriers, read
// here on its own (not by the generator's code).
type botocoreFacts struct {
	rows     []botocoreRow
	retried  map[string][]string // code -> services whose retrier retries it ("*": all)
	statuses map[int]bool        // statuses a retrier retries whatever the code
}

func readBotocore(t *testing.T) botocoreFacts {
	t.Helper()
	f := botocoreFacts{retried: map[string][]string{}, statuses: map[int]bool{}}
	readFacts(t, "aws-botocore.tsv", func(lines []string) []fact {
		section := ""
		for i, l := range lines {
			switch {
			case l == "" || strings.HasPrefix(l, "#"):
				continue
			case strings.HasPrefix(l, "["):
				section = l
				continue
			}
			c := strings.Split(l, "\t")
			ok := true
			switch {
			case section == "[shapes]" && len(c) == 6:
				r := botocoreRow{service: c[0], shape: c[1], code: c[2], retryable: c[5] != "-"}
				if r.code == "-" {
					r.code = r.shape
				}
				if c[3] != "-" {
					var err error
					r.status, err = strconv.Atoi(c[3])
					ok = err == nil
				}
				f.rows = append(f.rows, r)
			case section == "[codes]" && len(c) == 3:
				f.retried[c[2]] = append(f.retried[c[2]], c[1])
			case section == "[statuses]" && len(c) == 2:
				n, err := strconv.Atoi(c[1])
				f.statuses[n], ok = true, err == nil
			default:
				ok = false
			}
			if !ok {
				t.Errorf("testdata/facts/aws-botocore.tsv:%d: not a row of %s: %q", i+1, section, l)
			}
		}
		return []fact{{}} // readFacts wants something; the rows are checked below
	})
	if len(f.rows) < 5000 || len(f.retried) < 15 || !f.statuses[503] {
		t.Fatalf("aws-botocore.tsv: %d shapes, %d retried codes parsed; the extract has more", len(f.rows), len(f.retried))
	}
	return f
}

// botocoreSource marks the generated entries (see catalog/internal/genaws).
const botocoreSource = "service models (commit "

// Both ways: every code of botocore's models is an aws entry (hand-written
// or generated), and every generated entry is a code of the extract, with
// the status most of its services state, retryable exactly where botocore
// retries it, and a token that is one of its shapes' names.
func TestAWSBotocoreFacts(t *testing.T) {
	f := readBotocore(t)
	c := catalog.NewIndex(catalog.Builtin()).Catalog("aws")
	byKey := map[string][]botocoreRow{}
	for _, r := range f.rows {
		k := catalog.Key(r.code)
		byKey[k] = append(byKey[k], r)
		if e := c.Find(r.code, "", 0); e == nil {
			t.Errorf("aws: %s's %s (%s) is missing", r.service, r.code, r.shape)
		}
	}
	keys := map[string]string{}
	generated := 0
	for i := range c.Entries {
		e := &c.Entries[i]
		for _, k := range []string{catalog.Key(e.Code), catalog.Key(e.Token)} {
			if other, dup := keys[k]; dup && k != "" {
				t.Errorf("aws: %s and %s share the key %q", other, e.Code, k)
			}
			keys[k] = e.Code
		}
		if !strings.Contains(e.Source, botocoreSource) {
			continue
		}
		generated++
		rows := byKey[catalog.Key(e.Code)]
		if len(rows) == 0 {
			t.Errorf("aws:%s is generated but not in the extract", e.Code)
			continue
		}
		if want := majorityStatus(rows); e.Status != want {
			t.Errorf("aws:%s status %d, most services state %d", e.Code, e.Status, want)
		}
		if want := botocoreRetries(f, e.Code, e.Status, rows); (e.Retryable == catalog.RetryYes) != want || e.Retryable == catalog.RetryNo {
			t.Errorf("aws:%s retryable %v, botocore retries it: %v", e.Code, e.Retryable, want)
		}
		if e.Token != "" && !slices.ContainsFunc(rows, func(r botocoreRow) bool { return r.shape == e.Token }) {
			t.Errorf("aws:%s token %s is none of its shapes' names", e.Code, e.Token)
		}
		if e.Title != "" || len(e.Fixes) > 0 || len(e.Causes) > 0 {
			t.Errorf("aws:%s is generated: errcode's prose for it goes in the hand-written part", e.Code)
		}
	}
	if generated < 2000 {
		t.Errorf("aws: %d generated entries; the extract has more codes", generated)
	}
}

// majorityStatus is the status most rows state, the lowest on a tie; 0
// when none states one.
func majorityStatus(rows []botocoreRow) int {
	n := map[int]int{}
	best := 0
	for _, r := range rows {
		if r.status != 0 {
			n[r.status]++
		}
	}
	for s, c := range n {
		if best == 0 || c > n[best] || c == n[best] && s < best {
			best = s
		}
	}
	return best
}

// botocoreRetries: a retrier retries the code for every service or its
// status alone, or every service sending it retries it (trait or policy).
func botocoreRetries(f botocoreFacts, code string, status int, rows []botocoreRow) bool {
	if f.statuses[status] {
		return true
	}
	all := true
	for _, r := range rows {
		if slices.Contains(f.retried[r.code], "*") {
			return true
		}
		all = all && (r.retryable || slices.Contains(f.retried[r.code], r.service))
	}
	return all
}

// The codes botocore's retriers retry for every service are retryable in
// the catalog, hand-written entries included.
func TestAWSBotocoreRetried(t *testing.T) {
	f := readBotocore(t)
	c := catalog.NewIndex(catalog.Builtin()).Catalog("aws")
	for code, svcs := range f.retried {
		if !slices.Contains(svcs, "*") {
			continue
		}
		if e := c.Find(code, "", 0); e == nil || e.Retryable != catalog.RetryYes {
			t.Errorf("aws:%s: botocore retries it for every service; the catalog says %+v", code, e)
		}
	}
	// What the brief asks of the card: the hand-written one, retryable.
	if e := c.Find("ThrottlingException", "", 0); e == nil || e.Title == "" || strings.Contains(e.Source, botocoreSource) {
		t.Errorf("aws:ThrottlingException: %+v, want the hand-written entry", e)
	}
}
