package mcpserver_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/internal/mcpserver"
	"github.com/errcode-dev/errcode/internal/testenv"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func TestMain(m *testing.M) {
	cleanup, err := testenv.Isolate()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir) // the binaries stdio_test.go built
	}
	cleanup()
	os.Exit(code)
}

const acmeCatalog = `id: acme
name: ACME API
entries:
  - code: ACME-1001
    title: Card expired
    status: 402
`

// env is an environment of the test's own, with a user catalog in
// $ERRCODE_CATALOG_PATH: the server and the command line read the same.
func env(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "acme.yaml"), []byte(acmeCatalog), 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "XDG_CACHE_HOME=" + filepath.Join(dir, "cache"), "ERRCODE_CATALOG_PATH=" + dir}
}

func getenv(env []string) func(string) string {
	return func(key string) string {
		for _, kv := range slices.Backward(env) {
			if k, v, ok := strings.Cut(kv, "="); ok && k == key {
				return v
			}
		}
		return ""
	}
}

// inMemory connects the SDK's client to a server in this process.
func inMemory(t *testing.T, env []string) *mcp.ClientSession {
	t.Helper()
	ctx := context.Background()
	srv, err := mcpserver.New(mcpserver.Options{Version: "test", Getenv: getenv(env), Warn: func(msg string) { t.Errorf("warning: %s", msg) }})
	if err != nil {
		t.Fatal(err)
	}
	st, ct := mcp.NewInMemoryTransports()
	ss, err := srv.Connect(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ss.Close() })
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "1"}, nil).Connect(ctx, ct, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cs.Close() })
	return cs
}

// cli runs errcode as the command line, in this process.
func cli(env []string, stdin string, args ...string) (stdout, stderr string, code int) {
	ios, in, out, errOut := cmd.Test(env...)
	in.WriteString(stdin)
	code = cmd.Run(ios, args)
	return out.String(), errOut.String(), code
}

func call(t *testing.T, cs *mcp.ClientSession, tool string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: tool, Arguments: args})
	if err != nil {
		t.Fatalf("%s %v: %v", tool, args, err)
	}
	return res
}

func text(res *mcp.CallToolResult, i int) string {
	if i >= len(res.Content) {
		return ""
	}
	if tc, ok := res.Content[i].(*mcp.TextContent); ok {
		return tc.Text
	}
	return ""
}

// normal is v as a JSON value (maps, slices, float64s).
func normal(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

const (
	responses = "../../cmd/testdata/responses/"
	logs      = "../../cmd/testdata/logs/"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sameAsCLI is a table of tool calls and the commands that answer the same.
func sameAsCLI(t *testing.T) []struct {
	tool  string
	args  map[string]any
	cli   []string
	stdin string
} {
	return []struct {
		tool  string
		args  map[string]any
		cli   []string
		stdin string
	}{
		{"lookup", map[string]any{"query": "1405"}, []string{"lookup", "--json", "1405"}, ""},
		{"lookup", map[string]any{"query": "409"}, []string{"lookup", "--json", "409"}, ""},
		{"lookup", map[string]any{"query": "409", "limit": 0}, []string{"lookup", "--json", "-n", "0", "409"}, ""},
		{"lookup", map[string]any{"query": "409", "catalog": []string{"emnify", "http"}, "limit": 2}, []string{"lookup", "--json", "-c", "emnify", "-c", "http", "-n", "2", "409"}, ""},
		{"lookup", map[string]any{"query": "rate limit"}, []string{"lookup", "--json", "rate", "limit"}, ""},
		{"lookup", map[string]any{"query": "1490"}, []string{"lookup", "--json", "1490"}, ""},
		{"lookup", map[string]any{"query": "ACME-1001"}, []string{"lookup", "--json", "ACME-1001"}, ""}, // a user catalog
		{"explain", map[string]any{"text": read(t, responses+"curl-si-aws-json.txt")}, []string{"explain", "--json"}, read(t, responses+"curl-si-aws-json.txt")},
		{"explain", map[string]any{"text": read(t, responses+"curl-sS-resolve.txt")}, []string{"explain", "--json"}, read(t, responses+"curl-sS-resolve.txt")},
		{"explain", map[string]any{"text": `{"error_code":1405,"error_token":"Duplicated","message":"x"}`, "status": 409}, []string{"explain", "--json", "--status", "409"}, `{"error_code":1405,"error_token":"Duplicated","message":"x"}`},
		{"explain", map[string]any{"text": "HTTP/1.1 404 Not Found\r\n\r\n{\"code\":\"not_found\"}", "catalog": "wontopos"}, []string{"explain", "--json", "-c", "wontopos"}, "HTTP/1.1 404 Not Found\r\n\r\n{\"code\":\"not_found\"}"},
		{"explain", map[string]any{"text": read(t, responses+"handmade-devtools.har")}, []string{"explain", "--json"}, read(t, responses+"handmade-devtools.har")},
		{"explain", map[string]any{"text": read(t, logs+"go-slog-json.log")}, []string{"explain", "--json"}, read(t, logs+"go-slog-json.log")},
		{"catalogs", map[string]any{}, []string{"catalogs", "--json"}, ""},
	}
}

// Every tool answers what the command line's --json prints: the same
// value as structured content, the same bytes as the text after the
// summary.
func TestSameAnswersAsTheCommandLine(t *testing.T) {
	env := env(t)
	cs := inMemory(t, env)
	for _, tc := range sameAsCLI(t) {
		name := tc.tool + " = errcode " + strings.Join(tc.cli, " ")
		res := call(t, cs, tc.tool, tc.args)
		if res.IsError {
			t.Errorf("%s: tool error %q", name, text(res, 0))
			continue
		}
		stdout, _, _ := cli(env, tc.stdin, tc.cli...)
		var want any
		if err := json.Unmarshal([]byte(stdout), &want); err != nil {
			t.Fatalf("%s: the command printed no JSON: %v\n%s", name, err, stdout)
		}
		if got := normal(t, res.StructuredContent); !reflect.DeepEqual(got, want) {
			g, _ := json.Marshal(got)
			t.Errorf("%s: structured content differs from the command's JSON:\n got %.600s\nwant %.600s", name, g, stdout)
		}
		if got := text(res, 1); got != stdout {
			t.Errorf("%s: the JSON text differs from the command's output:\n got %.300s\nwant %.300s", name, got, stdout)
		}
		if s := text(res, 0); s == "" || strings.HasPrefix(s, "{") {
			t.Errorf("%s: no summary first: %q", name, s)
		}
	}
}

// The summaries say what the command line would: the best match, the
// headline of explain's card, a not-found message in its words.
func TestSummaries(t *testing.T) {
	env := env(t)
	cs := inMemory(t, env)
	for _, tc := range []struct {
		tool string
		args map[string]any
		want string
	}{
		{"lookup", map[string]any{"query": "1405"}, "1 match for \"1405\", best first:\nemnify:1405  409  Duplicated: {Object} - {field} already exists"},
		{"explain", map[string]any{"text": read(t, responses+"curl-sS-resolve.txt")}, "no response (Could not resolve host)  retryable: curl:6 CURLE_COULDNT_RESOLVE_HOST"},
		{"explain", map[string]any{"text": "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 60\r\n\r\n", "status": 500}, "HTTP/1.1 429 Too Many Requests  retryable, after 60 seconds\nwarning: --status 500 is not used: the response's status line says 429"},
	} {
		if got := text(call(t, cs, tc.tool, tc.args), 0); got != tc.want {
			t.Errorf("%s %v: summary\n%q\nwant\n%q", tc.tool, tc.args["query"], got, tc.want)
		}
	}
	// Nothing found is an answer (the structured content says so), in the
	// command line's words.
	res := call(t, cs, "lookup", map[string]any{"query": "1490"})
	_, stderr, code := cli(env, "", "lookup", "1490")
	if res.IsError || code != 1 || text(res, 0)+"\n" != stderr {
		t.Errorf("lookup 1490: error %v, summary %q; the command line (exit %d) says %q", res.IsError, text(res, 0), code, stderr)
	}
}

// A question errcode cannot answer as asked is a tool error (not a
// protocol error), worded as the command line words it.
func TestToolErrorsSayWhatTheCommandLineSays(t *testing.T) {
	env := env(t)
	cs := inMemory(t, env)
	for _, tc := range []struct {
		tool string
		args map[string]any
		cli  []string
	}{
		{"lookup", map[string]any{"query": "1405", "catalog": []string{"nope"}}, []string{"lookup", "-c", "nope", "1405"}},
		{"lookup", map[string]any{"query": "!!"}, []string{"lookup", "!!"}},
		{"lookup", map[string]any{"query": "emnify:"}, []string{"lookup", "emnify:"}},
		{"lookup", map[string]any{"query": strings.Repeat("a", 600)}, []string{"lookup", strings.Repeat("a", 600)}},
		{"lookup", map[string]any{"query": "1405", "limit": -1}, []string{"lookup", "-n", "-1", "1405"}},
		{"explain", map[string]any{"text": "x", "catalog": "nope"}, []string{"explain", "-c", "nope"}},
		{"explain", map[string]any{"text": "x", "status": 42}, []string{"explain", "--status", "42"}},
	} {
		res := call(t, cs, tc.tool, tc.args)
		_, stderr, code := cli(env, "x", tc.cli...)
		if !res.IsError || code != 2 || text(res, 0)+"\n" != stderr {
			t.Errorf("%s %v: error %v, %q; the command line (exit %d) says %q", tc.tool, tc.cli, res.IsError, text(res, 0), code, stderr)
		}
	}
	if res := call(t, cs, "explain", map[string]any{"text": ""}); !res.IsError || !strings.HasPrefix(text(res, 0), "errcode: no input") {
		t.Errorf("explain of nothing: error %v, %q", res.IsError, text(res, 0))
	}
}

// Credentials in the input never come back: not in the structured
// content, not in the text.
func TestNoCredentialEchoed(t *testing.T) {
	cs := inMemory(t, env(t))
	secrets := []string{"sk_live_4eC39HqLyjWDarjtT1zdp7dc", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl", "hunter2hunter2hunter2", "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}
	for _, in := range []string{
		"HTTP/1.1 401 Unauthorized\r\nAuthorization: Bearer " + secrets[0] + "\r\nContent-Type: application/json\r\n\r\n{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Invalid API key " + secrets[0] + "\"}}",
		"> GET /v1/x HTTP/1.1\r\n> Authorization: Bearer " + secrets[1] + "\r\n> Cookie: session=" + secrets[2] + "\r\n>\r\n< HTTP/1.1 403 Forbidden\r\n<\r\n{\"message\":\"token " + secrets[3] + " lacks scope\",\"access_token\":\"" + secrets[2] + "\"}",
	} {
		res := call(t, cs, "explain", map[string]any{"text": in})
		all, _ := json.Marshal(res)
		for _, s := range secrets {
			if strings.Contains(string(all), s) {
				t.Errorf("the result echoes %s:\n%.800s", s, all)
			}
		}
		if res.IsError || res.StructuredContent == nil {
			t.Errorf("no explanation: %s", all)
		}
	}
}

// The tools are listed with their schemas: typed inputs, and outputs under
// the published schemas; all read-only.
func TestListTools(t *testing.T) {
	cs := inMemory(t, env(t))
	res, err := cs.ListTools(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tool := range res.Tools {
		names = append(names, tool.Name)
		if tool.InputSchema == nil || tool.OutputSchema == nil || tool.Annotations == nil || !tool.Annotations.ReadOnlyHint {
			t.Errorf("%s: input schema %v, output schema %v, annotations %+v", tool.Name, tool.InputSchema != nil, tool.OutputSchema != nil, tool.Annotations)
		}
		out, _ := json.Marshal(tool.OutputSchema)
		if !strings.Contains(string(out), `"type":"object"`) || !strings.Contains(string(out), `"additionalProperties":false`) {
			t.Errorf("%s: output schema is not a closed object: %.300s", tool.Name, out)
		}
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"catalogs", "explain", "lookup"}) {
		t.Errorf("tools: %v", names)
	}
}

// Each tool's output schema is the published schema of its command's
// --json (the explain tool's: any of a response's, a HAR file's, a log's).
func TestOutputSchemasArePublished(t *testing.T) {
	cs := inMemory(t, env(t))
	res, err := cs.ListTools(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	published := func(name string) map[string]any {
		b, err := os.ReadFile("../../schemas/" + name + ".schema.json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		delete(m, "$schema")
		delete(m, "$id")
		delete(m, "title")
		return m
	}
	for _, tool := range res.Tools {
		got := normal(t, tool.OutputSchema).(map[string]any)
		delete(got, "title")
		var want map[string]any
		switch tool.Name {
		case "explain":
			want = map[string]any{"type": "object", "anyOf": []any{published("explain"), published("explain-har"), published("explain-log")}}
			for _, sub := range got["anyOf"].([]any) {
				delete(sub.(map[string]any), "title")
			}
		default:
			want = published(tool.Name)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the output schema is not the published one", tool.Name)
		}
	}
}
