package cmd_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"errcode": func() { os.Exit(cmd.Main()) },
	})
}

// TestScript runs the end-to-end scripts in testdata/script: the real
// command line, real bytes in and out. Run with -update to rewrite their
// golden files, then review the diff.
func TestScript(t *testing.T) {
	responses, err := filepath.Abs("testdata/responses")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		// $RESPONSES holds what real tools printed, $PROGRAMS what real
		// programs printed (see their README.md).
		Setup: func(env *testscript.Env) error {
			env.Setenv("RESPONSES", responses)
			env.Setenv("PROGRAMS", filepath.Join(filepath.Dir(responses), "programs"))
			return nil
		},
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
	})
}
