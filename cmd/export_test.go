package cmd

// TerminalSystem is System as though stdout were a terminal $COLUMNS wide
// (80 without it) that is never paged: testscript runs errcode on pipes,
// and the scripts check the layout a terminal gets.
func TerminalSystem() *IOStreams {
	s := System()
	s.IsStdoutTTY = true
	s.termWidth = func() int { return 80 }
	s.termHeight = func() int { return 0 }
	return s
}
