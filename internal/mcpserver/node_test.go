package mcpserver_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// e2eDir holds the Node client and its pinned @modelcontextprotocol/sdk
// (npm ci --prefix internal/mcpserver/testdata/e2e).
const e2eDir = "testdata/e2e"

// A client no one here wrote, the TypeScript SDK's, spawns errcode mcp,
// lists its tools and calls each: the answers are the command line's, and
// valid under the tools' output schemas (the SDK's client checks them).
// Skipped where Node or the package is missing, except in CI (CI=true),
// which installs both: there it fails.
func TestNodeClient(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		needed(t, "node is not installed (the end-to-end test with the TypeScript MCP SDK's client needs Node.js 18 or newer)")
	}
	if !pinnedSDKInstalled(t) {
		needed(t, "@modelcontextprotocol/sdk is not installed for the end-to-end test: run npm ci --prefix internal/mcpserver/testdata/e2e")
	}
	dir := binaries(t)
	env := env(t)
	type callJSON struct {
		Name      string         `json:"name"`
		Arguments map[string]any `json:"arguments"`
	}
	cases := sameAsCLI(t)
	var calls []callJSON
	for _, tc := range cases {
		calls = append(calls, callJSON{tc.tool, tc.args})
	}
	calls = append(calls, callJSON{"lookup", map[string]any{"query": "1405", "catalog": []string{"nope"}}})
	callsFile := filepath.Join(t.TempDir(), "calls.json")
	b, _ := json.Marshal(calls)
	if err := os.WriteFile(callsFile, b, 0o644); err != nil {
		t.Fatal(err)
	}
	c := exec.Command(node, "e2e.mjs", filepath.Join(dir, exe("errcode")), callsFile)
	c.Dir = e2eDir
	c.Env = append(os.Environ(), env...)
	var stderr strings.Builder
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil {
		t.Fatalf("node e2e.mjs: %v\n%s", err, stderr.String())
	}
	var got struct {
		Server struct{ Name string }
		Tools  []struct {
			Name          string
			ReadOnly      bool
			Input, Output map[string]any
		}
		Results []struct {
			IsError           bool
			StructuredContent any
			Text              []string
		}
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node e2e.mjs printed %v: %.500s", err, out)
	}
	if got.Server.Name != "errcode" || len(got.Tools) != 3 || len(got.Results) != len(calls) {
		t.Fatalf("server %q, %d tools, %d results of %d calls", got.Server.Name, len(got.Tools), len(got.Results), len(calls))
	}
	for _, tool := range got.Tools {
		if !tool.ReadOnly || tool.Input["type"] != "object" || tool.Output["type"] != "object" {
			t.Errorf("tool %s: read-only %v, input %v, output type %v", tool.Name, tool.ReadOnly, tool.Input["type"], tool.Output["type"])
		}
	}
	for i, tc := range cases {
		r := got.Results[i]
		stdout, _, _ := cli(env, tc.stdin, tc.cli...)
		var want any
		if err := json.Unmarshal([]byte(stdout), &want); err != nil {
			t.Fatal(err)
		}
		if r.IsError || !reflect.DeepEqual(r.StructuredContent, want) || len(r.Text) != 2 || r.Text[1] != stdout {
			t.Errorf("%s = errcode %s: the TypeScript client got something else (error %v): %.300v", tc.tool, strings.Join(tc.cli, " "), r.IsError, r.Text)
		}
	}
	last := got.Results[len(got.Results)-1]
	_, stderrCLI, _ := cli(env, "", "lookup", "-c", "nope", "1405")
	if !last.IsError || len(last.Text) != 1 || last.Text[0]+"\n" != stderrCLI {
		t.Errorf("unknown catalog: error %v, %q; the command line says %q", last.IsError, last.Text, stderrCLI)
	}
}

// needed skips the test, or in CI fails it: CI installs Node and the package.
func needed(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why + "; CI must install it (see .ci/run)")
	}
	t.Skip(why)
}

// pinnedSDKInstalled says whether node_modules holds the SDK at the version
// package.json pins.
func pinnedSDKInstalled(t *testing.T) bool {
	var pin, installed struct {
		Version      string
		Dependencies map[string]string
	}
	b, err := os.ReadFile(filepath.Join(e2eDir, "package.json"))
	if err != nil || json.Unmarshal(b, &pin) != nil {
		t.Fatalf("%s/package.json: %v", e2eDir, err)
	}
	b, err = os.ReadFile(filepath.Join(e2eDir, "node_modules/@modelcontextprotocol/sdk/package.json"))
	if err != nil || json.Unmarshal(b, &installed) != nil {
		return false
	}
	if want := pin.Dependencies["@modelcontextprotocol/sdk"]; installed.Version != want {
		needed(t, "node_modules holds @modelcontextprotocol/sdk "+installed.Version+", package.json pins "+want+": run npm ci --prefix internal/mcpserver/testdata/e2e")
	}
	return true
}
