package render

// RunJSON is errcode run --json's object: what ran, how it ended, why
// errcode stopped trying, and the diagnosis of its output (null when
// nothing in it is an error errcode can read).
type RunJSON struct {
	Command    string       `json:"command"`     // the command's base name; never its arguments
	ExitStatus int          `json:"exit_status"` // what errcode exits with: the status, or 128+signal
	Signal     *int         `json:"signal"`      // the signal that killed the command, or null
	Attempts   int          `json:"attempts"`
	Stopped    StopJSON     `json:"stopped"`
	Output     OutputJSON   `json:"output"`
	Diagnosis  *ExplainJSON `json:"diagnosis"`
}

// StopJSON is the retry table's row that ended the run.
type StopJSON struct {
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
}

// OutputJSON is how much the last attempt printed and whether errcode read
// all of it.
type OutputJSON struct {
	Bytes int64 `json:"bytes"`
	Cut   bool  `json:"cut"`
}
