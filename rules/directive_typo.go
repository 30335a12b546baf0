package rules

import (
	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// DirectiveTypo reports prologue strings that are misspelt directives.
var DirectiveTypo = &lint.Rule{
	ID:      "directive-typo",
	Default: lint.SeverityError,
	Fix:     lint.FixUnsafe,
	Doc: lint.RuleDoc{
		Summary: "A string at the top of a file or function is a misspelt directive",
		What: `Reports a string in a directive prologue that is close to "use server", ` +
			`"use client" or "use cache" but is none of them: "use sever", "use-client", ` +
			`"Use client", "useserver", "use action" (meaning "use server"), and every ` +
			`malformed cache kind: "use cache:remote", "use cache : remote", "use cache private", ` +
			`"use cache " and "use cache: " (a cache kind is written "use cache: remote"). Case ` +
			`is ignored, hyphens and underscores count as spaces, and the string must be within ` +
			`two substitutions of a directive, or one letter longer or shorter. A misspelling ` +
			`in parentheses standing as a statement of its own at the top level of a file or ` +
			`function, wherever it stands (('use sevrer'), as formatters write it after an ` +
			`import), is reported too. "use strict", "use memo", "use no memo" and longer ` +
			`sentences are never reported.`,
		Why: "An unknown string in a prologue is legal and ignored, so a misspelt " +
			"directive fails without any error: the component stays a Server Component, " +
			"the action is never exposed, the cache is never used.",
		Example: `'use sever';

export async function subscribe(email: string) {
  await db.subscribers.insert({ email });
}`,
		Instead: `'use server';

export async function subscribe(email: string) {
  await db.subscribers.insert({ email });
}`,
		Fix: "Unsafe: replaces the string with the suggested directive, keeping its quotes. " +
			"It is unsafe because the directive then takes effect and changes how the " +
			"module or function is bundled.",
	},
	Run: runDirectiveTypo,
}

func runDirectiveTypo(pass *lint.Pass) {
	f := pass.File
	report := func(d *js.Directive, what string) {
		s, ok := js.SuggestDirective(d.Value)
		if !ok {
			return
		}
		q := d.Quote
		if q != '\'' && q != '"' {
			q = fileQuote(f)
		}
		text := quote(s, q)
		pass.Report(d.Span, quoted(d.Value)+what+" is not a directive and is ignored. Did you mean "+quoted(s)+"?", &lint.Fix{
			Message: "Replace with " + text,
			Edits:   []lint.TextEdit{{Span: d.Span, NewText: text}},
		})
	}
	check := func(prologue []js.Directive) {
		for i := range prologue {
			if prologue[i].Form == js.FormQuoted {
				report(&prologue[i], "")
			}
		}
	}
	check(f.Prologue)
	for i := range f.Functions {
		check(f.Functions[i].Prologue)
	}
	// A misspelling in parentheses at the top level of a file or function
	// body, wherever it stands: ;('use sevrer') after an import. A
	// well-spelt one is directive-syntax's (SuggestDirective rejects it).
	for i := range f.Misplaced {
		if d := &f.Misplaced[i]; d.Form == js.FormParenthesized && d.Block != js.BlockOther {
			report(d, " in parentheses")
		}
	}
}
