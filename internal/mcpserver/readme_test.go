package mcpserver_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
)

// The README's table of tools is the server's: every tool it lists, and
// each tool's inputs in its row.
func TestREADMEListsTheTools(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "## For coding agents: `errcode mcp`")
	_, table, ok2 := strings.Cut(section, "| tool | input |")
	if !ok || !ok2 {
		t.Fatal("README.md has no table of errcode mcp's tools")
	}
	rows := map[string]string{}
	for _, line := range strings.Split(table, "\n")[2:] {
		if !strings.HasPrefix(line, "| `") {
			break
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(line, "| `"), "`")
		rows[name] = line
	}
	res, err := inMemory(t, env(t)).ListTools(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tool := range res.Tools {
		names = append(names, tool.Name)
		row, ok := rows[tool.Name]
		if !ok {
			t.Errorf("README.md does not list the tool %s", tool.Name)
			continue
		}
		props, _ := normal(t, tool.InputSchema).(map[string]any)["properties"].(map[string]any)
		for p := range props {
			if !strings.Contains(row, "`"+p+"`") {
				t.Errorf("README.md's row for %s does not name its input %s", tool.Name, p)
			}
		}
	}
	for name := range rows {
		if !slices.Contains(names, name) {
			t.Errorf("README.md lists a tool the server lacks: %s", name)
		}
	}
}
