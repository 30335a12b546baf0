package rules

import (
	"fmt"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// DirectivePosition reports directives that stand outside any prologue,
// where bundlers ignore them without a word.
var DirectivePosition = &lint.Rule{
	ID:      "directive-position",
	Default: lint.SeverityError,
	Fix:     lint.FixUnsafe,
	Aliases: []string{"react-rsc/function-definition", "@eslint-react/rsc-function-definition"},
	Doc: lint.RuleDoc{
		Summary: "A directive that is not at the top of its file or function is ignored",
		What: `Reports a statement made only of "use server", "use client" or "use cache" ` +
			`(or a close misspelling of one) that stands outside a directive prologue: ` +
			`at module level after an import or any other statement, in a function body ` +
			`after other statements, or inside a block that is not a function body ` +
			`(if, loop, try, a bare block). The React Compiler's "use memo" and ` +
			`"use no memo" are not checked.`,
		Why: `A directive only counts in the prologue: the run of string statements ` +
			`that opens a file or a function body (comments and "use strict" may stand ` +
			`among them). Anywhere else it is an ordinary string expression, so the ` +
			`module or function silently stays what it was: a "use client" file renders ` +
			`on the server, a "use server" action is bundled into the client.`,
		Example: `import { db } from "@/lib/db";
"use server";

export async function save(data: FormData) {
  await db.insert(data);
}`,
		Instead: `"use server";
import { db } from "@/lib/db";

export async function save(data: FormData) {
  await db.insert(data);
}`,
		Fix: `Unsafe: moves the directive to the top of its file or of its enclosing ` +
			`function (after any directives already there), which changes how the code ` +
			`is bundled. "use client" always moves to the top of the file, the only place ` +
			`where it means something. If the prologue already holds the same directive, ` +
			`the misplaced copy is only removed.`,
	},
	Run: runDirectivePosition,
}

func runDirectivePosition(pass *lint.Pass) {
	f := pass.File
	nl := "" // the file's line ending, read at the first fix
	for i := range f.Misplaced {
		d := &f.Misplaced[i]
		if d.Form != js.FormQuoted || d.InPrologue || !looksLikeDirective(d.Value) {
			continue
		}
		if nl == "" {
			nl = newline(f.Source)
		}
		pass.Report(d.Span, positionMessage(f, d), moveFix(f, d, nl))
	}
}

func positionMessage(f *js.File, d *js.Directive) string {
	what := quoted(d.Value) + " is ignored here"
	if s, ok := js.SuggestDirective(d.Value); ok {
		what = fmt.Sprintf("%s (a misspelling of %s) is ignored here", quoted(d.Value), quoted(s))
	}
	switch {
	case d.Value == UseClient:
		return what + ": it only works as the first statement of a file, before imports and other code. Move it to the top of the file"
	case d.Block == js.BlockOther:
		return what + ": a directive inside a block (if, loop, try…) does nothing. Move it to the top of the function or file"
	case d.Func >= 0 && d.Func < len(f.Functions):
		return what + ": a directive must come before any other statement of the function body. Move it to the top of the function"
	default:
		return what + ": a directive must come before imports and any other code. Move it to the top of the file"
	}
}

// moveFix moves a misplaced directive to the top of its function, or of its
// file for module-level ones and for "use client".
func moveFix(f *js.File, d *js.Directive, nl string) *lint.Fix {
	src := f.Source
	if d.Span.Start < 0 || d.Span.End > len(src) || d.StatementEnd < d.Span.End || d.StatementEnd > len(src) {
		return nil
	}
	remove := removeStatement(src, d.Span.Start, d.StatementEnd)

	prologue, top, module := f.Prologue, moduleTop(src), true
	message := "Move the directive to the top of the file"
	if d.Value != UseClient && d.Func >= 0 && d.Func < len(f.Functions) {
		fn := &f.Functions[d.Func]
		if !fn.HasBody || fn.Body.End <= fn.Body.Start {
			return nil
		}
		prologue, top, module = fn.Prologue, fn.Body.Start+1, false
		message = "Move the directive to the top of the function"
	}
	for _, p := range prologue {
		if p.Form == js.FormQuoted && p.Value == d.Value {
			return &lint.Fix{Message: "Remove the misplaced copy of the directive", Edits: []lint.TextEdit{remove}}
		}
	}
	stmt, semicolon := statementText(src, d)
	insert := insertStatement(src, nl, prologue, top, module, stmt, semicolon)
	if insert.Span.Start > remove.Span.Start && insert.Span.Start < remove.Span.End {
		return nil // never overlap: would lose content
	}
	return &lint.Fix{Message: message, Edits: []lint.TextEdit{insert, remove}}
}
