package report

import "github.com/directivelint/directivelint/lint"

// Fix kinds of a diagnostic, as the formats name them.
const (
	fixSafe   = "safe"
	fixUnsafe = "unsafe"
	fixNone   = "none"
)

// fixOf says whether d has a fix and of which kind: safe (applied by
// --fix), unsafe (applied by --fix --unsafe-fixes) or none.
func fixOf(d lint.Diagnostic) string {
	switch {
	case d.Fix == nil || len(d.Fix.Edits) == 0:
		return fixNone
	case d.Fix.Safe:
		return fixSafe
	}
	return fixUnsafe
}

// countFixable returns how many of diags have a safe fix and how many an
// unsafe one.
func countFixable(diags []lint.Diagnostic) (safe, unsafe int) {
	for _, d := range diags {
		switch fixOf(d) {
		case fixSafe:
			safe++
		case fixUnsafe:
			unsafe++
		}
	}
	return safe, unsafe
}

// docsURL is the page of the rule with the id.
func docsURL(id string) string { return lint.DocsURL + id + ".md" }
