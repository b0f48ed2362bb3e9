package catalog_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

var (
	mysqlDefine = regexp.MustCompile(`^#define ((?:ER|WARN|CR)_[A-Z0-9_]+) (\d+)$`)
	mysqlNumber = regexp.MustCompile(`^(?:start-error-number|skip-to-error-number) (\d+)$`)
	mysqlState  = regexp.MustCompile(`^([A-Z][A-Z0-9_]*)(?: ([0-9A-Z]{5}))?$`)
	mysqlMarker = regexp.MustCompile(`^(?:ER_ERROR_(?:FIRST|LAST)(?:_SECTION_\d+)?|ER_LAST_MYSQL_ERROR_MESSAGE|CR_MIN_ERROR|CR_MAX_ERROR)$`)
)

// mysql-errors.txt: mysqld_error.h's and errmsg.h's "#define NAME NUMBER"
// lines, then errmsg-utf8.txt's names in order, each with the SQLSTATE it
// states, numbered from the last "start-error-number" or
// "skip-to-error-number" line. The number is the code, the name the token,
// the SQLSTATE the category (HY000 where none is stated; "client library"
// for errmsg.h's). Range markers are not errors; a name the two server
// lists number differently makes no fact, so the test fails.
func parseMySQL(lines []string) []fact {
	var defines []fact
	state := map[string]string{}
	numbered := map[string]string{}
	next := -1
	for _, l := range lines {
		if m := mysqlDefine.FindStringSubmatch(l); m != nil {
			defines = append(defines, fact{code: m[2], token: m[1]})
		} else if m := mysqlNumber.FindStringSubmatch(l); m != nil {
			next, _ = strconv.Atoi(m[1])
		} else if m := mysqlState.FindStringSubmatch(l); m != nil && next >= 0 {
			numbered[m[1]] = strconv.Itoa(next)
			state[m[1]] = m[2]
			next++
		}
	}
	var out []fact
	for _, d := range defines {
		if mysqlMarker.MatchString(d.token) {
			continue
		}
		f := d
		if strings.HasPrefix(d.token, "CR_") {
			f.category = "client library"
		} else {
			if numbered[d.token] != d.code {
				return nil
			}
			f.category = "SQLSTATE " + state[d.token]
			if state[d.token] == "" {
				f.category = "SQLSTATE HY000"
			}
		}
		out = append(out, f)
	}
	return out
}

func TestMySQLFacts(t *testing.T) {
	facts := readFacts(t, "mysql-errors.txt", parseMySQL)
	skip := map[string]string{}
	for _, f := range facts {
		if strings.HasPrefix(f.token, "ER_UNUSED_") {
			skip[f.code] = f.token + " is a placeholder MariaDB no longer uses"
		}
	}
	checkFacts(t, "mysql", facts, skip, nil)
	// Pinned numbers and SQLSTATEs people quote, and the counts of 10.11.18.
	for code, want := range map[string]string{
		"1045": "ER_ACCESS_DENIED_ERROR SQLSTATE 28000", "1062": "ER_DUP_ENTRY SQLSTATE 23000",
		"1064": "ER_PARSE_ERROR SQLSTATE 42000", "1146": "ER_NO_SUCH_TABLE SQLSTATE 42S02",
		"1205": "ER_LOCK_WAIT_TIMEOUT SQLSTATE HY000", "1213": "ER_LOCK_DEADLOCK SQLSTATE 40001",
		"1452": "ER_NO_REFERENCED_ROW_2 SQLSTATE 23000", "2002": "CR_CONNECTION_ERROR client library",
		"2013": "CR_SERVER_LOST client library", "4192": "ER_SLAVE_STATEMENT_TIMEOUT SQLSTATE 70100", "1000": "ER_HASHCHK SQLSTATE HY000",
	} {
		found := false
		for _, f := range facts {
			if f.code == code {
				found = true
				if got := f.token + " " + f.category; got != want {
					t.Errorf("mysql-errors.txt: %s is %s, want %s", code, got, want)
				}
			}
		}
		if !found {
			t.Errorf("mysql-errors.txt: no %s", code)
		}
	}
	c := catalog.NewIndex(catalog.Builtin()).Catalog("mysql")
	clients := 0
	for i := range c.Entries {
		if c.Entries[i].Category == "client library" {
			clients++
		}
	}
	if n := len(facts) - len(skip); len(c.Entries) != n || n < 1200 || clients != 68 {
		t.Errorf("mysql: %d entries (%d clients), the fact file %d in use", len(c.Entries), clients, n)
	}
	if !c.Protocol || len(c.Hosts) != 0 || !strings.Contains(c.Source, "written by errcode") {
		t.Errorf("mysql: a protocol vocabulary with no hosts whose source says whose the words are: %v %v %q", c.Protocol, c.Hosts, c.Source)
	}
	for i := range c.Entries {
		if e := &c.Entries[i]; e.Message != "" {
			t.Errorf("mysql:%s carries a message: the servers' texts are not errcode's to copy", e.Code)
		}
	}
	checkMySQLRetry(t)
}

// mysql-retry.tsv: the documentation's word on retrying, and nothing else
// retryable.
func checkMySQLRetry(t *testing.T) {
	t.Helper()
	rows := readFacts(t, "mysql-retry.tsv", func(lines []string) []fact {
		var out []fact
		for _, l := range lines {
			if f := strings.Split(l, "\t"); len(f) == 4 && !strings.HasPrefix(l, "#") {
				out = append(out, fact{code: f[1], token: f[0], message: f[2]})
			}
		}
		return out
	})
	want := map[string]catalog.Retry{}
	for _, r := range rows {
		want[r.code] = map[string]catalog.Retry{"yes": catalog.RetryYes, "no": catalog.RetryNo}[r.message]
	}
	if want["1213"] != catalog.RetryYes || want["1205"] != catalog.RetryYes {
		t.Errorf("mysql-retry.tsv: deadlock and lock wait timeout are documented retryable: %v", want)
	}
	checkRetryable(t, "mysql", want)
}

// The number finds its entry, and so do the name and "mysql NUMBER"; a
// made-up title drops the ER_ prefix.
func TestMySQLLookup(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for q, want := range map[string]string{
		"ER_DUP_ENTRY": "mysql:1062", "er_dup_entry": "mysql:1062", "mysql 1062": "mysql:1062",
		"mysql 2003": "mysql:2003", "CR_SERVER_GONE_ERROR": "mysql:2006", "mysql:1213": "mysql:1213",
	} {
		r := ix.Lookup(catalog.Query{Text: q})
		if len(r.Matches) != 1 || r.Matches[0].Entry.Catalog+":"+r.Matches[0].Entry.Code != want {
			t.Errorf("lookup %q: %v, want %s alone", q, matchIDs(r.Matches), want)
		}
	}
	// A bare number: MySQL's meaning, then Windows' (a dense vocabulary's
	// comes last; see TestDenseVocabularies).
	if got := matchIDs(ix.Lookup(catalog.Query{Text: "1062"}).Matches); len(got) != 2 || got[0] != "mysql:1062" || got[1] != "windows:1062" {
		t.Errorf("lookup 1062: %v, want mysql:1062 then windows:1062", got)
	}
	if e := ix.Catalog("mysql").Find("1063", "", 0); e == nil || e.DisplayTitle() != "Wrong field spec" {
		t.Errorf("mysql:1063's title: %+v", e)
	}
}
