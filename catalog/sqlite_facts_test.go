package catalog_test

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

var (
	sqlitePrimary  = regexp.MustCompile(`^#define (SQLITE_[A-Z]+) +(\d+) `)
	sqliteExtended = regexp.MustCompile(`^#define (SQLITE_[A-Z_]+) +\((SQLITE_[A-Z]+) *\| *\((\d+)<<8\)\)`)
)

// sqlite-sqlite3.h.txt (sqlite3.h): "#define SQLITE_BUSY 5" for a primary
// code, "#define SQLITE_BUSY_TIMEOUT (SQLITE_BUSY | (3<<8))" for an
// extended one. The name is the code, the number the token, the primary
// code the category.
func parseSQLite(lines []string) []fact {
	var out []fact
	primary := map[string]int{}
	for _, l := range lines {
		if m := sqliteExtended.FindStringSubmatch(l); m != nil {
			k, _ := strconv.Atoi(m[3])
			p, ok := primary[m[2]]
			if !ok {
				return nil // an extended code before its primary: the extract is wrong
			}
			out = append(out, fact{code: m[1], token: strconv.Itoa(p + k*256), category: m[2]})
		} else if m := sqlitePrimary.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[2])
			primary[m[1]] = n
			out = append(out, fact{code: m[1], token: m[2], category: m[1]})
		}
	}
	return out
}

func TestSQLiteFacts(t *testing.T) {
	facts := readFacts(t, "sqlite-sqlite3.h.txt", parseSQLite)
	checkFacts(t, "sqlite", facts, map[string]string{
		"SQLITE_OK":                  "success, not an error",
		"SQLITE_OK_LOAD_PERMANENTLY": "success, not an error",
		"SQLITE_OK_SYMLINK":          "success, and internal to SQLite",
	}, nil)
	// Pinned numbers people quote, and the count: the 31 primary codes of
	// 3.40.1 (SQLITE_OK among them), and its extended codes.
	checkPinned(t, "sqlite3.h", facts, map[string]string{
		"SQLITE_BUSY": "5", "SQLITE_BUSY_TIMEOUT": "773", "SQLITE_CONSTRAINT_UNIQUE": "2067",
		"SQLITE_CONSTRAINT_PRIMARYKEY": "1555", "SQLITE_IOERR_SHORT_READ": "522", "SQLITE_DONE": "101",
	})
	primaries := 0
	for _, f := range facts {
		if f.category == f.code {
			primaries++
		}
	}
	if primaries != 31 || len(facts) < 100 {
		t.Errorf("sqlite3.h: %d primary codes (want 31), %d in all", primaries, len(facts))
	}
	c := catalog.NewIndex(catalog.Builtin()).Catalog("sqlite")
	if !c.Protocol || len(c.Hosts) != 0 {
		t.Errorf("sqlite: a library's vocabulary, in every program that embeds it: protocol %v, hosts %v", c.Protocol, c.Hosts)
	}
	if !strings.Contains(c.Source, "written by errcode") {
		t.Errorf("sqlite: the source must say whose the words are: %q", c.Source)
	}
	for i := range c.Entries {
		e := &c.Entries[i]
		if e.Category == e.Code && e.Title == "" {
			t.Errorf("sqlite:%s: every primary code has errcode's title", e.Code)
		}
	}
	// errcode's judgement (sqlite3.h says nothing of retrying): a lock
	// another connection holds goes away, so BUSY and LOCKED pass after a
	// wait (BUSY_SNAPSHOT by running the transaction again), as does a
	// schema change once the statement is prepared again; a constraint,
	// a misuse or a bad file fails the same way again.
	yes, no := catalog.RetryYes, catalog.RetryNo
	want := map[string]catalog.Retry{
		"SQLITE_BUSY": yes, "SQLITE_BUSY_RECOVERY": yes, "SQLITE_BUSY_SNAPSHOT": yes, "SQLITE_BUSY_TIMEOUT": yes,
		"SQLITE_LOCKED": yes, "SQLITE_LOCKED_SHAREDCACHE": yes, "SQLITE_SCHEMA": yes,
		"SQLITE_ERROR": no, "SQLITE_PERM": no, "SQLITE_READONLY": no, "SQLITE_READONLY_DBMOVED": no,
		"SQLITE_CORRUPT": no, "SQLITE_NOTFOUND": no, "SQLITE_FULL": no, "SQLITE_CANTOPEN": no,
		"SQLITE_TOOBIG": no, "SQLITE_MISMATCH": no, "SQLITE_MISUSE": no, "SQLITE_NOLFS": no,
		"SQLITE_AUTH": no, "SQLITE_RANGE": no, "SQLITE_NOTADB": no,
	}
	for _, f := range facts {
		if f.category == "SQLITE_CONSTRAINT" {
			want[f.code] = no
		}
	}
	checkRetryable(t, "sqlite", want)
	checkSQLiteMessages(t, c, facts)
}

// sqlite-errstr.tsv: what sqlite3_errstr returns for each code. A primary
// code's entry has that message exactly; an extended code's has one only
// where SQLite gives it its own (not its primary's); "unknown error" is
// none. Every code of the header has a row, and every row a code.
func checkSQLiteMessages(t *testing.T, c *catalog.Catalog, facts []fact) {
	t.Helper()
	rows := readFacts(t, "sqlite-errstr.tsv", func(lines []string) []fact {
		var out []fact
		for _, l := range lines {
			if f := strings.Split(l, "\t"); len(f) == 3 && !strings.HasPrefix(l, "#") {
				out = append(out, fact{code: f[1], token: f[0], message: f[2]})
			}
		}
		return out
	})
	msg := map[string]string{}
	for _, r := range rows {
		msg[r.code] = r.message
	}
	if len(rows) != len(facts) {
		t.Errorf("sqlite-errstr.tsv: %d rows, the header %d codes", len(rows), len(facts))
	}
	for _, f := range facts {
		m, ok := msg[f.code]
		if !ok {
			t.Errorf("sqlite-errstr.tsv: no row for %s", f.code)
			continue
		}
		want := m
		if m == "unknown error" || f.category != f.code && m == msg[f.category] {
			want = ""
		}
		if e := c.Find(f.code, "", 0); e != nil && e.Message != want {
			t.Errorf("sqlite:%s message %q, want %q", f.code, e.Message, want)
		}
	}
	for _, q := range []string{"database is locked", "attempt to write a readonly database", "database disk image is malformed", "file is not a database"} {
		r := catalog.NewIndex(catalog.Builtin()).Lookup(catalog.Query{Text: q})
		if len(r.Matches) == 0 || r.Matches[0].Entry.Catalog != "sqlite" || r.Matches[0].Entry.Message != q {
			t.Errorf("lookup %q: %v, want the sqlite entry with that message first", q, matchIDs(r.Matches))
		}
	}
}

// checkPinned: each of pins (a code: its token or number) is a fact of
// the fact file, as the people who quote it know it.
func checkPinned(t *testing.T, where string, facts []fact, pins map[string]string) {
	t.Helper()
	for code, token := range pins {
		if !slices.ContainsFunc(facts, func(f fact) bool { return f.code == code && f.token == token }) {
			t.Errorf("%s: %s is not %s", where, code, token)
		}
	}
}

// The name finds its entry, and so does the number after "sqlite" (as
// errno's does after "errno"); a bare number lists every vocabulary's
// meaning of it, each with its catalog.
func TestSQLiteLookup(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for q, want := range map[string]string{
		"SQLITE_BUSY": "sqlite:SQLITE_BUSY", "sqlite_busy": "sqlite:SQLITE_BUSY",
		"sqlite 5": "sqlite:SQLITE_BUSY", "sqlite 773": "sqlite:SQLITE_BUSY_TIMEOUT",
		"SQLITE_CONSTRAINT_UNIQUE": "sqlite:SQLITE_CONSTRAINT_UNIQUE", "sqlite 2067": "sqlite:SQLITE_CONSTRAINT_UNIQUE",
	} {
		r := ix.Lookup(catalog.Query{Text: q})
		if len(r.Matches) != 1 || r.Matches[0].Entry.Catalog+":"+r.Matches[0].Entry.Code != want {
			t.Errorf("lookup %q: %v, want %s alone", q, matchIDs(r.Matches), want)
		}
	}
	r := ix.Lookup(catalog.Query{Text: "5"})
	if ids := matchIDs(r.Matches); !strings.Contains(strings.Join(ids, " "), "sqlite:SQLITE_BUSY") {
		t.Errorf("lookup 5: %v, want sqlite:SQLITE_BUSY among them", ids)
	}
}

func matchIDs(m []catalog.Match) []string {
	var ids []string
	for _, x := range m {
		ids = append(ids, x.Entry.Catalog+":"+x.Entry.Code)
	}
	return ids
}
