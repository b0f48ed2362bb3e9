package explain

import "testing"

// What botocore and the aws CLI print: the code in parentheses, or, for a
// response with no body, the HTTP status there (the aws catalog's lines).
func TestBotocoreLines(t *testing.T) {
	trace := "Traceback (most recent call last):\n  File \"x.py\", line 10, in <module>\n    s3.get_object(Bucket=\"b\", Key=\"k\")\n"
	for _, c := range []struct {
		name, in     string
		status       int
		code, detail string
		findings     int
	}{
		{"a code", trace + "botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied\n",
			0, "AccessDenied", "operation GetObject", 1},
		{"a bodiless response's status", "\ndownload failed: s3://b/k to - An error occurred (404) when calling the HeadObject operation (reached max retries: 0): Not Found\n",
			404, "", "operation HeadObject", 1},
		{"the status in a trace", trace + "botocore.exceptions.ClientError: An error occurred (503) when calling the HeadObject operation: Service Unavailable\n",
			503, "", "operation HeadObject", 1},
		// A code made of digits that is no status stays a code.
		{"a number that is no status", "An error occurred (1234) when calling the PutItem operation: m\n", 0, "1234", "operation PutItem", 1},
	} {
		d := diagnose(t, c.in)
		if d.Catalog == nil || d.Catalog.ID != "aws" || d.Status != c.status || len(d.Findings) != c.findings {
			t.Errorf("%s: catalog %v, status %d, %d findings; want aws, %d, %d", c.name, d.Catalog, d.Status, len(d.Findings), c.status, c.findings)
			continue
		}
		if f := d.Findings[0]; f.Code != c.code || f.Detail != c.detail {
			t.Errorf("%s: %q %q, want %q %q", c.name, f.Code, f.Detail, c.code, c.detail)
		}
	}
}

// A trace's bare exception is not a second error when a catalog's line
// claimed it; another exception line is kept.
func TestLineClaimRestates(t *testing.T) {
	lc := lineClaim{line: "botocore.exceptions.ClientError: An error occurred (X) when calling the Y operation: m"}
	for _, c := range []struct {
		it   Item
		want bool
	}{
		{Item{Message: lc.line, From: "Python traceback", Fails: true}, true},
		{Item{Message: "RuntimeError: sync failed"}, false},
		{Item{Message: lc.line, Code: "7", Vocab: "curl"}, false},
	} {
		if got := lc.restates(c.it); got != c.want {
			t.Errorf("restates(%+v) = %v, want %v", c.it, got, c.want)
		}
	}
}
