package completions_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/internal/docgen"
	"github.com/errcode-dev/errcode/internal/testenv"
)

// The shells run errcode with this process's environment: not the
// developer's (their catalogs would add candidates; see internal/testenv).
func TestMain(m *testing.M) { testenv.Main(m) }

// The committed scripts are what the command tree generates now.
func TestScriptsAreFresh(t *testing.T) {
	scripts, err := docgen.Completions(cmd.NewRootForDocs())
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range scripts {
		got, err := os.ReadFile(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("completions/%s is stale: run go generate ./completions and commit the result", name)
		}
	}
}

// So are the man pages: the same files, byte for byte.
func TestManPagesAreFresh(t *testing.T) {
	dir := t.TempDir()
	if err := docgen.ManPages(cmd.NewRootForDocs(), dir); err != nil {
		t.Fatal(err)
	}
	want, _ := filepath.Glob(filepath.Join(dir, "*.1"))
	got, _ := filepath.Glob("../man/*.1")
	if len(want) != len(got) || len(want) < 6 {
		t.Errorf("man/ has %d pages, the generator makes %d: run go generate ./completions", len(got), len(want))
	}
	for _, w := range want {
		a, _ := os.ReadFile(w)
		b, err := os.ReadFile(filepath.Join("../man", filepath.Base(w)))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("man/%s is stale: run go generate ./completions", filepath.Base(w))
		}
	}
}

// Each page is titled by its command, lists flags as they are typed, and
// has the sections a man page reader looks for.
func TestManPagesRead(t *testing.T) {
	page := func(name string) string {
		b, err := os.ReadFile(filepath.Join("../man", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	pages, _ := filepath.Glob("../man/*.1")
	for _, p := range pages {
		name := strings.TrimSuffix(filepath.Base(p), ".1")
		got := page(filepath.Base(p))
		if title := `.TH "` + strings.ToUpper(name) + `" "1"`; !strings.Contains(got, title) {
			t.Errorf("%s: no %s", p, title)
		}
		for _, want := range []string{".SH EXIT STATUS", ".SH ENVIRONMENT", "ERRCODE_CATALOG_PATH", "NO_COLOR"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: no %s", p, want)
			}
		}
		for _, bad := range []string{"[=false]", "=[]", `=""`} {
			if strings.Contains(got, bad) {
				t.Errorf("%s: a flag is shown with its default in pflag's syntax (%s)", p, bad)
			}
		}
	}
	if got := page("errcode.1"); !strings.Contains(got, `\fB--version\fP`) {
		t.Errorf("errcode.1 does not list --version")
	}
	// lookup's table of what a query can be keeps its lines.
	if got := page("errcode-lookup.1"); !strings.Contains(got, ".EX\n  catalog:code    restrict to one catalog") {
		t.Errorf("errcode-lookup.1: the table of queries is not kept as written")
	}
}

// The man pages' EXIT STATUS is the README's "Exit codes" table, and their
// ENVIRONMENT names every variable errcode's code reads.
func TestManPagesAgreeWithCode(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range docgen.ExitStatus {
		if line := "| " + row[0] + " | " + row[1] + " |"; !strings.Contains(string(readme), line) {
			t.Errorf("README.md's exit codes have no row %q (docgen.ExitStatus)", line)
		}
	}
	documented := map[string]bool{}
	for _, row := range docgen.Environment {
		for _, v := range strings.Split(row[0], ", ") {
			documented[v] = true
		}
	}
	getenv := regexp.MustCompile(`(?i)getenv\("([A-Z_]+)"\)`)
	for _, dir := range []string{"../cmd", "../catalog/source", "../render", "../explain", "../catalog"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range getenv.FindAllStringSubmatch(string(src), -1) {
				// LINES is read only by cmd.Test's streams.
				if v := m[1]; !documented[v] && v != "LINES" {
					t.Errorf("%s reads $%s; the man pages' ENVIRONMENT (docgen.Environment) does not say why", f, v)
				}
			}
		}
	}
}

// need finds a program the shell tests use; outside CI they skip without it.
func need(t *testing.T, prog string) string {
	t.Helper()
	p, err := exec.LookPath(prog)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed; .ci/run installs it", prog)
		}
		t.Skipf("%s is not installed (apt-get install %s); skipping this shell's completion test", prog, prog)
	}
	return p
}

// errcodeOnPath builds errcode into a directory and returns a PATH with it
// first, as an installed errcode would be.
func errcodeOnPath(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("go", "build", "-o", filepath.Join(dir, "errcode"), "github.com/errcode-dev/errcode").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir + string(os.PathListSeparator) + os.Getenv("PATH")
}

func script(t *testing.T, name string) string {
	p, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func wantAll(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s: %q not offered in:\n%s", what, w, got)
		}
	}
}

// bash, with the bash-completion package as distributions ship it, sources
// completions/errcode.bash and completes as a TAB would.
func TestBashCompletion(t *testing.T) {
	bash := need(t, "bash")
	const bc = "/usr/share/bash-completion/bash_completion"
	if _, err := os.Stat(bc); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("bash-completion is not installed; .ci/run installs it")
		}
		t.Skip("bash-completion is not installed (apt-get install bash-completion)")
	}
	path := errcodeOnPath(t)
	complete := func(line string) string {
		prog := `source ` + bc + `; source "$SCRIPT"
COMP_LINE="$LINE"; COMP_POINT=${#COMP_LINE}
read -ra COMP_WORDS <<< "$COMP_LINE"; [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_TYPE=63 # TAB TAB: list the alternatives, with their descriptions
__start_errcode errcode "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"`
		c := exec.Command(bash, "--norc", "--noprofile", "-c", prog)
		c.Env = append(os.Environ(), "PATH="+path, "SCRIPT="+script(t, "errcode.bash"), "LINE="+line, "COLUMNS=120")
		out, err := c.CombinedOutput()
		if err != nil {
			t.Fatalf("bash: %v\n%s", err, out)
		}
		return string(out)
	}
	got := complete("errcode lookup 140")
	wantAll(t, "bash: errcode lookup 140", got, "1400", "InputValidationFailed", "1405", "Duplicated (409)", "1409")
	if strings.Contains(got, "1101") || strings.Contains(got, "completions_test.go") {
		t.Errorf("bash: errcode lookup 140 offers more than 1400-1409:\n%s", got)
	}
	wantAll(t, "bash: errcode lookup AUTH", complete("errcode lookup AUTH"), "AUTH-401", "AUTH-403")
	wantAll(t, "bash: errcode lookup --catalog ", complete("errcode lookup --catalog "), "ironwifi", "emnify", "devdocs", "wontopos", "http")
	wantAll(t, "bash: errcode ", complete("errcode "), "lookup", "explain", "list", "catalogs")
	// Only the catalog --catalog names, or the one whose id comes first.
	for _, line := range []string{"errcode lookup -c curl 2", "errcode lookup curl 2"} {
		got := complete(line)
		wantAll(t, "bash: "+line, got, "28", "CURLE_OPERATION_TIMEDOUT", "CURLE_FAILED_INIT")
		onlyCurl(t, "bash: "+line, got)
	}
}

// onlyCurl fails when a completion of "2" scoped to curl offers another
// catalog's code: HTTP's 200, PostgreSQL's 23505, emnify's 2200-2299.
func onlyCurl(t *testing.T, what, got string) {
	t.Helper()
	for _, other := range []string{"200", "23505", "2200-2299", "Request succeeded", "unique_violation"} {
		if strings.Contains(got, other) {
			t.Errorf("%s offers %q, not one of curl's codes:\n%s", what, other, got)
		}
	}
}

// fish sources completions/errcode.fish; complete -C asks what a TAB would
// offer.
func TestFishCompletion(t *testing.T) {
	fish := need(t, "fish")
	path := errcodeOnPath(t)
	complete := func(line string) string {
		c := exec.Command(fish, "--no-config", "-c", `source $SCRIPT; complete -C "$LINE"`)
		c.Env = append(os.Environ(), "PATH="+path, "SCRIPT="+script(t, "errcode.fish"), "LINE="+line, "HOME="+t.TempDir())
		out, err := c.CombinedOutput()
		if err != nil {
			t.Fatalf("fish: %v\n%s", err, out)
		}
		return string(out)
	}
	wantAll(t, "fish: errcode lookup 140", complete("errcode lookup 140"), "1400\temnify InputValidationFailed (422); mysql ER_XAER_OUTSIDE", "1405\temnify Duplicated (409); mysql ER_PROC_AUTO_REVOKE_FAIL", "1409\temnify UnknownProperty (422); mysql ER_LOAD_FROM_FIXED_SIZE_ROWS_TO...")
	wantAll(t, "fish: errcode lookup AUTH", complete("errcode lookup AUTH"), "AUTH-401\tAuthentication Failed (401)", "AUTH-403")
	wantAll(t, "fish: errcode lookup --catalog ", complete("errcode lookup --catalog "), "emnify\temnify REST API (32 entries)", "http\t")
	for _, line := range []string{"errcode lookup -c curl 2", "errcode lookup curl 2"} {
		got := complete(line)
		wantAll(t, "fish: "+line, got, "28\tCURLE_OPERATION_TIMEDOUT", "2\tCURLE_FAILED_INIT")
		onlyCurl(t, "fish: "+line, got)
	}
}

// zsh's completion system needs an interactive shell: run one in tmux,
// type, press TAB, and read the screen.
func TestZshCompletion(t *testing.T) {
	zsh := need(t, "zsh")
	tmux := need(t, "tmux")
	path := errcodeOnPath(t)
	// A socket of its own, by path: a name such as errcode-test-001 (the
	// temp dir's base) is the same in every test process, and two at once
	// (go test -count, a mutation run) met in one tmux server.
	sock := filepath.Join(t.TempDir(), "tmux.sock")
	home := t.TempDir()
	tm := func(args ...string) string {
		out, err := exec.Command(tmux, append([]string{"-S", sock, "-f", "/dev/null"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	tm("new-session", "-d", "-x", "200", "-y", "60", "-s", "t", "env", "PATH="+path, "HOME="+home, "TERM=xterm", zsh, "-f")
	defer exec.Command(tmux, "-S", sock, "kill-server").Run()
	tm("send-keys", "-t", "t", "autoload -U compinit && compinit -u -D && source "+script(t, "_errcode")+" && clear", "Enter")
	screen := func(line, want string) string {
		// TAB inserts what all matches share (AUTH -> AUTH-40); the second
		// TAB lists them.
		tm("send-keys", "-t", "t", "C-u", line, "Tab")
		time.Sleep(300 * time.Millisecond)
		tm("send-keys", "-t", "t", "Tab")
		var got string
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if got = tm("capture-pane", "-p", "-t", "t"); strings.Contains(got, want) {
				break
			}
		}
		tm("send-keys", "-t", "t", "C-c")
		tm("send-keys", "-t", "t", "clear", "Enter")
		return got
	}
	wantAll(t, "zsh: errcode lookup 140", screen("errcode lookup 140", "1409"), "1400", "InputValidationFailed (422)", "1405", "Duplicated (409)", "1409")
	wantAll(t, "zsh: errcode lookup AUTH", screen("errcode lookup AUTH", "AUTH-403"), "AUTH-401", "AUTH-403")
	wantAll(t, "zsh: errcode lookup --catalog ", screen("errcode lookup --catalog ", "wontopos"), "ironwifi", "emnify", "wontopos", "http")
	for _, line := range []string{"errcode lookup -c curl 2", "errcode lookup curl 2"} {
		got := screen(line, "CURLE_OPERATION_TIMEDOUT")
		wantAll(t, "zsh: "+line, got, "28", "CURLE_OPERATION_TIMEDOUT", "CURLE_FAILED_INIT")
		onlyCurl(t, "zsh: "+line, got)
	}
}

// `errcode completion SHELL` prints the committed script, so
// `source <(errcode completion bash)` and an installed script agree.
func TestCompletionCommandMatchesScripts(t *testing.T) {
	for shell, file := range map[string]string{"bash": "errcode.bash", "zsh": "_errcode", "fish": "errcode.fish", "powershell": "errcode.ps1"} {
		ios, _, out, errOut := cmd.Test()
		if code := cmd.Run(ios, []string{"completion", shell}); code != 0 {
			t.Fatalf("errcode completion %s: exit %d: %s", shell, code, errOut)
		}
		want, err := os.ReadFile(file)
		if err != nil || !bytes.Equal(out.Bytes(), want) {
			t.Errorf("errcode completion %s differs from completions/%s", shell, file)
		}
	}
}
