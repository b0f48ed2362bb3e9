package answer

import (
	"fmt"
	"io"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/explain"
	"github.com/errcode-dev/errcode/render"
)

// ExplainRequest is how errcode explain is asked: the catalog to
// attribute the response to and the status of a body given alone (0: none).
type ExplainRequest struct {
	Catalog string
	Status  int
}

// Explained is what explain made of its input: a transcript's diagnoses
// (one response, or a HAR file's), or a log's report.
type Explained struct {
	Transcript *explain.Transcript
	Diagnoses  []explain.Diagnosis
	Log        *explain.LogReport
}

// JSON is the answer as --json prints it: a render.ExplainJSON for a
// response, a render.HARJSON for a HAR file, a render.LogJSON for a log.
func (e *Explained) JSON() any {
	if e.Log != nil {
		return render.Log(e.Log)
	}
	return render.Transcript(e.Transcript, e.Diagnoses)
}

// Failed says whether the input was an error (explain --fail's test): a
// failing response, transfer or program, or a log with an error record.
func (e *Explained) Failed() bool {
	if e.Log != nil {
		return e.Log.ErrorRecords > 0
	}
	for _, d := range e.Diagnoses {
		if d.Failed {
			return true
		}
	}
	return false
}

// CheckStatus checks the status of a body given alone (0: none).
func CheckStatus(status int) error {
	if status != 0 && (status < 100 || status > 599) {
		return usagef("--status %d: give an HTTP status from 100 to 599", status)
	}
	return nil
}

// CheckExplain checks a request against the index.
func CheckExplain(ix *catalog.Index, req ExplainRequest) error {
	if err := CheckStatus(req.Status); err != nil {
		return err
	}
	if req.Catalog != "" {
		return CheckCatalogs(ix, []string{req.Catalog})
	}
	return nil
}

// Explain reads r (a HAR file or a log, whatever their size, as they
// stream; anything else up to explain.MaxInput) and explains it. warn is
// given a line (without "errcode: warning: ") when req.Status was not used.
// Errors are r's, or explain.ErrNoInput: the caller words them, naming
// its input.
func Explain(r io.Reader, ix *catalog.Index, req ExplainRequest, warn func(string)) (*Explained, error) {
	t, r, err := readHAR(r)
	if t != nil {
		return diagnose(t, ix, req, warn), nil
	}
	if err != nil {
		return nil, err
	}
	log, r, err := readLog(r, ix, req, warn)
	if err != nil {
		return nil, err
	}
	if log != nil {
		return &Explained{Log: log}, nil
	}
	data, truncated, err := explain.ReadInput(r)
	if err != nil {
		return nil, err
	}
	return diagnose(explain.Parse(data, truncated), ix, req, warn), nil
}

func diagnose(t *explain.Transcript, ix *catalog.Index, req ExplainRequest, warn func(string)) *Explained {
	ds := make([]explain.Diagnosis, len(t.Exchanges))
	for i, ex := range t.Exchanges {
		ds[i] = explain.Diagnose(ex, ix, explain.Options{Catalog: req.Catalog, Status: req.Status})
	}
	if req.Status != 0 {
		for _, d := range ds {
			if d.StatusFrom == "status line" && d.Status != req.Status {
				warn(fmt.Sprintf("--status %d is not used: the response's status line says %d", req.Status, d.Status))
				break
			}
		}
	}
	return &Explained{Transcript: t, Diagnoses: ds}
}
