package rules

import (
	"strconv"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// ConflictingDirectives reports prologues holding directives that exclude
// each other, or the same directive twice.
var ConflictingDirectives = &lint.Rule{
	ID:      "conflicting-directives",
	Default: lint.SeverityError,
	Fix:     lint.FixSometimes,
	Doc: lint.RuleDoc{
		Summary: "One prologue holds directives that exclude each other, or one twice",
		What: `Reports, at the second one, a directive in a file or function prologue that ` +
			`conflicts with an earlier one of the same prologue: "use client" with ` +
			`"use server" or "use cache", "use server" with "use cache", or two different ` +
			`cache kinds. The same directive written twice is reported too (a duplicate is ` +
			`harmless, so it should be a warning).`,
		Why: "A module is either client code or server code, and a function is either a " +
			"Server Function or a cached function. With both directives, which one wins " +
			"depends on the bundler, and the intent is unclear to the reader.",
		Example: `"use client";
"use server";

export async function like(id: string) {}`,
		Instead: `"use server";

export async function like(id: string) {}`,
		Fix: "Safe for an exact duplicate: removes the second copy (with its line when it " +
			"stands alone). None for a conflict: decide which directive is meant.",
	},
	Run: runConflictingDirectives,
}

func runConflictingDirectives(pass *lint.Pass) {
	f := pass.File
	check := func(prologue []js.Directive, where string) {
		for j := range prologue {
			d := &prologue[j]
			if d.Form != js.FormQuoted || !IsChecked(d.Value) {
				continue
			}
			var dup, conflict *js.Directive
			for i := range j {
				e := &prologue[i]
				if e.Form != js.FormQuoted || !IsChecked(e.Value) {
					continue
				}
				if e.Value == d.Value {
					dup = e
					break
				}
				if conflict == nil {
					conflict = e
				}
			}
			switch {
			case dup != nil:
				pass.ReportSeverity(lint.SeverityWarn, d.Span, quoted(d.Value)+" is repeated in this "+where+" prologue: remove the duplicate", &lint.Fix{
					Message: "Remove the duplicate directive",
					Safe:    true,
					Edits:   []lint.TextEdit{removeStatement(f.Source, d.Span.Start, max(d.StatementEnd, d.Span.End))},
				})
			case conflict != nil:
				line := f.Position(conflict.Span.Start).Line
				pass.Report(d.Span, quoted(d.Value)+" conflicts with "+quoted(conflict.Value)+" on line "+strconv.Itoa(line)+
					": a "+where+" cannot be both. Keep only the directive you mean", nil)
			}
		}
	}
	check(f.Prologue, "module")
	for i := range f.Functions {
		check(f.Functions[i].Prologue, "function")
	}
}
