package explain

import (
	"regexp"
	"sync"
)

// lazyRE is a regular expression compiled on first use. Compiling every
// pattern at package initialisation would slow every start of errcode,
// even of commands that never explain anything.
type lazyRE struct {
	expr  string
	build func() string // the expression, when it is made from data
	once  sync.Once
	re    *regexp.Regexp
}

func (l *lazyRE) get() *regexp.Regexp {
	l.once.Do(func() {
		if l.build != nil {
			l.expr = l.build()
		}
		l.re = regexp.MustCompile(l.expr)
	})
	return l.re
}
