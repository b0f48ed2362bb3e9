package answer

import (
	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/catalog/source"
	"github.com/errcode-dev/errcode/render"
)

// LoadIndex returns the catalogs to search: the built-in ones and the
// user's (see catalog/source: the directories getenv names, and files). A
// user file with problems is skipped, and warn is given one line saying so
// (without "errcode: warning: "). With no user files this costs one look at
// a directory.
func LoadIndex(getenv func(string) string, files []string, warn func(string)) *catalog.Index {
	cats := catalog.Builtin()
	found, dirProblems := source.Discover(getenv, files)
	for _, p := range dirProblems {
		warn(p.Error() + "; its catalogs are not used")
	}
	if len(found) > 0 {
		var user []*catalog.Catalog
		loaded, problems := source.LoadAll(found, source.CacheDir(getenv))
		for i, path := range found {
			if problems[i] != nil {
				warn(badFile(path, problems[i]))
				continue
			}
			user = append(user, loaded[i])
		}
		cats = catalog.Merge(cats, user)
	}
	return catalog.NewIndex(cats)
}

func badFile(path string, problems []source.Problem) string {
	more := ""
	if n := source.Count(problems); n > 1 {
		more = " and " + render.Count(int64(n-1), "more problem", "more problems")
	}
	return problems[0].Short() + more + "; skipping the file (errcode catalogs validate " + path + ")"
}
