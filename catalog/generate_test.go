package catalog_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog/internal/codegen"
)

var update = flag.Bool("update", false, "rewrite generated files and golden files")

// The compiled-in catalog must be what catalog/data/*.yaml says.
func TestBuiltinIsFresh(t *testing.T) {
	cats, err := codegen.Load("data")
	if err != nil {
		t.Fatal(err)
	}
	want, err := codegen.Generate(cats)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("builtin_gen.go", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("builtin_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("builtin_gen.go is stale: run `go generate ./catalog` and commit the result")
	}
}

// Every file in data/ is compiled in: a catalog nobody listed in
// codegen.Order comes after the listed ones, never silently left out.
func TestEveryDataFileIsBuiltIn(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"http.yaml", "zz-new.yaml"} {
		data := []byte("id: " + strings.TrimSuffix(name, ".yaml") + "\nentries:\n  - code: X1\n")
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob("data/*.yaml")
	for _, f := range files {
		if b := filepath.Base(f); b != "http.yaml" {
			data, _ := os.ReadFile(f)
			os.WriteFile(filepath.Join(dir, b), data, 0o644)
		}
	}
	cats, err := codegen.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cats) != len(files)+1 || cats[len(cats)-1].ID != "zz-new" {
		t.Errorf("%d catalogs from %d files, the last %q", len(cats), len(files)+1, cats[len(cats)-1].ID)
	}
}

// The seed copies in testdata must be the shared originals, when those are
// beside the checkout (they are in CI).
func TestSeedCopiesMatchShared(t *testing.T) {
	const shared = "../../shared/seeds"
	entries, err := os.ReadDir(shared)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI runs with ../shared beside the checkout, but: %v", err)
		}
		t.Skipf("no %s beside this checkout: %v", shared, err)
	}
	for _, e := range entries {
		want, err := os.ReadFile(shared + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile("testdata/seeds/" + e.Name())
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("testdata/seeds/%s differs from %s/%s: copy it again", e.Name(), shared, e.Name())
		}
	}
}
