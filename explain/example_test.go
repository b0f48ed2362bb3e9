package explain_test

import (
	"fmt"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/explain"
)

// Parse reads what curl -si printed; Diagnose names the error, whether the
// response failed, whether to retry, and the request id to quote.
func ExampleDiagnose() {
	out := "HTTP/1.1 409 Conflict\r\n" +
		"Content-Type: application/json\r\n" +
		"X-Request-Id: 5f1c2a7e-emnify-0001\r\n" +
		"\r\n" +
		`{"error_code":1405,"error_token":"Duplicated","message":"IP Address Space with Id '27' already assigned."}`
	ix := catalog.NewIndex(catalog.Builtin())
	t := explain.Parse([]byte(out), false)
	d := explain.Diagnose(t.Exchanges[0], ix, explain.Options{})
	fmt.Println("status:", d.Status, d.Reason)
	fmt.Println("catalog:", d.Catalog.ID, "by", d.CatalogFrom)
	for _, f := range d.Findings {
		fmt.Println("error:", f.Code, f.Entry.Token, "-", f.Message)
	}
	fmt.Println("failed:", d.Failed, "retry:", d.Retryable)
	fmt.Println("request id:", d.RequestID, "from", d.RequestIDFrom)
	// Output:
	// status: 409 Conflict
	// catalog: emnify by body shape
	// error: 1405 Duplicated - IP Address Space with Id '27' already assigned.
	// failed: true retry: false
	// request id: 5f1c2a7e-emnify-0001 from X-Request-Id
}

// A transfer that got no response is diagnosed too: curl's failure line
// is curl's exit code.
func ExampleDiagnose_noResponse() {
	ix := catalog.NewIndex(catalog.Builtin())
	t := explain.Parse([]byte("curl: (28) Operation timed out after 1001 milliseconds with 0 bytes received\n"), false)
	d := explain.Diagnose(t.Exchanges[0], ix, explain.Options{})
	f := d.Lead()
	fmt.Println(d.NoResponse, f.Catalog.ID, f.Code, f.Entry.Token)
	fmt.Println("retry:", d.Retryable)
	// Output:
	// true curl 28 CURLE_OPERATION_TIMEDOUT
	// retry: true
}

// A body alone, with its status given as Options.
func ExampleDiagnose_body() {
	ix := catalog.NewIndex(catalog.Builtin())
	body := `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403}`
	t := explain.Parse([]byte(body), false)
	d := explain.Diagnose(t.Exchanges[0], ix, explain.Options{Status: 403})
	fmt.Println(t.Format, d.Status, d.Shape, d.Failed)
	fmt.Println(d.Lead().Message)
	// Output:
	// body 403 problem true
	// You do not have enough credit.
}

// ExplainLog streams a log and groups its error records: identical
// errors are counted once, most actionable first.
func ExampleExplainLog() {
	log := `{"time":"2026-12-07T08:14:16Z","level":"INFO","msg":"worker started"}
{"time":"2026-12-07T08:14:17Z","level":"ERROR","msg":"request failed","status":429,"error":{"code":"rate_limit_exceeded","message":"Too many requests"}}
{"time":"2026-12-07T08:14:18Z","level":"ERROR","msg":"request failed","status":429,"error":{"code":"rate_limit_exceeded","message":"Too many requests"}}
{"time":"2026-12-07T08:14:19Z","level":"INFO","msg":"done"}
`
	ix := catalog.NewIndex(catalog.Builtin())
	rep, err := explain.ExplainLog(strings.NewReader(log), ix, explain.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println(rep.Format, rep.Lines, "lines,", rep.ErrorRecords, "error records")
	for _, g := range rep.Groups {
		d := g.Diagnosis
		fmt.Printf("%dx lines %d-%d: status %d, retryable %v\n", g.Count, g.FirstLine, g.LastLine, d.Status, d.Retryable)
		if f := d.Lead(); f != nil {
			fmt.Println(" ", f.Code, "-", f.Message)
		}
	}
	// Output:
	// JSON log 4 lines, 2 error records
	// 2x lines 2-3: status 429, retryable true
	//   rate_limit_exceeded - Too many requests
}
