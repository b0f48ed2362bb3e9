package mcpserver

import (
	"bytes"
	"context"
	"errors"
	"strings"

	"github.com/errcode-dev/errcode/explain"
	"github.com/errcode-dev/errcode/internal/answer"
	"github.com/errcode-dev/errcode/render"
	"github.com/errcode-dev/errcode/schemas"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// LookupInput is the lookup tool's input: errcode lookup's query and flags.
type LookupInput struct {
	Query   string   `json:"query" jsonschema:"a code, token, HTTP status, catalog:code or words, as errcode lookup takes them: 1405, AUTH-401, curl:28, 409, TooManyRequests, rate limit"`
	Catalog []string `json:"catalog,omitempty" jsonschema:"search only these catalogs (ids from the catalogs tool), like errcode lookup -c"`
	Limit   *int     `json:"limit,omitempty" jsonschema:"list at most this many matches (default 10; 0: all); total counts them all"`
}

// ExplainInput is the explain tool's input: what errcode explain reads, and
// its flags.
type ExplainInput struct {
	Text    string `json:"text" jsonschema:"what to explain, as a tool printed it: a raw HTTP response (curl -si, curl -v, httpie, wget -S), a body alone, curl's error line, an SDK's exception or a program's error output, a HAR file, or a log"`
	Status  int    `json:"status,omitempty" jsonschema:"the HTTP status of a body given alone (100-599), like errcode explain --status"`
	Catalog string `json:"catalog,omitempty" jsonschema:"attribute the response to this catalog id, like errcode explain -c"`
}

// CatalogsInput is the catalogs tool's input: nothing.
type CatalogsInput struct{}

func readOnly(title string) *mcp.ToolAnnotations {
	no := false
	return &mcp.ToolAnnotations{Title: title, ReadOnlyHint: true, IdempotentHint: true, OpenWorldHint: &no}
}

// The tools' output schemas are the published ones (package schemas),
// derived from the same types the SDK would derive them from, with lists
// that are never null.
func (s *server) addTools(srv *mcp.Server) error {
	lookupSchema, err := schemas.Named("lookup")
	if err != nil {
		return err
	}
	explainSchema, err := schemas.Explain()
	if err != nil {
		return err
	}
	catalogsSchema, err := schemas.Named("catalogs")
	if err != nil {
		return err
	}
	mcp.AddTool(srv, &mcp.Tool{
		Name: "lookup",
		Description: "Look up an API error code, error token, HTTP status or words in errcode's offline catalogs " +
			"(vendors' documented error codes; HTTP, gRPC, curl, OAuth, Kubernetes, SQLSTATE, errno). " +
			"Returns each match's meaning, causes, fixes, retryability and documentation link, best match first: " +
			"the same object as errcode lookup --json.",
		Annotations:  readOnly("Look up an error code"),
		OutputSchema: lookupSchema,
	}, s.lookup)
	mcp.AddTool(srv, &mcp.Tool{
		Name: "explain",
		Description: "Explain a failed API call from the text a tool printed: a raw HTTP response, curl's error line, " +
			"an SDK's exception, a CLI's error output, a HAR file or a log. Says which error it is and from which API, " +
			"whether it failed, whether and when to retry, which request id to quote, and what to do: " +
			"the same object as errcode explain --json. Credentials in the input are never echoed.",
		Annotations:  readOnly("Explain an API error"),
		OutputSchema: explainSchema,
	}, s.explain)
	mcp.AddTool(srv, &mcp.Tool{
		Name:         "catalogs",
		Description:  "List the catalogs errcode knows (built-in and the user's): id, name, entry count, source: the same object as errcode catalogs --json.",
		Annotations:  readOnly("List errcode's catalogs"),
		OutputSchema: catalogsSchema,
	}, s.catalogs)
	return nil
}

// toolError is an answer.Error as the command line prints it.
func toolError(err error) error {
	var ae *answer.Error
	if errors.As(err, &ae) {
		return errors.New("errcode: " + render.Scrub(ae.Msg))
	}
	return err
}

// result is a summary and the JSON as the command line prints it, for
// clients that read only text; the SDK adds v as structured content.
func result(summary string, v any) (*mcp.CallToolResult, error) {
	var buf bytes.Buffer
	if err := render.JSON(&buf, v); err != nil {
		return nil, err
	}
	return &mcp.CallToolResult{Content: []mcp.Content{
		&mcp.TextContent{Text: summary},
		&mcp.TextContent{Text: buf.String()},
	}}, nil
}

func (s *server) lookup(_ context.Context, _ *mcp.CallToolRequest, in LookupInput) (*mcp.CallToolResult, render.LookupJSON, error) {
	limit := 10
	if in.Limit != nil {
		limit = *in.Limit
	}
	ix := s.ix()
	l, err := answer.Lookup(ix, answer.LookupRequest{Query: in.Query, Catalogs: in.Catalog, Limit: limit})
	if err != nil {
		return nil, render.LookupJSON{}, toolError(err)
	}
	out := l.JSON()
	var summary string
	if len(l.Shown) == 0 {
		summary = "errcode: " + answer.NotFoundMessage(ix, l)
	} else {
		summary = lookupSummary(l)
	}
	res, err := result(scrubLines(summary), out)
	return res, out, err
}

// lookupSummary is lookup's list of matches, one a line as errcode lookup
// lists them: catalog:code, status, summary.
func lookupSummary(l answer.Looked) string {
	var b strings.Builder
	b.WriteString(render.Count(int64(len(l.Result.Matches)), "match", "matches") + " for " + quote(l.Query) + ", best first:")
	for _, m := range l.Shown {
		status := "-"
		if m.Entry.Status != 0 {
			status = itoa(m.Entry.Status)
		}
		b.WriteString("\n" + strings.TrimRight(m.Catalog.ID+":"+m.Entry.Code+"  "+status+"  "+render.Summary(m.Entry), " "))
	}
	if more := len(l.Result.Matches) - len(l.Shown); more > 0 {
		b.WriteString("\n" + render.Count(int64(more), "more match", "more matches") + ": ask with limit 0")
	}
	return b.String()
}

func (s *server) explain(_ context.Context, _ *mcp.CallToolRequest, in ExplainInput) (*mcp.CallToolResult, any, error) {
	ix := s.ix()
	req := answer.ExplainRequest{Catalog: in.Catalog, Status: in.Status}
	if err := answer.CheckExplain(ix, req); err != nil {
		return nil, nil, toolError(err)
	}
	var warnings []string
	e, err := answer.Explain(strings.NewReader(in.Text), ix, req, func(msg string) { warnings = append(warnings, "warning: "+msg) })
	if errors.Is(err, explain.ErrNoInput) {
		return nil, nil, errors.New("errcode: no input: text is empty: give a response, a program's error output or a log")
	}
	if err != nil {
		return nil, nil, toolError(err)
	}
	out := e.JSON()
	summary := strings.Join(append([]string{explainSummary(e)}, warnings...), "\n")
	res, err := result(scrubLines(summary), out)
	return res, out, err
}

func explainSummary(e *answer.Explained) string {
	if e.Log != nil {
		return render.LogSummary(e.Log)
	}
	t, ds := e.Transcript, e.Diagnoses
	if t.Format == "har" && len(ds) == 0 {
		return "no error responses (status 400 or more) in the HAR file"
	}
	lines := make([]string, 0, len(ds)+1)
	for i := range ds {
		h := render.ExplainSummary(&ds[i])
		if t.Format == "har" {
			h = itoa(i+1) + "/" + itoa(len(ds)) + " " + h
		}
		lines = append(lines, h)
	}
	if t.Omitted > 0 {
		lines = append(lines, "… and "+render.Count(int64(t.Omitted), "more error response", "more error responses")+", not explained")
	}
	return strings.Join(lines, "\n")
}

func (s *server) catalogs(_ context.Context, _ *mcp.CallToolRequest, _ CatalogsInput) (*mcp.CallToolResult, render.CatalogsJSON, error) {
	out := render.Catalogs(s.ix().Catalogs)
	ids := make([]string, len(out.Catalogs))
	for i, c := range out.Catalogs {
		ids[i] = c.ID
	}
	res, err := result(scrubLines(render.Count(int64(len(ids)), "catalog", "catalogs")+": "+strings.Join(ids, ", ")), out)
	return res, out, err
}
