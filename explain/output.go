package explain

import (
	"bytes"
	"slices"
)

// Output that is neither a transcript nor a HAR file has two readings: a
// program's (its trace, its runtime's and SDK's words) and a body's (what
// the program printed of the response: a JSON error, a status line of its
// own). Both are made here, in one place, and the richer is kept, so that
// explain and errcode run (which both call Parse) read the same output the
// same way:
//
//   - no program reading (nothing in the output is a program's failure):
//     the body's;
//   - the body's reading states strictly more facts than the program's:
//     the body's (a trace that names only its exception, beside the error
//     body the program printed: the body's code says more);
//   - otherwise the program's (a trace is what happened; the body reading
//     of a trace adds nothing to it).
//
// The facts counted (richness) are a status, each error with a code or a
// token, and a request id.
func readOutput(data []byte) (format string, ex Exchange) {
	var asBody Exchange
	asBody.Body, asBody.Notes = cleanBody(data)
	p, ok := readProgram(data)
	if !ok {
		return "body", asBody
	}
	if i := printedJSON(data); i > 0 {
		asBody = Exchange{} // the body the program printed, after its trace or its log lines
		asBody.Body, asBody.Notes = cleanBody(data[i:])
	}
	asProgram := p.exchange()
	if richness(asBody) > richness(asProgram) {
		return "body", asBody
	}
	return p.format, asProgram
}

// richness counts the facts a reading of the output states: its status,
// its errors with a code or a token (outside the body and in it), its
// request id. Recognisers only: no catalog is asked.
func richness(ex Exchange) int {
	b := readBody(ex.Body)
	n := 0
	if ex.Status != 0 || b.Status != 0 {
		n++
	}
	for _, it := range slices.Concat(ex.Carried, b.Items) {
		if it.Code != "" || it.Token != "" {
			n++
		}
	}
	if ex.RequestID != "" || b.RequestID != "" {
		n++
	}
	return n
}

// printedJSON is where the first line of data that opens a JSON object
// starts ({" at the start of a line), 0 when there is none: a body a
// program printed beside its trace.
func printedJSON(data []byte) int {
	head := data[:min(len(data), maxHead)]
	if i := bytes.Index(head, []byte("\n{\"")); i >= 0 {
		return i + 1
	}
	return 0
}
