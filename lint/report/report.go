// Package report writes diagnostics in the output formats of directivelint,
// one format per file. A reporter only formats: it never decides what is an
// error.
package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/directivelint/directivelint/lint"
)

// Summary is what a report shows besides the diagnostics.
type Summary struct {
	// Files is the number of files linted.
	Files int
	// Fixed is the number of fixes --fix applied, in FixedFiles files.
	Fixed, FixedFiles int
	// FixMode is the fixes the run applied (or, with --diff, showed), for
	// the hint of what more could be fixed.
	FixMode lint.FixMode
}

// Options control how a report looks.
type Options struct {
	// Color turns on ANSI colours where the format has them.
	Color bool
	// Rules are the rules that exist, for formats that describe them (SARIF).
	Rules []*lint.Rule
	// Version is directivelint's version, for formats that record it.
	Version string
}

// Reporter writes diagnostics, already sorted, in one format.
type Reporter interface {
	Report(w io.Writer, diags []lint.Diagnostic, sum Summary) error
}

// formats maps each format name to its constructor. Adding a format is one
// new file and one line here.
var formats = map[string]func(Options) Reporter{
	"stylish":    newStylish,
	"json":       newJSON,
	"github":     newGitHub,
	"sarif":      newSARIF,
	"compact":    newCompact,
	"junit":      newJUnit,
	"checkstyle": newCheckstyle,
	"gitlab":     newGitLab,
}

// Names returns the names of the formats, sorted.
func Names() []string {
	names := make([]string, 0, len(formats))
	for name := range formats {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// New returns the reporter for the named format.
func New(name string, opts Options) (Reporter, error) {
	mk, ok := formats[name]
	if !ok {
		names := Names()
		return nil, fmt.Errorf("unknown format %q: want %s or %s", name, strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
	}
	return mk(opts), nil
}

// count returns the number of diagnostics at error and at warning level.
func count(diags []lint.Diagnostic) (errors, warnings int) {
	for _, d := range diags {
		switch d.Severity {
		case lint.SeverityError:
			errors++
		case lint.SeverityWarn:
			warnings++
		}
	}
	return errors, warnings
}
