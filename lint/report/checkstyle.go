package report

import (
	"encoding/xml"
	"io"

	"github.com/directivelint/directivelint/lint"
)

// Checkstyle XML, as ESLint's checkstyle formatter writes it, for Jenkins'
// Warnings plugin, reviewdog (-f=checkstyle) and other readers.
type (
	checkstyleReport struct {
		XMLName xml.Name         `xml:"checkstyle"`
		Version string           `xml:"version,attr"`
		Files   []checkstyleFile `xml:"file"`
	}
	checkstyleFile struct {
		Name   string            `xml:"name,attr"`
		Errors []checkstyleError `xml:"error"`
	}
	checkstyleError struct {
		Line     int    `xml:"line,attr"`
		Column   int    `xml:"column,attr"`
		Severity string `xml:"severity,attr"`
		Message  string `xml:"message,attr"`
		Source   string `xml:"source,attr"`
	}
)

// checkstyle writes a Checkstyle XML report: a file element per file with
// problems, an error element per problem (severity error or warning,
// source directivelint.rules.RULE).
type checkstyle struct{}

func newCheckstyle(Options) Reporter { return checkstyle{} }

// Report implements Reporter.
func (checkstyle) Report(w io.Writer, diags []lint.Diagnostic, _ Summary) error {
	out := checkstyleReport{Version: "4.3"}
	for i, d := range diags {
		if i == 0 || d.File != diags[i-1].File {
			out.Files = append(out.Files, checkstyleFile{Name: d.File})
		}
		f := &out.Files[len(out.Files)-1]
		f.Errors = append(f.Errors, checkstyleError{
			Line:     d.Pos.Line,
			Column:   d.Pos.Column,
			Severity: severityLabel(d.Severity),
			Message:  d.Message,
			Source:   "directivelint.rules." + d.Rule,
		})
	}
	return writeXML(w, out)
}
