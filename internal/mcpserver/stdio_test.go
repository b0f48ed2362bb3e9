package mcpserver_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

var built struct {
	once sync.Once
	dir  string
	err  error
	out  []byte
}

// binaries builds errcode and errcode-mcp side by side, as a release
// installs them, once for the tests that run them.
func binaries(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binaries")
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "errcode-mcp-test"); built.err != nil {
			return
		}
		built.out, built.err = exec.Command("go", "build", "-o", built.dir+string(filepath.Separator),
			"github.com/errcode-dev/errcode", "github.com/errcode-dev/errcode/cmd/errcode-mcp").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.out)
	}
	return built.dir
}

func exe(name string) string {
	if filepath.Separator == '\\' {
		return name + ".exe"
	}
	return name
}

// The server over stdio, started as a client starts it (errcode mcp, which
// execs errcode-mcp beside it), answers as the built command line does.
func TestStdioAnswersAsTheCommandLine(t *testing.T) {
	dir := binaries(t)
	env := env(t)
	acme := filepath.Join(t.TempDir(), "acme2.yaml")
	if err := os.WriteFile(acme, []byte(strings.ReplaceAll(acmeCatalog, "acme", "acme2")), 0o644); err != nil {
		t.Fatal(err)
	}
	server := exec.Command(filepath.Join(dir, exe("errcode")), "mcp", "--catalog-file", acme)
	server.Env = append(os.Environ(), env...)
	ctx := context.Background()
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "1"}, nil).Connect(ctx, &mcp.CommandTransport{Command: server}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	tools, err := cs.ListTools(ctx, nil)
	if err != nil || len(tools.Tools) != 3 {
		t.Fatalf("tools: %v, %v", tools, err)
	}
	cases := append(sameAsCLI(t), struct {
		tool  string
		args  map[string]any
		cli   []string
		stdin string
	}{"lookup", map[string]any{"query": "acme2:ACME-1001"}, []string{"lookup", "--json", "acme2:ACME-1001"}, ""})
	for _, tc := range cases {
		name := tc.tool + " = errcode " + strings.Join(tc.cli, " ")
		res := call(t, cs, tc.tool, tc.args)
		c := exec.Command(filepath.Join(dir, exe("errcode")), append(tc.cli, "--catalog-file", acme)...)
		c.Env = append(os.Environ(), env...)
		c.Stdin = strings.NewReader(tc.stdin)
		stdout, _ := c.Output()
		var want any
		if err := json.Unmarshal(stdout, &want); err != nil {
			t.Fatalf("%s: the command printed no JSON: %v\n%s", name, err, stdout)
		}
		if res.IsError || !reflect.DeepEqual(normal(t, res.StructuredContent), want) || text(res, 1) != string(stdout) {
			t.Errorf("%s: the server's answer differs from the command's (error %v):\n%.400s", name, res.IsError, text(res, 0))
		}
	}
}

// A response is read up to 16 MiB, as the command line reads it, and the
// answer says it was cut.
func TestExplainIsBounded(t *testing.T) {
	dir := binaries(t)
	server := exec.Command(filepath.Join(dir, exe("errcode-mcp")))
	server.Env = append(os.Environ(), env(t)...)
	ctx := context.Background()
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "1"}, nil).Connect(ctx, &mcp.CommandTransport{Command: server}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	text := "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\n" + strings.Repeat("x", 17<<20)
	res := call(t, cs, "explain", map[string]any{"text": text})
	sc, _ := normal(t, res.StructuredContent).(map[string]any)
	in, _ := sc["input"].(map[string]any)
	if res.IsError || in["truncated"] != true {
		t.Errorf("a 17 MiB response: error %v, input %v", res.IsError, in)
	}
}

// Without errcode-mcp beside it or on PATH, errcode mcp says how to get it.
func TestMCPWithoutTheServer(t *testing.T) {
	dir := binaries(t)
	alone := filepath.Join(t.TempDir(), exe("errcode"))
	b, err := os.ReadFile(filepath.Join(dir, exe("errcode")))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(alone, b, 0o755); err != nil {
		t.Fatal(err)
	}
	c := exec.Command(alone, "mcp")
	c.Env = append(os.Environ(), "PATH="+t.TempDir())
	out, err := c.CombinedOutput()
	want := "errcode: errcode mcp needs errcode-mcp, the MCP server, beside errcode or on PATH: install it with 'CGO_ENABLED=0 go install github.com/errcode-dev/errcode/cmd/errcode-mcp@latest' (release archives and packages include it)\n"
	if c.ProcessState.ExitCode() != 2 || string(out) != want {
		t.Errorf("errcode mcp alone: %v\n%s", err, out)
	}
}
