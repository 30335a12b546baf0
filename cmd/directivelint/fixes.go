package main

import (
	"fmt"
	"io"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/report"
)

// fixSummary is the summary of res for the report: the files linted and
// what the fixes of mode changed.
func fixSummary(res *lint.Result, mode lint.FixMode) report.Summary {
	sum := report.Summary{Files: res.Files, FixMode: mode}
	for _, ff := range res.Fixed {
		sum.Fixed += ff.Fixes
		sum.FixedFiles++
	}
	return sum
}

// fixedIn says how many problems were fixed in how many files.
func fixedIn(sum report.Summary) string {
	return fmt.Sprintf("%s in %s", plural(sum.Fixed, "problem"), plural(sum.FixedFiles, "file"))
}

// countSeverities returns the number of diagnostics at error level and of
// the others (warnings).
func countSeverities(diags []lint.Diagnostic) (errors, warnings int) {
	for _, d := range diags {
		if d.Severity == lint.SeverityError {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// showDiff prints what --fix (with --unsafe-fixes, what --fix
// --unsafe-fixes) would change as a unified diff on stdout, and on stderr
// what the diff leaves out: the unsafe fixes, when they are not shown, and
// the problems no fix shown resolves. It returns the exit status: 1 when
// there is a diff to show, as Ruff's `check --diff` does, and 1 as well
// when errors would remain after it (which Ruff's exit status ignores) or
// more warnings than --max-warnings, as after --fix.
func showDiff(res *lint.Result, f flags, stdout, stderr io.Writer) (int, error) {
	for _, ff := range res.Fixed {
		fmt.Fprint(stdout, unifiedDiff(ff))
	}
	unsafe := 0
	for _, d := range res.Diagnostics {
		if d.Fix != nil && len(d.Fix.Edits) > 0 && !d.Fix.Safe {
			unsafe++
		}
	}
	if unsafe > 0 && !f.integ.unsafeFixes {
		what := "no safe fix to show; " + plural(unsafe, "problem")
		if len(res.Fixed) > 0 {
			what = plural(unsafe, "more problem")
		}
		have := " has"
		if unsafe > 1 {
			have = " have"
		}
		fmt.Fprintf(stderr, "directivelint: %s%s an unsafe fix: see them with --diff --unsafe-fixes\n", what, have)
	}
	errorsFound, warnings := countSeverities(res.Diagnostics)
	if errorsFound+warnings > 0 {
		after := "remain"
		if errorsFound+warnings == 1 {
			after = "remains"
		}
		if len(res.Fixed) > 0 {
			after = "would remain after these fixes"
		}
		fmt.Fprintf(stderr, "directivelint: %s (%s, %s) %s: run without --diff to see them\n",
			plural(errorsFound+warnings, "problem"), plural(errorsFound, "error"), plural(warnings, "warning"), after)
	}
	code, err := exitStatus(res, f.maxWarnings, stderr)
	if code == exitOK && len(res.Fixed) > 0 {
		code = exitProblems
	}
	return code, err
}

// plural is "1 word" or "N words".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
