package cmd

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/render"
	"github.com/spf13/cobra"
)

// Shell completion. Each TAB runs `errcode __complete ...`, so these read
// the compiled-in catalogs directly and stay as cheap as a lookup.

// completeCodes offers the codes and tokens of cats that start with what
// was typed, each with a short description ("1405\tDuplicated (409)"):
// codes first in catalog order, then tokens, then, with prefixes,
// "catalog:" prefixes and the codes after one ("curl:28"). Codes with
// spaces (IronWiFi's RADIUS reasons) are left out: shells split them.
func completeCodes(ix *catalog.Index, cats []*catalog.Catalog, prefixes bool, toComplete string) []string {
	if id, rest, ok := strings.Cut(toComplete, ":"); ok && prefixes {
		c := ix.Catalog(id)
		if c == nil || !slices.Contains(cats, c) {
			return nil
		}
		var out []string
		for e := range c.WithPrefix(rest) {
			if completable(e.Code) && hasFoldPrefix(e.Code, rest) {
				out = append(out, candidate(c.ID+":"+e.Code, describe(e, "")))
			}
		}
		return out
	}
	type cand struct {
		text, desc string
		rank       int
	}
	seen := map[string]int{} // text -> index in cands
	var cands []cand
	add := func(text, desc string, rank int) {
		if i, dup := seen[strings.ToLower(text)]; dup {
			if rank == cands[i].rank && !strings.Contains(cands[i].desc, desc) && len(cands[i].desc) < 60 {
				cands[i].desc += "; " + desc
			}
			return
		}
		seen[strings.ToLower(text)] = len(cands)
		cands = append(cands, cand{text, desc, rank})
	}
	// A dense vocabulary (Windows' numbers) would offer a code for nearly
	// every prefix of digits: its codes are offered only when it is the
	// one catalog asked for; its names (ERROR_ACCESS_DENIED) always.
	codeCats := slices.DeleteFunc(slices.Clone(cats), func(c *catalog.Catalog) bool { return len(cats) > 1 && catalog.IsDense(c.ID) })
	shared := map[string]int{} // how many catalogs have each matching code
	for _, c := range codeCats {
		for e := range c.WithPrefix(toComplete) {
			if completable(e.Code) && hasFoldPrefix(e.Code, toComplete) {
				shared[strings.ToLower(e.Code)]++
			}
		}
	}
	for _, c := range codeCats {
		for e := range c.WithPrefix(toComplete) {
			if completable(e.Code) && hasFoldPrefix(e.Code, toComplete) {
				id := ""
				if shared[strings.ToLower(e.Code)] > 1 {
					id = c.ID // "400": say whose
				}
				add(e.Code, describe(e, id), 0)
			}
		}
	}
	for _, c := range cats {
		for e := range c.WithPrefix(toComplete) {
			if e.Token != "" && completable(e.Token) && hasFoldPrefix(e.Token, toComplete) {
				add(e.Token, c.ID+" "+e.Code+statusSuffix(e.Status), 1) // the code, from a user catalog perhaps: scrubbed in candidate
			}
		}
		if prefixes && hasFoldPrefix(c.ID, toComplete) {
			add(c.ID+":", c.Name, 2)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].rank != cands[j].rank {
			return cands[i].rank < cands[j].rank
		}
		return naturalLess(cands[i].text, cands[j].text)
	})
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = candidate(c.text, c.desc)
	}
	return out
}

// candidate is one completion, "text\tdescription". Every completion goes
// through it: the text was checked completable where it was chosen, and the
// description, which may come from a user catalog, is cut to fit a menu and
// scrubbed, so no control sequence (an OSC 52 clipboard write) reaches the
// shell.
func candidate(text, desc string) string {
	return text + "\t" + render.Scrub(render.Clip(desc, 70))
}

// completable: a code a shell can offer, insert and match as typed: no
// white space (shells split it) and nothing render.Unsafe (a user catalog's
// code must not put a control sequence on the command line).
func completable(code string) bool {
	return !strings.ContainsAny(code, " \t") && render.Scrub(code) == code
}

func hasFoldPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// describe is a completion's description: "Duplicated (409)", naming the
// catalog when it is not obvious from the code.
func describe(e *catalog.Entry, catalogID string) string {
	d := e.Token
	if d == "" {
		d = e.DisplayTitle()
	}
	d = render.Clip(d, 40) // cut at a character; scrubbed in candidate
	if catalogID != "" {
		d = catalogID + " " + d
	}
	return d + statusSuffix(e.Status)
}

func statusSuffix(s int) string {
	if s == 0 {
		return ""
	}
	return " (" + strconv.Itoa(s) + ")"
}

// naturalLess orders numbers by value ("429" before "1105"), then text.
func naturalLess(a, b string) bool {
	// Without allocating where it can: thousands of names (Windows') are
	// sorted per TAB, and Atoi allocates its error for each.
	na, numA := number(a)
	nb, numB := number(b)
	switch {
	case numA && numB:
		return na < nb
	case numA:
		return true
	case numB:
		return false
	}
	if !ascii(a) || !ascii(b) {
		return strings.ToLower(a) < strings.ToLower(b)
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if ca, cb := lowerByte(a[i]), lowerByte(b[i]); ca != cb {
			return ca < cb
		}
	}
	return len(a) < len(b)
}

// number is strconv.Atoi's reading of s, asked only of what may be one.
func number(s string) (int, bool) {
	if s == "" || !(s[0] >= '0' && s[0] <= '9' || s[0] == '+' || s[0] == '-') {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// completeLookupArgs completes lookup's query as lookup will read it: the
// codes of the catalogs --catalog names (all when none), or, after a
// catalog's id ("errcode lookup curl 2<TAB>", as "curl 28" is looked up in
// curl's catalog), that catalog's codes. Other later words are free text.
func completeLookupArgs(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		const codes = cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
		ix := f.Index()
		cats := ix.Catalogs
		if ids, _ := cmd.Flags().GetStringSlice("catalog"); len(ids) > 0 {
			cats = namedCatalogs(ix, ids)
		}
		switch {
		case len(args) == 0:
			return completeCodes(ix, cats, true, toComplete), codes
		case len(args) == 1 && !strings.Contains(args[0], ":"):
			if c := ix.Catalog(args[0]); c != nil && slices.Contains(cats, c) {
				return completeCodes(ix, []*catalog.Catalog{c}, false, toComplete), codes
			}
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
}

// namedCatalogs are the catalogs with the given ids, in the index's order;
// an unknown id names none (lookup would refuse it).
func namedCatalogs(ix *catalog.Index, ids []string) []*catalog.Catalog {
	var out []*catalog.Catalog
	for _, c := range ix.Catalogs {
		if slices.ContainsFunc(ids, func(id string) bool { return strings.EqualFold(id, c.ID) }) {
			out = append(out, c)
		}
	}
	return out
}

func completeCatalogIDs(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, c := range f.Index().Catalogs {
			if hasFoldPrefix(c.ID, toComplete) {
				out = append(out, candidate(c.ID, fmt.Sprintf("%s (%s)", render.Clip(c.Name, 60), render.Count(int64(c.Len()), "entry", "entries"))))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
	}
}

func completeColor(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return []string{"auto\tcolour on a terminal (default)", "always\tcolour even on a pipe", "never\tno colour"},
		cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

// completeStatus offers the status classes and, for list, nothing more;
// for explain's --status, every registered status.
func completeStatus(f *Factory, classes bool) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var out []string
		if classes {
			for _, c := range []string{"1xx\tInformational", "2xx\tSuccessful", "3xx\tRedirection", "4xx\tClient Error", "5xx\tServer Error"} {
				if hasFoldPrefix(c, toComplete) {
					out = append(out, c)
				}
			}
		}
		if http := f.Index().Catalog(catalog.HTTPCatalog); http != nil && toComplete != "" {
			for _, e := range http.All() {
				if e.Kind == catalog.Documented && strings.HasPrefix(e.Code, toComplete) && completable(e.Code) {
					out = append(out, candidate(e.Code, e.Title))
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
	}
}
