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
			`"Use client", "useserver", "use cache:remote" (a cache kind needs a space: ` +
			`"use cache: remote"), and "use action" (meaning "use server"). Case is ignored, ` +
			`hyphens and underscores count as spaces, and the string must be within two ` +
			`substitutions of a directive, or one letter longer or shorter. "use strict", ` +
			`"use memo", "use no memo" and longer sentences are never reported.`,
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
	check := func(prologue []js.Directive) {
		for i := range prologue {
			d := &prologue[i]
			if d.Form != js.FormQuoted {
				continue
			}
			s, ok := js.SuggestDirective(d.Value)
			if !ok {
				continue
			}
			q := d.Quote
			if q != '\'' && q != '"' {
				q = fileQuote(f)
			}
			text := quote(s, q)
			pass.Report(d.Span, quoted(d.Value)+" is not a directive and is ignored. Did you mean "+quoted(s)+"?", &lint.Fix{
				Message: "Replace with " + text,
				Edits:   []lint.TextEdit{{Span: d.Span, NewText: text}},
			})
		}
	}
	check(f.Prologue)
	for i := range f.Functions {
		check(f.Functions[i].Prologue)
	}
}
