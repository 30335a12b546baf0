package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/directivelint/directivelint/lint"
)

// compact writes one line per diagnostic, for editors, grep and reviewdog:
//
//	path:line:col: severity: message [rule]
type compact struct{}

func newCompact(Options) Reporter { return compact{} }

// lineBreaks turns the line breaks of a message into spaces, so that each
// diagnostic stays on one line.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\u2028", " ", "\u2029", " ")

// pathBreaks writes the line breaks of a file name as escapes: a name is
// not prose, and "new\nline.js" must not read as another file's name.
var pathBreaks = strings.NewReplacer("\r", `\r`, "\n", `\n`, "\u2028", `\u2028`, "\u2029", `\u2029`)

// Report implements Reporter.
func (compact) Report(w io.Writer, diags []lint.Diagnostic, _ Summary) error {
	bw := bufio.NewWriter(w)
	for _, d := range diags {
		fmt.Fprintf(bw, "%s:%d:%d: %s: %s [%s]\n", pathBreaks.Replace(d.File), d.Pos.Line, d.Pos.Column,
			severityLabel(d.Severity), lineBreaks.Replace(d.Message), d.Rule)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}
