package cmd

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The README's examples are what errcode prints today: every example that
// needs nothing from outside (a lookup, a line echoed into explain) is run
// on a wide terminal without colour, and each line the README shows must
// be a line of the output, in the same order ("..." leaves lines out). A
// figure that goes stale (a count, "1 more match") fails here.
func TestREADMEExamples(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```console\n(.*?)```").FindAllStringSubmatch(string(b), -1)
	echo := regexp.MustCompile(`^echo '([^']*)' \| errcode (explain.*)$`)
	ran := 0
	for _, blk := range blocks {
		lines := strings.Split(strings.TrimRight(blk[1], "\n"), "\n")
		for i := 0; i < len(lines); i++ {
			cmd, ok := strings.CutPrefix(lines[i], "$ ")
			if !ok {
				continue
			}
			var shown []string // the README's output of this command
			for i+1 < len(lines) && !strings.HasPrefix(lines[i+1], "$ ") {
				i++
				shown = append(shown, lines[i])
			}
			var args []string
			stdin := ""
			switch {
			case strings.HasPrefix(cmd, "errcode lookup ") && !strings.ContainsAny(cmd, "|<>'\""):
				args = strings.Fields(cmd)[1:]
			case echo.MatchString(cmd):
				m := echo.FindStringSubmatch(cmd)
				stdin, args = m[1]+"\n", strings.Fields(m[2])
			default:
				continue // needs the network, a file or a command
			}
			ran++
			ios, in, out, errOut := Test("NO_COLOR=1", "COLUMNS=250", "XDG_CONFIG_HOME=/nonexistent")
			ios.IsStdoutTTY, ios.IsStderrTTY = true, true
			in.WriteString(stdin)
			Run(ios, append([]string{"--color", "never"}, args...))
			// errcode's own lines ("errcode: 6 more matches") are stderr's.
			got := [2][]string{strings.Split(out.String(), "\n"), strings.Split(errOut.String(), "\n")}
			var at [2]int
			for _, want := range shown {
				if strings.TrimSpace(want) == "..." || strings.TrimSpace(want) == "" {
					continue
				}
				s := 0
				if strings.HasPrefix(want, "errcode: ") {
					s = 1
				}
				for at[s] < len(got[s]) && strings.TrimRight(got[s][at[s]], " ") != strings.TrimRight(want, " ") {
					at[s]++
				}
				if at[s] == len(got[s]) {
					t.Errorf("README: `%s` shows %q, which errcode does not print (in that order):\n%s%s", cmd, want, out, errOut)
					break
				}
				at[s]++
			}
		}
	}
	if ran < 4 {
		t.Errorf("ran %d of the README's examples; expected at least 4", ran)
	}
}
