package rules

import (
	"fmt"
	"strings"

	"github.com/directivelint/directivelint/lint/js"
)

// The directives the rules check, and the React Compiler's (known, so they
// are never called typos, but no rule checks them). The vocabulary itself
// (what is known, what is a typo of what) is the engine's: see
// lint.IsKnownDirective and lint.SuggestDirective.
const (
	UseServer = js.UseServer
	UseClient = js.UseClient
	UseCache  = js.UseCache
	UseMemo   = js.UseMemo
	UseNoMemo = js.UseNoMemo
)

// IsChecked reports whether value is one of the directives the rules check:
// use server, use client, use cache or use cache: KIND.
func IsChecked(value string) bool {
	return value == UseServer || value == UseClient || IsCache(value)
}

// IsCache reports whether value is use cache or use cache: KIND.
func IsCache(value string) bool {
	return value == UseCache || strings.HasPrefix(value, "use cache: ") && js.IsKnownDirective(value)
}

// IsServerLike reports whether value makes a function a Server Function or a
// cache function: use server, use cache or use cache: KIND.
func IsServerLike(value string) bool {
	return value == UseServer || IsCache(value)
}

// looksLikeDirective reports whether value is a checked directive or a close
// misspelling of one.
func looksLikeDirective(value string) bool {
	if IsChecked(value) {
		return true
	}
	_, ok := js.SuggestDirective(value)
	return ok
}

// functionNoun names what a directive makes of a function, for messages.
func functionNoun(value string) string {
	if IsCache(value) {
		return "cache function"
	}
	return "Server Function"
}

// serverLike returns the first use server or use cache directive of a
// prologue.
func serverLike(prologue []js.Directive) (*js.Directive, bool) {
	for i := range prologue {
		d := &prologue[i]
		if d.Form == js.FormQuoted && IsServerLike(d.Value) {
			return d, true
		}
	}
	return nil, false
}

// moduleDirective returns the module prologue's directive for which match
// is true.
func moduleDirective(f *js.File, match func(string) bool) (*js.Directive, bool) {
	for i := range f.Prologue {
		d := &f.Prologue[i]
		if d.Form == js.FormQuoted && match(d.Value) {
			return d, true
		}
	}
	return nil, false
}

// serverScopeProblem says why a use server or use cache directive cannot
// work in fn, or returns "" when it can. Such functions are reported by
// directive-scope and left alone by async-server-function, since adding
// async would not help (getters, setters and constructors cannot be async).
func serverScopeProblem(fn *js.Function) string {
	switch fn.Kind {
	case js.FuncConstructor:
		return "a constructor"
	case js.FuncGetter:
		return "a getter"
	case js.FuncSetter:
		return "a setter"
	case js.FuncClassMethod:
		if !fn.Static {
			return "a class instance method"
		}
	}
	return ""
}

// quoted writes value as a directive in the message style: "use server".
func quoted(value string) string {
	return fmt.Sprintf("%q", value)
}

// functionSubject starts a message about a function: `Server Function
// "save"`, or `This Server Function` when it has no name.
func functionSubject(noun string, fn *js.Function) string {
	switch {
	case fn.Name == "":
		return "This " + noun
	case fn.Name == "default" && (fn.Kind == js.FuncDeclaration || fn.Kind == js.FuncExpression || fn.Kind == js.FuncArrow):
		// export default function () {}: named "default" by the scanner.
		return "This " + noun + " (the default export)"
	}
	return noun + " " + quoted(fn.Name)
}
