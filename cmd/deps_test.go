package cmd_test

import (
	"os/exec"
	"strings"
	"testing"
)

// errcode starts without parsing anything: the built-in catalogs are
// compiled Go, so no YAML parser is linked into the binary, and neither is
// cobra/doc (man pages come from a generator).
func TestBinaryLeavesOutParsers(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/errcode-dev/errcode").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, banned := range []string{"github.com/goccy/go-yaml", "go.yaml.in/yaml", "gopkg.in/yaml", "github.com/spf13/cobra/doc", "charm.land/lipgloss/v2/compat"} {
			if pkg == banned || strings.HasPrefix(pkg, banned+"/") {
				t.Errorf("the errcode binary links %s", pkg)
			}
		}
	}
}
