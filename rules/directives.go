package rules

import (
	"fmt"
	"strings"

	"github.com/directivelint/directivelint/lint"
)

// The directives the rules check.
const (
	UseServer = "use server"
	UseClient = "use client"
	UseCache  = "use cache"
)

// The React Compiler's directives: known, so they are never called typos,
// but no rule checks them.
const (
	UseMemo   = "use memo"
	UseNoMemo = "use no memo"
)

// IsKnown reports whether value is a known directive: use server, use
// client, use cache, use cache: KIND, use memo or use no memo.
func IsKnown(value string) bool {
	switch value {
	case UseServer, UseClient, UseCache, UseMemo, UseNoMemo:
		return true
	}
	return isCacheKind(value)
}

// IsChecked reports whether value is one of the directives the rules check:
// use server, use client, use cache or use cache: KIND.
func IsChecked(value string) bool {
	return value == UseServer || value == UseClient || IsCache(value)
}

// IsCache reports whether value is use cache or use cache: KIND.
func IsCache(value string) bool {
	return value == UseCache || isCacheKind(value)
}

// IsServerLike reports whether value makes a function a Server Function or a
// cache function: use server, use cache or use cache: KIND.
func IsServerLike(value string) bool {
	return value == UseServer || IsCache(value)
}

// isCacheKind reports whether value is exactly "use cache: KIND" with a
// non-empty word as KIND.
func isCacheKind(value string) bool {
	kind, ok := strings.CutPrefix(value, "use cache: ")
	return ok && isWord(kind)
}

// isWord reports whether s is a non-empty run of letters, digits, '-' and '_'.
func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// maxTypoLen bounds the strings considered for typos: anything longer is a
// sentence, not a misspelt directive.
const maxTypoLen = 32

// Suggest returns the checked directive that value is a close misspelling
// of, and false when value is a known directive or not close to one.
//
// Closeness: letter case is ignored, hyphens and underscores count as spaces
// and runs of spaces as one; then the value must be within an edit distance
// of 2 of a directive of the same length, or 1 insertion or deletion away.
// "use cache:remote" and other spellings of a cache kind suggest
// "use cache: remote"; "use action" suggests "use server". "use strict" is
// never a typo.
func Suggest(value string) (string, bool) {
	if IsKnown(value) || len(value) > maxTypoLen {
		return "", false
	}
	if left, kind, ok := strings.Cut(value, ":"); ok {
		kind = strings.TrimSpace(kind)
		if kind != "" && !isWord(kind) {
			return "", false
		}
		if n := normalize(left); n != UseCache && !isClose(n, UseCache) {
			return "", false
		}
		if kind == "" {
			return UseCache, true
		}
		return "use cache: " + kind, true
	}
	n := normalize(value)
	switch n {
	case "use strict":
		return "", false
	case "use action":
		return UseServer, true
	case UseMemo, UseNoMemo:
		// A misspelt React Compiler directive: not ours to check.
		return "", false
	}
	best, bestDist := "", 3
	for _, d := range []string{UseServer, UseClient, UseCache} {
		if !isClose(n, d) {
			continue
		}
		if dist := lint.EditDistance(n, d); dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return best, best != ""
}

// normalize lowercases s, turns hyphens and underscores into spaces,
// collapses runs of white space into one space and trims it.
func normalize(s string) string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// isClose reports whether the normalised string n is close to directive d:
// an edit distance of at most 2 for the same length, or 1 insertion or
// deletion.
func isClose(n, d string) bool {
	switch len(n) - len(d) {
	case 0:
		return lint.EditDistance(n, d) <= 2
	case 1, -1:
		return lint.EditDistance(n, d) <= 1
	}
	return false
}

// looksLikeDirective reports whether value is a checked directive or a close
// misspelling of one.
func looksLikeDirective(value string) bool {
	if IsChecked(value) {
		return true
	}
	_, ok := Suggest(value)
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
func serverLike(prologue []lint.Directive) (*lint.Directive, bool) {
	for i := range prologue {
		d := &prologue[i]
		if d.Form == lint.FormQuoted && IsServerLike(d.Value) {
			return d, true
		}
	}
	return nil, false
}

// moduleDirective returns the module prologue's directive for which match
// is true.
func moduleDirective(f *lint.File, match func(string) bool) (*lint.Directive, bool) {
	for i := range f.Prologue {
		d := &f.Prologue[i]
		if d.Form == lint.FormQuoted && match(d.Value) {
			return d, true
		}
	}
	return nil, false
}

// serverScopeProblem says why a use server or use cache directive cannot
// work in fn, or returns "" when it can. Such functions are reported by
// directive-scope and left alone by async-server-function, since adding
// async would not help (getters, setters and constructors cannot be async).
func serverScopeProblem(fn *lint.Function) string {
	switch fn.Kind {
	case lint.FuncConstructor:
		return "a constructor"
	case lint.FuncGetter:
		return "a getter"
	case lint.FuncSetter:
		return "a setter"
	case lint.FuncClassMethod:
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
func functionSubject(noun string, fn *lint.Function) string {
	switch {
	case fn.Name == "":
		return "This " + noun
	case fn.Name == "default" && (fn.Kind == lint.FuncDeclaration || fn.Kind == lint.FuncExpression || fn.Kind == lint.FuncArrow):
		// export default function () {}: named "default" by the scanner.
		return "This " + noun + " (the default export)"
	}
	return noun + " " + quoted(fn.Name)
}
