package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/directivelint/directivelint/lint"
)

// github writes GitHub Actions workflow commands, one per diagnostic, so
// that a run in a workflow annotates the pull request:
//
//	::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=directivelint (RULE)::MESSAGE
type github struct{}

func newGitHub(Options) Reporter { return github{} }

// Report implements Reporter.
func (github) Report(w io.Writer, diags []lint.Diagnostic, _ Summary) error {
	bw := bufio.NewWriter(w)
	for _, d := range diags {
		cmd := "error"
		if d.Severity != lint.SeverityError {
			cmd = "warning"
		}
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			cmd, escapeProperty(d.File), d.Pos.Line, d.Pos.Column, d.End.Line, d.End.Column,
			escapeProperty("directivelint ("+d.Rule+")"), escapeData(d.Message))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}

// escapeData escapes a workflow command's message as the GitHub Actions
// runner expects (toolkit/packages/core/src/command.ts).
var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// propertyEscaper escapes a workflow command's property value.
var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func escapeData(s string) string     { return validUTF8(dataEscaper.Replace(s)) }
func escapeProperty(s string) string { return validUTF8(propertyEscaper.Replace(s)) }

// validUTF8 writes each byte of s that is not UTF-8 (a file name can hold
// any) as %XX, the escape the workflow command's other characters use:
// the runner would pass the raw byte on to a JSON API.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, "%%%02X", s[i])
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
