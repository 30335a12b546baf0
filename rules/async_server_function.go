package rules

import (
	"bytes"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// AsyncServerFunction reports Server Functions and cache functions that are
// not async.
var AsyncServerFunction = &lint.Rule{
	ID:      "async-server-function",
	Default: lint.SeverityError,
	Fix:     lint.FixUnsafe,
	Aliases: []string{"react-rsc/function-definition", "@eslint-react/rsc-function-definition", "react/async-server-action", "useReactAsyncServerFunction"},
	Doc: lint.RuleDoc{
		Summary: "A Server Function or cache function must be async",
		What: `Reports a function whose own prologue holds "use server" or "use cache" but ` +
			`that is not async. Generators count as not async: only async functions and ` +
			`async generators pass. Getters, setters, constructors and instance methods ` +
			`are left to directive-scope, since adding async would not make them valid.`,
		Why: "A Server Function is called over the network and always returns a promise " +
			"to its caller; Next.js rejects a non-async one at build time (\"Server Actions " +
			"must be async functions\"), and a cache function's result is awaited the same way.",
		Example: `export default function Page() {
  function publish(formData: FormData) {
    "use server";
    savePost(formData);
  }
  return <form action={publish}>…</form>;
}`,
		Instead: `export default function Page() {
  async function publish(formData: FormData) {
    "use server";
    await savePost(formData);
  }
  return <form action={publish}>…</form>;
}`,
		Fix: "Unsafe: adds the async keyword. The function then returns a promise, which " +
			"changes what its direct callers receive; callers and any returned values " +
			"should be checked.",
	},
	Run: runAsyncServerFunction,
}

func runAsyncServerFunction(pass *lint.Pass) {
	f := pass.File
	for i := range f.Functions {
		fn := &f.Functions[i]
		d, ok := serverLike(fn.Prologue)
		if !ok || fn.Async || serverScopeProblem(fn) != "" {
			continue
		}
		noun := functionNoun(d.Value)
		msg := functionSubject(noun, fn) + " is not async: a function with " + quoted(d.Value) + " must be async. Add the async keyword"
		if fn.Generator {
			msg = functionSubject(noun, fn) + " is a generator that is not async: a function with " + quoted(d.Value) + " must be async. Make it an async generator"
		}
		pass.Report(headSpan(f, fn), msg, addAsyncFix(f.Source, fn))
	}
}

// headSpan is where a report about a function points: from its start up to
// its parameters (the function keyword and name, a method's name), or its
// parameter list for an arrow.
func headSpan(f *js.File, fn *js.Function) js.Span {
	start, end := fn.Start, fn.Params.Start
	if end <= start {
		end = fn.Params.End
	}
	if end <= start {
		end = start + 1
	}
	end = min(end, len(f.Source))
	start = min(start, end)
	// Do not run over the line: multi-line heads point at their first line.
	if nl := bytes.IndexAny(f.Source[start:end], "\r\n"); nl >= 0 {
		end = start + nl
	}
	for end > start+1 && (f.Source[end-1] == ' ' || f.Source[end-1] == '\t') {
		end--
	}
	return js.Span{Start: start, End: end}
}

// addAsyncFix inserts the async keyword where it belongs: before the
// function keyword, before an arrow's parameters, before a method's name or
// its generator star. It offers nothing where it cannot be sure.
func addAsyncFix(src []byte, fn *js.Function) *lint.Fix {
	at := fn.Start
	if at < 0 || at >= len(src) {
		return nil
	}
	prev := at - 1
	for prev >= 0 && (src[prev] == ' ' || src[prev] == '\t' || src[prev] == '\n' || src[prev] == '\r') {
		prev--
	}
	// async then a line break then the function: not an async function in
	// JavaScript (the file does not parse); a second async would not help.
	if prev >= 4 && string(src[prev-4:prev+1]) == "async" && (prev < 5 || !isIdentByte(src[prev-5])) {
		return nil
	}
	switch fn.Kind {
	case js.FuncDeclaration, js.FuncExpression:
		if !bytes.HasPrefix(src[at:], []byte("function")) {
			return nil
		}
	case js.FuncArrow:
		if prev >= 0 && src[prev] == '>' { // after TypeScript type parameters
			return nil
		}
	case js.FuncObjectMethod, js.FuncClassMethod:
		if fn.Generator {
			if prev < 0 || src[prev] != '*' {
				return nil
			}
			at = prev
		}
	default:
		return nil
	}
	return &lint.Fix{
		Message: "Make the function async",
		Edits:   []lint.TextEdit{{Span: js.Span{Start: at, End: at}, NewText: "async "}},
	}
}

// isIdentByte reports whether c can be part of an identifier.
func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
