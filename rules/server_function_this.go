package rules

import (
	"bytes"
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// ServerFunctionThis reports this, arguments and super in the body of a
// Server Function or cache function.
var ServerFunctionThis = &lint.Rule{
	ID:      "server-function-this",
	Default: lint.SeverityError,
	Fix:     lint.FixNone,
	Doc: lint.RuleDoc{
		Summary: "A Server Function or cache function uses this, arguments or super",
		What: `Reports this, arguments and super in the body of a Server Function or cache ` +
			`function: a function whose own prologue holds "use server" or "use cache", or ` +
			`an exported function of a module whose prologue holds one of them. Uses inside ` +
			`arrow functions count, since arrows share them with the function around them; ` +
			`uses inside a nested function expression or declaration, a method, or a class ` +
			`body do not.`,
		Why: "A Server Function is called over the network by reference, not as a method " +
			"of an object: inline ones are hoisted to module scope by the bundler, so this is " +
			"lost, and super has nothing to refer to. Next.js rejects this and arguments in " +
			"Server Functions at build time (vercel/next.js#73059), and cache functions follow " +
			"the same rules; values a function needs must come from its parameters or its " +
			"module.",
		Example: `class Store {
  prefix = "post:";
  save = async (title: string) => {
    "use server";
    await db.set(this.prefix + title, title);
  };
}`,
		Instead: `const PREFIX = "post:";

export async function save(title: string) {
  "use server";
  await db.set(PREFIX + title, title);
}`,
		Fix: "None: pass the value as an argument, read it from module scope, or use rest " +
			"parameters (...args) instead of arguments.",
	},
	Run: runServerFunctionThis,
}

func runServerFunctionThis(pass *lint.Pass) {
	f := pass.File
	nouns := serverFunctionNouns(f)
	for _, u := range f.ThisUses {
		if u.ClassBetween {
			continue // a class field or static block: the class's own this
		}
		start := u.Func
		if j := paramsHolding(f, u.Span); j >= 0 {
			if u.Kind == js.UseThis && isThisParameter(f.Source, u.Span) {
				continue // TypeScript's this parameter: a type, not a use
			}
			start = j // a default value: evaluated in that function
		}
		// Walk out through arrow functions, which share this, arguments and
		// super with the function around them.
		for fi := start; fi >= 0 && fi < len(f.Functions); {
			fn := &f.Functions[fi]
			if noun := nouns[fi]; noun != "" {
				pass.Report(u.Span, thisMessage(u.Kind, functionSubject(noun, withExportName(f, fi))), nil)
				break
			}
			if fn.Kind != js.FuncArrow || fn.ClassBetween {
				break
			}
			fi = fn.Parent
		}
	}
}

// thisMessage says why the keyword cannot be used in the function.
func thisMessage(kind js.ThisUseKind, subject string) string {
	switch kind {
	case js.UseArguments:
		return "arguments is used in " + lowerFirst(subject) + ", which is called over the network where the arguments object is not available. Use named or rest parameters (...args) instead"
	case js.UseSuper:
		return "super is used in " + lowerFirst(subject) + ", which is called over the network, not as a method of an object, so super refers to nothing. Call the function it needs directly"
	}
	return "this is used in " + lowerFirst(subject) + ", which is called over the network, not as a method of an object, so this is lost. Pass the value as an argument or read it from module scope"
}

// lowerFirst turns "This Server Function" into "a Server Function" for use
// inside a sentence; named subjects are left alone.
func lowerFirst(subject string) string {
	if rest, ok := strings.CutPrefix(subject, "This "); ok {
		return "a " + rest
	}
	return subject
}

// serverFunctionNouns maps the index of each Server Function and cache
// function of f to its noun ("Server Function" or "cache function"): the
// functions with "use server" or "use cache" in their own prologue, and the
// exported functions of a module with one of them in its prologue. Other
// functions map to "".
func serverFunctionNouns(f *js.File) []string {
	nouns := make([]string, len(f.Functions))
	if d, ok := moduleDirective(f, IsServerLike); ok {
		noun := functionNoun(d.Value)
		for i := range f.Functions {
			if f.Functions[i].Exported {
				nouns[i] = noun
			}
		}
		for _, e := range f.Exports {
			if e.Func >= 0 && e.Func < len(nouns) && !e.TypeOnly {
				nouns[e.Func] = noun
			}
		}
	}
	for i := range f.Functions {
		if d, ok := serverLike(f.Functions[i].Prologue); ok && serverScopeProblem(&f.Functions[i]) == "" {
			// Instance methods, getters, setters and constructors are
			// directive-scope's: the directive itself is wrong there.
			nouns[i] = functionNoun(d.Value)
		}
	}
	return nouns
}

// paramsHolding returns the index of the innermost function whose parameter
// list holds span, or -1.
func paramsHolding(f *js.File, span js.Span) int {
	found := -1
	for i := range f.Functions {
		p := f.Functions[i].Params
		if span.Start >= p.Start && span.End <= p.End {
			found = i
		}
	}
	return found
}

// isThisParameter reports whether the this at span is TypeScript's this
// parameter, function f(this: Window, …): the first parameter, followed by
// a type annotation.
func isThisParameter(src []byte, span js.Span) bool {
	before := bytes.TrimRight(src[:span.Start], " \t\r\n")
	after := bytes.TrimLeft(src[span.End:], " \t\r\n")
	return bytes.HasSuffix(before, []byte("(")) && (bytes.HasPrefix(after, []byte(":")) || bytes.HasPrefix(after, []byte("?:")))
}

// withExportName returns the function at index i, named after its export
// when the scanner gave it no name of its own (export const f = async (a =
// 1) => …).
func withExportName(f *js.File, i int) *js.Function {
	fn := &f.Functions[i]
	if fn.Name != "" {
		return fn
	}
	for _, e := range f.Exports {
		if e.Func == i && e.Name != "default" && e.Name != "" {
			named := *fn
			named.Name = e.Name
			return &named
		}
	}
	return fn
}
