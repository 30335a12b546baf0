package rules

import (
	"bytes"
	"cmp"
	"slices"
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
	if len(f.ThisUses) == 0 {
		return
	}
	nouns := serverFunctionNouns(f)
	holders := paramsHolders(f)
	exported := exportNames(f)
	for ui, u := range f.ThisUses {
		if u.ClassBetween {
			continue // a class field or static block: the class's own this
		}
		start := u.Func
		if j := holders[ui]; j >= 0 {
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
				pass.Report(u.Span, thisMessage(u.Kind, functionSubject(noun, namedAfterExport(fn, exported[fi]))), nil)
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

// paramsHolders returns, for each of f.ThisUses, the index of the last
// function in f.Functions whose parameter list holds it, or -1.
//
// Asking every function for every use took a square of the file's size (a
// file of many functions and many uses of this). Parameter lists are
// parenthesized groups or single names, so two of them are nested or
// disjoint, and the lists holding a use are the chain from the innermost
// one out. One pass over the lists sorted by start and the uses, both in
// source order (the scanner records uses token by token), keeps that chain
// on a stack.
func paramsHolders(f *js.File) []int {
	holders := make([]int, len(f.ThisUses))
	lists := paramLists(f)
	var chain []paramList // the lists open at the current use, innermost last
	next := 0
	for ui, u := range f.ThisUses {
		for ; next < len(lists) && lists[next].span.Start <= u.Span.Start; next++ {
			chain = closeBefore(chain, lists[next].span.Start)
			chain = append(chain, nestIn(chain, lists[next]))
		}
		chain = closeBefore(chain, u.Span.Start)
		holders[ui] = lastHolding(chain, u.Span)
	}
	return holders
}

// paramList is one function's parameter list: its span, the function's
// index, and the largest index of a function whose list holds this one
// (itself included).
type paramList struct {
	span    js.Span
	fn      int
	lastOut int
}

// paramLists returns the parameter lists that hold at least one byte,
// sorted by start, outer lists before the lists they hold.
func paramLists(f *js.File) []paramList {
	var lists []paramList
	for i := range f.Functions {
		if p := f.Functions[i].Params; p.End > p.Start {
			lists = append(lists, paramList{span: p, fn: i, lastOut: i})
		}
	}
	slices.SortStableFunc(lists, func(a, b paramList) int {
		if a.span.Start != b.span.Start {
			return cmp.Compare(a.span.Start, b.span.Start)
		}
		return cmp.Compare(b.span.End, a.span.End)
	})
	return lists
}

// closeBefore drops from the end of chain the lists that end at or before
// offset: they hold nothing from there on.
func closeBefore(chain []paramList, offset int) []paramList {
	for len(chain) > 0 && chain[len(chain)-1].span.End <= offset {
		chain = chain[:len(chain)-1]
	}
	return chain
}

// nestIn returns list with lastOut raised to that of the innermost list of
// chain when that one holds it.
func nestIn(chain []paramList, list paramList) paramList {
	if n := len(chain); n > 0 && chain[n-1].span.End >= list.span.End {
		list.lastOut = max(list.lastOut, chain[n-1].lastOut)
	}
	return list
}

// lastHolding returns the largest function index among the lists of chain
// holding span, or -1.
func lastHolding(chain []paramList, span js.Span) int {
	for i := len(chain) - 1; i >= 0; i-- {
		if p := chain[i].span; span.Start >= p.Start && span.End <= p.End {
			return chain[i].lastOut
		}
	}
	return -1
}

// isThisParameter reports whether the this at span is TypeScript's this
// parameter, function f(this: Window, …): the first parameter, followed by
// a type annotation.
func isThisParameter(src []byte, span js.Span) bool {
	before := bytes.TrimRight(src[:span.Start], " \t\r\n")
	after := bytes.TrimLeft(src[span.End:], " \t\r\n")
	return bytes.HasSuffix(before, []byte("(")) && (bytes.HasPrefix(after, []byte(":")) || bytes.HasPrefix(after, []byte("?:")))
}

// exportNames maps the index of each exported function to the name of its
// first export that has one (not default), as withExportName finds it.
// Looking through the exports for every use of this took a square of the
// file's size; the map is built once per file.
func exportNames(f *js.File) map[int]string {
	names := make(map[int]string)
	for _, e := range f.Exports {
		if _, seen := names[e.Func]; !seen && e.Func >= 0 && namesFunction(e) {
			names[e.Func] = e.Name
		}
	}
	return names
}

// namesFunction reports whether export e gives its function a name: one
// that is not default.
func namesFunction(e js.Export) bool { return e.Name != "default" && e.Name != "" }

// namedAfterExport returns fn, named after its export when the scanner gave
// it no name of its own and the export has one.
func namedAfterExport(fn *js.Function, exportName string) *js.Function {
	if fn.Name != "" || exportName == "" {
		return fn
	}
	named := *fn
	named.Name = exportName
	return &named
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
		if e.Func == i && namesFunction(e) {
			return namedAfterExport(fn, e.Name)
		}
	}
	return fn
}
