package lint

import (
	"fmt"
	"strings"

	"github.com/directivelint/directivelint/lint/js"
)

// FixKind says which kind of fix a rule can offer.
type FixKind uint8

// The kinds of fix a rule can offer.
const (
	FixNone FixKind = iota
	FixSafe
	FixUnsafe
	FixSometimes // safe for some reports, unsafe or none for others
)

// RuleDoc is a rule's documentation, in the shape of Ruff's rule pages.
type RuleDoc struct {
	// Summary is one line: what the rule reports.
	Summary string
	// What explains what the rule does.
	What string
	// Why explains why it is a problem.
	Why string
	// Example is code the rule reports.
	Example string
	// Instead is the code to write instead.
	Instead string
	// Fix describes the fix, if any (safe or unsafe).
	Fix string
}

// Rule is one check over a scanned file. Rules are plain values; the
// registry in package rules lists them.
type Rule struct {
	// ID is the stable kebab-case name used in output, config and suppressions.
	ID string
	// Default is the severity in the recommended preset.
	Default Severity
	// Fix is the kind of fix the rule offers.
	Fix FixKind
	Doc RuleDoc
	// Aliases are the names peer linters give the same check: ESLint rules
	// (plugin/rule) and Biome rules (their name, without lint/GROUP/). An
	// eslint-disable or biome-ignore comment naming one suppresses this
	// rule; explain and the rule's page list them.
	Aliases []string
	// Run inspects pass.File and calls pass.Report for each problem. It may
	// be nil for a rule that only has a graph part. It must report only
	// about directive-like strings (see js.DirectiveLike) and what hangs from
	// them: the runner gives it a Partial file when the rest holds none.
	// (The exports of a "use client" route file, pass.Route, are always
	// there: the runner scans such a file whole.)
	Run func(pass *Pass)
	// RunGraph, when set, is the rule's module-graph part: it runs once per
	// run, after every file, over the import graph (see GraphPass).
	RunGraph func(pass *GraphPass)
	// GraphImports names the packages whose imports RunGraph reports
	// (their subpaths too). The module graph keeps where those imports are
	// and what they bind (graph.Module.ImportNames, graph.Module.Locate), and no
	// import of any other package.
	GraphImports []string
	// GraphServerOnlyImports says RunGraph also reports imports of the
	// run's server-only modules (GraphPass.ServerOnlyModules).
	GraphServerOnlyImports bool
}

// Pass gives a rule one file and a way to report on it.
type Pass struct {
	File *js.File
	Rule *Rule
	// Route is the kind of Next.js app/ route file File is, its name
	// without the extension ("page", "layout", "template", "default",
	// "route" …), or "" when it is none (see resolve.Resolver.RouteName).
	Route string
	// Env, when set, answers what the rule asks about the files around
	// File, whose absolute path is Abs (see CacheKinds).
	Env    *Env
	Abs    string
	report func(Diagnostic)
}

// NewPass returns a Pass over file for rule whose reports go to report.
func NewPass(file *js.File, rule *Rule, report func(Diagnostic)) *Pass {
	return &Pass{File: file, Rule: rule, report: report}
}

// CacheKinds returns the cache kinds the file's project has besides
// BuiltinCacheKinds, and false when they cannot be known (see
// Env.CacheKinds); without an Env, none and true.
func (p *Pass) CacheKinds() (kinds []string, ok bool) {
	if p.Env == nil {
		return nil, true
	}
	return p.Env.CacheKinds(p.Abs)
}

// Report records a problem at span with a message and an optional fix, at
// the rule's severity.
func (p *Pass) Report(span js.Span, message string, fix *Fix) {
	p.ReportSeverity(p.Rule.Default, span, message, fix)
}

// ReportSeverity is Report for a problem milder than the rule's default
// (such as a duplicate directive, a warning). The runner never raises it
// above the rule's configured severity.
func (p *Pass) ReportSeverity(sev Severity, span js.Span, message string, fix *Fix) {
	p.report(Diagnostic{
		File:     p.File.Path,
		Rule:     p.Rule.ID,
		Severity: sev,
		Message:  message,
		Span:     span,
		Fix:      fix,
	})
}

// FindRule returns the rule with the ID, or nil.
func FindRule(rules []*Rule, id string) *Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// DidYouMean returns `; did you mean "ID"?` for the one of ids closest to
// id (by edit distance, ignoring case), or nothing when there are no IDs.
func DidYouMean(id string, ids []string) string {
	best, bestDist := "", -1
	for _, c := range ids {
		if d := js.EditDistance(strings.ToLower(id), c); bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}
