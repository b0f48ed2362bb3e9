package render_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/explain"
	"github.com/errcode-dev/errcode/render"
)

var explainInputs = []string{
	"curl-si-wontopos-ratelimit.txt", "curl-si-emnify-validation.txt", "curl-si-hostile.txt",
	"curl-si-L-redirects.txt", "curl-si-ironwifi-ratelimit.txt", "curl-sSi-truncated.txt",
	"curl-sS-resolve.txt", "curl-sSf-404.txt", "curl-sS-http2-reset.txt", "curl-si-grpc-trailers-only.txt",
	"curl-si-k8s-invalid.txt", "curl-si-postgrest-unique.txt", "httpie-self-signed.txt",
}

// explain's output as a terminal shows it (styled, wrapped at 72 columns)
// and as a pipe gets it.
func TestExplainGolden(t *testing.T) {
	ix := catalog.NewIndex(catalog.Builtin())
	for _, tc := range []struct {
		name    string
		profile colorprofile.Profile
		width   int
	}{
		{"explain_tty72.golden", colorprofile.ANSI, 72},
		{"explain_plain.golden", colorprofile.NoTTY, 0},
	} {
		var b bytes.Buffer
		r := render.New(&b, tc.profile, tc.width)
		for _, name := range explainInputs {
			data, err := os.ReadFile("../cmd/testdata/responses/" + name)
			if err != nil {
				t.Fatal(err)
			}
			tr := explain.Parse(data, false)
			d := explain.Diagnose(tr.Exchanges[0], ix, explain.Options{})
			b.WriteString("==== " + name + "\n")
			if err := r.Explain(render.ExplainInput{D: &d, Format: tr.Format}); err != nil {
				t.Fatal(err)
			}
		}
		golden(t, tc.name, b.Bytes())
		plain := stripANSI(b.String())
		for _, line := range strings.Split(plain, "\n") {
			if strings.HasSuffix(line, " ") {
				t.Errorf("%s: trailing white space: %q", tc.name, line)
			}
			if tc.width > 0 && len([]rune(line)) > tc.width && strings.Contains(strings.TrimSpace(line), " ") && !strings.Contains(line, "://") {
				t.Errorf("%s: line wider than %d: %q", tc.name, tc.width, line)
			}
		}
		// The hostile response's escape sequences and BEL come out escaped.
		if strings.ContainsAny(plain, "\x07\x1b") {
			t.Errorf("%s: control characters from the input reached the output", tc.name)
		}
	}
}

// A chain longer than errcode keeps says how many earlier responses it
// left out, in text and JSON.
func TestExplainHopsOmitted(t *testing.T) {
	d := explain.Diagnosis{Status: 404, HopsOmitted: 7, Hops: []explain.Hop{{Protocol: "HTTP/1.1", Status: 302, Reason: "Found", Location: "/x"}}}
	var b bytes.Buffer
	if err := render.New(&b, colorprofile.NoTTY, 0).Explain(render.ExplainInput{D: &d, Format: "http"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "  Before it    … 7 earlier responses, not shown (errcode keeps the last 1)\n               HTTP/1.1 302 Found → /x\n") {
		t.Errorf("text:\n%s", b.String())
	}
	if j := render.Diagnosis(render.ExplainInput{D: &d, Format: "http"}); j.RedirectsOmitted != 7 {
		t.Errorf("redirects_omitted = %d, want 7", j.RedirectsOmitted)
	}
}

// A finding's message, field, detail and hint, and a note, print at most
// render.MaxShown bytes each in text, cut at a character's start, with the
// rest counted; --json keeps them whole.
func TestExplainBoundsLongText(t *testing.T) {
	long := strings.Repeat("a", render.MaxShown-2) + "é" + strings.Repeat("b", 262_000) // é straddles the bound
	d := explain.Diagnosis{Status: 400, Outcome: explain.OutcomeFailed, Failed: true, Notes: []string{"n" + long},
		Findings: []explain.Finding{{Item: explain.Item{Code: "x", Message: "m" + long, Field: "f" + long, Detail: "d" + long, Hint: "h" + long}}}}
	var b bytes.Buffer
	if err := render.New(&b, colorprofile.NoTTY, 0).Explain(render.ExplainInput{D: &d, Format: "http"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, p := range []string{"m", "field f", "detail d", "hint h", "Tool said    n"} {
		want := p + strings.Repeat("a", render.MaxShown-2) + "… (262002 more bytes)\n"
		if !strings.Contains(out, want) {
			t.Errorf("%q not cut at %d bytes with the rest counted", p, render.MaxShown)
		}
	}
	if len(out) > 6*render.MaxShown {
		t.Errorf("text output is %d bytes", len(out))
	}
	j := render.Diagnosis(render.ExplainInput{D: &d, Format: "http"})
	if e := j.Errors[0]; *e.Message != "m"+long || *e.Detail != "d"+long || *e.Hint != "h"+long || *e.Field != "f"+long || j.Notes[0] != "n"+long {
		t.Error("--json did not keep the long text whole")
	}
}

// A body cut at explain.MaxBody is said to be cut, not called invalid
// JSON (its JSON stops where errcode stopped reading); a body that is
// invalid JSON whole is called that.
func TestExplainBodyCut(t *testing.T) {
	for _, tc := range []struct {
		cut, repaired bool
		want, not     string
	}{
		{true, true, "  Input        http, body cut at 256 KiB\n", "not valid JSON"},
		{false, true, "  Input        http, body is not valid JSON (read leniently)\n", "cut at"},
	} {
		d := explain.Diagnosis{Status: 500, BodyCut: tc.cut, Repaired: tc.repaired}
		var b bytes.Buffer
		if err := render.New(&b, colorprofile.NoTTY, 0).Explain(render.ExplainInput{D: &d, Format: "http"}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tc.want) || strings.Contains(b.String(), tc.not) {
			t.Errorf("cut %v: %q, want %q", tc.cut, b.String(), tc.want)
		}
		if j := render.Diagnosis(render.ExplainInput{D: &d, Format: "http"}); j.Input.BodyCut != tc.cut || j.Input.Repaired != tc.repaired {
			t.Errorf("cut %v: --json input %+v", tc.cut, j.Input)
		}
	}
}
