package schemas_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/internal/testenv"
	"github.com/errcode-dev/errcode/schemas"
	"github.com/google/jsonschema-go/jsonschema"
)

// errcode runs with this process's environment: not the developer's.
func TestMain(m *testing.M) { testenv.Main(m) }

// The committed schemas are what the Go types generate now.
func TestSchemasAreFresh(t *testing.T) {
	files, err := schemas.Files()
	if err != nil {
		t.Fatal(err)
	}
	committed, _ := filepath.Glob("*.schema.json")
	if len(committed) != len(files) {
		t.Errorf("schemas/ holds %d schemas, the generator makes %d: run go generate ./schemas", len(committed), len(files))
	}
	for name, want := range files {
		if got, err := os.ReadFile(name); err != nil || !bytes.Equal(got, want) {
			t.Errorf("schemas/%s is stale: run go generate ./schemas and commit the result", name)
		}
	}
}

// committed resolves a committed schema, as a reader of the published
// file would.
func committed(t *testing.T, name string) *jsonschema.Resolved {
	t.Helper()
	b, err := os.ReadFile(name + ".schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s jsonschema.Schema
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("%s.schema.json: %v", name, err)
	}
	rs, err := s.Resolve(nil)
	if err != nil {
		t.Fatalf("%s.schema.json: %v", name, err)
	}
	return rs
}

const userCatalog = `id: acme
name: ACME API
entries:
  - code: ACME-1001
    title: Card expired
    status: 402
`

// Real outputs of the built errcode are valid under the committed schemas.
func TestOutputsMatchSchemas(t *testing.T) {
	bin := build(t)
	acme := filepath.Join(t.TempDir(), "acme.yaml")
	if err := os.WriteFile(acme, []byte(userCatalog), 0o644); err != nil {
		t.Fatal(err)
	}
	responses := "../cmd/testdata/responses/"
	for _, tc := range []struct {
		schema string
		args   []string
		stdin  string
	}{
		{"lookup", []string{"lookup", "1405", "--json"}, ""},
		{"lookup", []string{"lookup", "409", "--json", "-n", "0"}, ""},
		{"lookup", []string{"lookup", "2205", "--json"}, ""},
		{"lookup", []string{"lookup", "rate", "limit", "--json"}, ""},
		{"lookup", []string{"lookup", "duplcated", "--json"}, ""},
		{"lookup", []string{"lookup", "1490", "--json"}, ""}, // nothing, with suggestions
		{"lookup", []string{"lookup", "ACME-1001", "--json", "--catalog-file", acme}, ""},
		{"explain", []string{"explain", "--json", responses + "curl-si-aws-json.txt"}, ""},
		{"explain", []string{"explain", "--json", responses + "curl-si-L-redirects.txt"}, ""},
		{"explain", []string{"explain", "--json", responses + "curl-sS-resolve.txt"}, ""}, // no response
		{"explain", []string{"explain", "--json", "--status", "409"}, `{"error_code":1405,"error_token":"Duplicated","message":"x"}`},
		{"explain", []string{"explain", "--json"}, "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 60\r\nAuthorization: Bearer sk_live_abcdefghijklmnop\r\n\r\n{\"error\":{\"code\":\"rate_limit\"}}"},
		{"explain-har", []string{"explain", "--json", responses + "handmade-devtools.har"}, ""},
		{"explain-log", []string{"explain", "--json", "../cmd/testdata/logs/go-slog-json.log"}, ""},
		{"explain-log", []string{"explain", "--json", "../cmd/testdata/logs/nginx-error.log"}, ""},
		{"list", []string{"list", "--json"}, ""},
		{"list", []string{"list", "--json", "-c", "emnify", "-s", "4xx"}, ""},
		{"catalogs", []string{"catalogs", "--json"}, ""},
		{"catalogs", []string{"catalogs", "--json", "--catalog-file", acme}, ""},
	} {
		name := tc.schema + ": errcode " + strings.Join(tc.args, " ")
		cmd := exec.Command(bin, tc.args...)
		cmd.Stdin = strings.NewReader(tc.stdin)
		out, err := cmd.Output()
		if err != nil && len(out) == 0 {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var v any
		if err := json.Unmarshal(out, &v); err != nil {
			t.Errorf("%s: not JSON: %v", name, err)
			continue
		}
		if err := committed(t, tc.schema).Validate(v); err != nil {
			t.Errorf("%s: does not match schemas/%s.schema.json: %v", name, tc.schema, err)
		}
	}
}

// The schemas are strict: a renamed, an added or a missing field, or a
// null where a list belongs, fails. (So a rename in render fails
// TestOutputsMatchSchemas until the schemas are regenerated, and then the
// diff of the committed schemas shows the break.)
func TestSchemasAreStrict(t *testing.T) {
	rs := committed(t, "catalogs")
	good := `{"catalogs": [{"id": "x", "name": "X", "doc_url": null, "entries": 1, "source": "s", "path": null}]}`
	for _, bad := range []string{
		strings.Replace(good, `"doc_url"`, `"docs_url"`, 1),
		strings.Replace(good, `"path": null`, `"path": null, "extra": 1`, 1),
		strings.Replace(good, `, "path": null`, ``, 1),
		`{"catalogs": null}`,
		strings.Replace(good, `"entries": 1`, `"entries": "1"`, 1),
	} {
		var v any
		if err := json.Unmarshal([]byte(bad), &v); err != nil {
			t.Fatal(err)
		}
		if rs.Validate(v) == nil {
			t.Errorf("valid, but should not be: %s", bad)
		}
	}
	var v any
	_ = json.Unmarshal([]byte(good), &v)
	if err := rs.Validate(v); err != nil {
		t.Errorf("the good one is not valid: %v", err)
	}
}

// build builds errcode for the tests that run it.
func build(t *testing.T) string {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "errcode")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/errcode-dev/errcode").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
