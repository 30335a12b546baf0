package rules

import (
	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// DirectiveSyntax reports directives written in a way that makes them
// ordinary expressions: template literals, parentheses, concatenations.
var DirectiveSyntax = &lint.Rule{
	ID:      "directive-syntax",
	Default: lint.SeverityError,
	Fix:     lint.FixSafe,
	Aliases: []string{"react-rsc/function-definition", "@eslint-react/rsc-function-definition"},
	Doc: lint.RuleDoc{
		Summary: "A directive must be a plain quoted string",
		What: "Reports a statement that spells a known directive but is not written as a " +
			"plain single- or double-quoted string: a template literal (`use server`), a " +
			"parenthesised string (('use server')) or a concatenation ('use ' + 'server'). " +
			"It is reported at the top of a file or function, where it was meant to work, " +
			"and anywhere else too.",
		Why: "The language only treats a plain string literal as a directive. A template " +
			"literal, parentheses or a concatenation make an ordinary expression whose " +
			"value is thrown away, so the directive silently does nothing; formatters and " +
			"code generators sometimes produce these forms.",
		Example: "`use client`;\n\nexport function Counter() {\n  return <button>+1</button>;\n}",
		Instead: "\"use client\";\n\nexport function Counter() {\n  return <button>+1</button>;\n}",
		Fix: "Safe: rewrites the statement as a plain string, in the quote style the file " +
			"already uses for its directives and imports (double quotes when there are none).",
	},
	Run: runDirectiveSyntax,
}

func runDirectiveSyntax(pass *lint.Pass) {
	f := pass.File
	q := fileQuote(f)
	for i := range f.Misplaced {
		d := &f.Misplaced[i]
		if d.Form == js.FormQuoted || !IsChecked(d.Value) {
			continue
		}
		var how string
		switch d.Form {
		case js.FormTemplate:
			how = "a template literal"
		case js.FormParenthesized:
			how = "a parenthesised string"
		default:
			how = "a concatenation"
		}
		text := quote(d.Value, q)
		var fix *lint.Fix
		if d.Span.Start >= 0 && d.Span.End <= len(f.Source) && d.Span.Start < d.Span.End {
			fix = &lint.Fix{
				Message: "Write the directive as " + text,
				Safe:    true,
				Edits:   []lint.TextEdit{{Span: d.Span, NewText: text}},
			}
		}
		pass.Report(d.Span, quoted(d.Value)+" written as "+how+" is not a directive and does nothing: write it as a plain string, "+text, fix)
	}
}
