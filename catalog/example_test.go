package catalog_test

import (
	"encoding/json"
	"fmt"

	"github.com/errcode-dev/errcode/catalog"
)

// Look a code up in every built-in catalog, as errcode lookup does. A
// catalog's id before the code restricts the search to it.
func ExampleIndex_Lookup() {
	ix := catalog.NewIndex(catalog.Builtin())
	for _, q := range []string{"curl 28", "1405", "DEADLINE_EXCEEDED"} {
		res := ix.Lookup(catalog.Query{Text: q})
		for _, m := range res.Matches {
			fmt.Printf("%s: %s:%s %s (%d) [%s]\n", q, m.Catalog.ID, m.Entry.Code, m.Entry.Token, m.Entry.Status, m.Kind)
		}
	}
	// Output:
	// curl 28: curl:28 CURLE_OPERATION_TIMEDOUT (0) [code]
	// 1405: emnify:1405 Duplicated (409) [code]
	// DEADLINE_EXCEEDED: grpc:4 DEADLINE_EXCEEDED (504) [token]
}

// A Query can name the catalogs to search; an HTTP status then finds
// every entry of theirs with that status.
func ExampleIndex_Lookup_catalogs() {
	ix := catalog.NewIndex(catalog.Builtin())
	res := ix.Lookup(catalog.Query{Text: "409", Catalogs: []string{"emnify"}})
	for _, m := range res.Matches {
		fmt.Println(m.Entry.Code, m.Entry.Token, m.Kind)
	}
	// Output:
	// 1405 Duplicated status
	// 1407 CannotBeDeleted status
	// 2101 UnableToActivate status
}

// When nothing matches, Suggestions names close codes.
func ExampleIndex_Lookup_suggestions() {
	ix := catalog.NewIndex(catalog.Builtin())
	res := ix.Lookup(catalog.Query{Text: "1490"})
	fmt.Println(len(res.Matches), res.Suggestions)
	// Output:
	// 0 [emnify:1400 emnify:1409 sqlite:SQLITE_IOERR_DIR_FSYNC]
}

// Find is how a response's error is matched to an entry: by its code,
// else its token (the one with the response's status first), else the
// range a numeric code falls in.
func ExampleCatalog_Find() {
	ix := catalog.NewIndex(catalog.Builtin())
	grpc := ix.Catalog("grpc")
	fmt.Println(grpc.Find("14", "", 0).Token)
	fmt.Println(grpc.Find("", "UNAVAILABLE", 503).Code)
	emnify := ix.Catalog("emnify")
	fmt.Println(emnify.Find("2205", "", 0).Code)
	// Output:
	// UNAVAILABLE
	// 14
	// 2200-2299
}

// The HTTP registry's entry for a status.
func ExampleIndex_StatusEntry() {
	ix := catalog.NewIndex(catalog.Builtin())
	e := ix.StatusEntry(429)
	fmt.Println(e.Code, e.Title, e.Retryable == catalog.RetryYes)
	// Output:
	// 429 Too Many Requests true
}

// A program's own catalog joins the built-in ones; one with a built-in
// id extends it, its entries replacing those with the same code. The
// built-in catalogs are not changed.
func ExampleMerge() {
	acme := &catalog.Catalog{ID: "acme", Name: "ACME API", Entries: []catalog.Entry{
		{Code: "ACME-1001", Token: "DuplicateWidget", Status: 409, Title: "A widget with this name exists"},
	}}
	ix := catalog.NewIndex(catalog.Merge(catalog.Builtin(), []*catalog.Catalog{acme}))
	m := ix.Lookup(catalog.Query{Text: "acme 1001"}).Matches[0]
	fmt.Println(m.Catalog.Name, m.Entry.Code, m.Entry.Status)
	// Output:
	// ACME API ACME-1001 409
}

// Codes, tokens and queries compare by Key: case and separators do not
// matter.
func ExampleKey() {
	fmt.Println(catalog.Key("AUTH-401"), catalog.Key("auth 401"), catalog.Key("0x07"))
	// Output:
	// auth401 auth401 0x7
}

// A Path finds values in a decoded JSON body; alternatives are separated
// by |, and [] steps into every element of an array.
func ExamplePath_Values() {
	var body any
	json.Unmarshal([]byte(`{"errors": [{"code": "E1"}, {"code": "E2"}]}`), &body)
	p, err := catalog.ParsePath("error.code|errors[].code")
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Values(body))
	// Output:
	// [E1 E2]
}
