package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/directivelint/directivelint/lint"
)

// fixMark follows the rule of a fixable diagnostic in the stylish format.
func fixMark(d lint.Diagnostic) string {
	switch fixOf(d) {
	case fixSafe:
		return " [fix]"
	case fixUnsafe:
		return " [unsafe fix]"
	}
	return ""
}

// writeFixSummary writes, under the stylish summary, what --fix changed and
// what more the fix flags would fix, as Ruff does:
//
//	3 fixed in 2 files; 2 more fixable with --unsafe-fixes
//	1 fixable with --fix; 3 more with --fix --unsafe-fixes
//
// It writes nothing when there is nothing to say.
func (s *stylish) writeFixSummary(w io.Writer, diags []lint.Diagnostic, sum Summary) {
	if line := fixSummary(diags, sum); line != "" {
		fmt.Fprintln(w, s.pos.Sprint("  "+line))
	}
}

// writeAllFixed writes the stylish report of a run that left no problem:
// nothing, unless --fix fixed some.
func (s *stylish) writeAllFixed(w io.Writer, sum Summary) error {
	if sum.Fixed == 0 {
		return nil
	}
	if _, err := fmt.Fprintln(w, "✔ "+fixedIn(sum)+", no problems remaining"); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}

// fixSummary is the line of writeFixSummary.
func fixSummary(diags []lint.Diagnostic, sum Summary) string {
	safe, unsafe := countFixable(diags)
	var parts []string
	if sum.Fixed > 0 {
		parts = append(parts, fixedIn(sum))
	}
	switch sum.FixMode {
	case lint.FixOff:
		if safe > 0 {
			parts = append(parts, fmt.Sprintf("%d fixable with --fix", safe))
		}
		if unsafe > 0 {
			more := "fixable"
			if safe > 0 {
				more = "more"
			}
			parts = append(parts, fmt.Sprintf("%d %s with --fix --unsafe-fixes", unsafe, more))
		}
	case lint.FixSafeOnly:
		if unsafe > 0 {
			more := "fixable"
			if sum.Fixed > 0 {
				more = "more fixable"
			}
			parts = append(parts, fmt.Sprintf("%d %s with --unsafe-fixes", unsafe, more))
		}
	}
	return strings.Join(parts, "; ")
}

// fixedIn says how many problems --fix fixed, in how many files.
func fixedIn(sum Summary) string {
	return fmt.Sprintf("%s fixed in %s", plural(sum.Fixed, "problem"), plural(sum.FixedFiles, "file"))
}
