package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/directivelint/directivelint/lint"
)

// jsonVersion is the version of the JSON shape; it changes only when a
// field is removed or changes meaning.
const jsonVersion = 1

type jsonDiagnostic struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	// Fix is the kind of fix the diagnostic has: safe, unsafe or none.
	Fix string `json:"fix"`
	// URL is the rule's documentation page.
	URL string `json:"url"`
	// Related is left out when empty.
	Related []jsonRelated `json:"related,omitempty"`
}

// jsonRelated is another place that explains a diagnostic, such as one
// import of an import chain.
type jsonRelated struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

// jsonReporter writes one JSON document for tools to read:
//
//	{"version":1,"diagnostics":[{"file":…,"line":…,"column":…,"endLine":…,
//	"endColumn":…,"rule":…,"severity":"error"|"warning","message":…,
//	"fix":"safe"|"unsafe"|"none","url":…,"related":[{"file":…,"line":…,"column":…,"message":…}]}],
//	"summary":{"files":…,"errors":…,"warnings":…}}
type jsonReporter struct{}

func newJSON(Options) Reporter { return jsonReporter{} }

// Report implements Reporter. It writes the document a diagnostic at a
// time, the bytes encoding the whole document at once would give (see
// TestJSONStreamed): a run with many
// diagnostics holds no second copy of them, nor the whole document.
func (jsonReporter) Report(w io.Writer, diags []lint.Diagnostic, sum Summary) error {
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// encode writes v as Encode does, less the newline Encode ends with.
	encode := func(v any) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	fmt.Fprintf(bw, `{"version":%d,"diagnostics":[`, jsonVersion)
	for i, d := range diags {
		if i > 0 {
			_ = bw.WriteByte(',') // a bufio.Writer keeps its error for Flush
		}
		err := encode(jsonDiagnosticOf(d))
		if err != nil {
			return fmt.Errorf("writing JSON report: %w", err)
		}
	}
	summary := jsonSummary{Files: sum.Files}
	summary.Errors, summary.Warnings = count(diags)
	_, _ = bw.WriteString(`],"summary":`)
	if err := encode(summary); err != nil {
		return fmt.Errorf("writing JSON report: %w", err)
	}
	_, _ = bw.WriteString("}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing JSON report: %w", err)
	}
	return nil
}

// jsonDiagnosticOf is d in the JSON shape.
func jsonDiagnosticOf(d lint.Diagnostic) jsonDiagnostic {
	return jsonDiagnostic{
		File:      d.File,
		Line:      d.Pos.Line,
		Column:    d.Pos.Column,
		EndLine:   d.End.Line,
		EndColumn: d.End.Column,
		Rule:      d.Rule,
		Severity:  jsonSeverity(d.Severity),
		Message:   d.Message,
		Fix:       fixOf(d),
		URL:       docsURL(d.Rule),
		Related:   jsonRelatedOf(d.Related),
	}
}

// jsonSeverity is the severity as the JSON shape names it.
func jsonSeverity(s lint.Severity) string {
	if s == lint.SeverityWarn {
		return "warning"
	}
	return s.String()
}

// jsonRelatedOf converts related positions; nil when there are none.
func jsonRelatedOf(rs []lint.Related) []jsonRelated {
	var out []jsonRelated
	for _, r := range rs {
		out = append(out, jsonRelated{File: r.File, Line: r.Pos.Line, Column: r.Pos.Column, Message: r.Message})
	}
	return out
}
