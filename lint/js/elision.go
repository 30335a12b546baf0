package js

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/tdewolff/parse/v2/js"
)

// MarkElided marks, in elided (one entry an import), those of the import
// declarations todo none of whose bindings is used as a value: TypeScript,
// SWC and Babel drop them from the output (unless verbatimModuleSyntax is
// on), so they make no edge of the module graph. todo lists imports for
// which MayBeTypeOnly holds: a binding written in camelCase or ALL_CAPS is
// taken for a value, and so is one that appears as a JSX element ("<Name"
// not right after an identifier; JSX tags are not tokens). Only those left
// undecided (PascalCase names such as a type or a class) make it read the
// file's tokens, where a value use is an identifier outside types and
// imports. Every guess errs towards a value use, which only keeps edges.
func (f *File) MarkElided(todo []int, elided []bool) {
	if len(todo) == 0 {
		return
	}
	wanted := map[string]bool{}
	for _, i := range todo {
		for _, n := range f.Imports[i].Names {
			wanted[n.Local] = true
		}
	}
	values := valueUses(f, wanted, f.ElisionEnd(todo))
	for _, i := range todo {
		e := true
		for _, n := range f.Imports[i].Names {
			if !n.TypeOnly && values[n.Local] {
				e = false
				break
			}
		}
		elided[i] = e
	}
}

// MayBeTypeOnly reports whether import i of f may bring in types only
// without saying so: none of its bindings marked type is written like a
// value or used as a JSX element (see MarkElided).
func (f *File) MayBeTypeOnly(i int) bool {
	im := &f.Imports[i]
	if !im.Elidable() {
		return false
	}
	for _, n := range im.Names {
		if !n.TypeOnly && (!looksLikeType(n.Local) || f.jsxUse(n.Local)) {
			return false
		}
	}
	return true
}

// looksLikeType reports whether a binding name is written like a type or
// a class (PascalCase with a lower-case letter), not like a value
// (camelCase) or a constant (ALL_CAPS).
func looksLikeType(name string) bool {
	name = strings.TrimLeft(name, "_$")
	if name == "" || name[0] < 'A' || name[0] > 'Z' {
		return false
	}
	return strings.ContainsAny(name, "abcdefghijklmnopqrstuvwxyz")
}

// jsxUse reports whether f's source holds "<name" as a JSX element would:
// not right after an identifier (f<Name>() is a type argument) and not
// followed by more of an identifier. The first few names asked are
// searched for (searchedJSXNames: one vector search is cheaper than a set
// of every element); past that, the answers come from the set of the
// file's element names, collected in one pass: a file of many imported
// names took a square of its size. A name with a byte that cannot be
// part of an identifier as written (an escape) counts as used: the guess
// that keeps the edge.
func (f *File) jsxUse(name string) bool {
	for i := range len(name) {
		if !isIdentByte(name[i]) {
			return true
		}
	}
	if f.jsxNames == nil && f.jsxAsked < searchedJSXNames {
		f.jsxAsked++
		return jsxUseIn(f.Source, name)
	}
	if f.jsxNames == nil {
		f.jsxNames = jsxElementNames(f.Source)
	}
	return f.jsxNames[name]
}

// searchedJSXNames is how many names jsxUse searches the source for
// before it collects every element name.
const searchedJSXNames = 8

// jsxUseIn is jsxUse for one name, by a search of src.
func jsxUseIn(src []byte, name string) bool {
	// Searched by the name: its capital is rarer in JSX than the <.
	for off := 1; off < len(src); {
		i := bytes.Index(src[off:], []byte(name))
		if i < 0 {
			return false
		}
		lt, end := off+i-1, off+i+len(name)
		off += i + 1
		if src[lt] != '<' || lt > 0 && isIdentByte(src[lt-1]) {
			continue
		}
		if end == len(src) || !isIdentByte(src[end]) {
			return true
		}
	}
	return false
}

// jsxElementNames returns the names src uses as JSX elements: the whole
// identifier after each < that does not follow an identifier. One pass,
// whatever the number of names asked about (one search of the source a
// name made a file of many imports take a square of its size).
func jsxElementNames(src []byte) map[string]bool {
	names := map[string]bool{}
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			return names
		}
		lt := i + j
		i = lt + 1
		if lt > 0 && isIdentByte(src[lt-1]) {
			continue
		}
		end := i
		for end < len(src) && isIdentByte(src[end]) {
			end++
		}
		if end > i {
			names[string(src[i:end])] = true
		}
	}
}

// compactToken is a token of valueUses.
type compactToken struct {
	start, end int32
	tt         js.TokenType
	inType     bool
}

// compactTokens lends valueUses a token list from one file to the next.
var compactTokens = sync.Pool{New: func() any { return new([]compactToken) }}

// ElisionEnd returns where the last place in f's source ends that
// MarkElided(todo) looks at: the last whole word that is the name of a
// binding of those imports, in code or not; -1 when there is none. Past
// it no token can be a value use of one, so a scan that keeps the tokens
// up to there gives MarkElided all it needs; and a binding whose name
// stands nowhere but in its import is used as no value. The first few
// names are searched for; past that, the words of the source are looked
// up in a set of them, from its end (a search a name took a square of a
// file of many imports).
func (f *File) ElisionEnd(todo []int) int {
	// The scanner asks, then MarkElided, for the same imports.
	if f.elision.known && slices.Equal(f.elision.todo, todo) {
		return f.elision.end
	}
	end := f.elisionEnd(todo)
	f.elision.known, f.elision.todo, f.elision.end = true, slices.Clone(todo), end
	return end
}

// elisionEnd is ElisionEnd, worked out.
func (f *File) elisionEnd(todo []int) int {
	var names []string
	for _, i := range todo {
		for _, n := range f.Imports[i].Names {
			if !n.TypeOnly {
				names = append(names, n.Local)
			}
		}
	}
	if len(names) <= searchedElisionNames {
		end := -1
		for _, name := range names {
			end = max(end, lastWordEnd(f.Source, name))
		}
		return end
	}
	set := make(map[string]bool, len(names))
	for _, name := range names {
		for i := range len(name) {
			if !identPart[name[i]] {
				return len(f.Source) // a name the words below cannot hold: all of the file
			}
		}
		set[name] = true
	}
	return lastWordIn(f.Source, set)
}

// searchedElisionNames is how many names ElisionEnd searches the source
// for before it looks up every word.
const searchedElisionNames = 8

// lastWordIn returns the end of the last run of ASCII identifier bytes in
// src that is one of set, or -1: for a name of those bytes alone, what
// lastWordEnd gives.
func lastWordIn(src []byte, set map[string]bool) int {
	for i := len(src); i > 0; {
		for i > 0 && !identPart[src[i-1]] {
			i--
		}
		end := i
		for i > 0 && identPart[src[i-1]] {
			i--
		}
		if end > i && set[string(src[i:end])] {
			return end
		}
	}
	return -1
}

// lastWordEnd returns the end of the last occurrence of name in src with
// no ASCII identifier byte on either side, or -1. (A token of the name may
// follow a Unicode space; a longer identifier only makes the end later.)
func lastWordEnd(src []byte, name string) int {
	last := -1
	for at := 0; name != "" && at < len(src); {
		k := bytes.Index(src[at:], []byte(name))
		if k < 0 {
			break
		}
		start, end := at+k, at+k+len(name)
		if (start == 0 || !identPart[src[start-1]]) && (end == len(src) || !identPart[src[end]]) {
			last = end
		}
		at = start + 1
	}
	return last
}

// valueUses returns the names of wanted that f uses as values: as an
// identifier outside types and outside its import declarations. Only the
// names a binding judged by MayBeTypeOnly can have are looked for: others
// (a binding marked type) need no answer. Past end, no token is one of
// them (see ElisionEnd).
func valueUses(f *File, wanted map[string]bool, end int) map[string]bool {
	if end < 0 {
		return map[string]bool{} // no token is one of them
	}
	// The file's tokens, small and without text: a look-ahead needs them.
	// The scan kept them, up to end at least, when the runner knew they
	// would be needed.
	toks := f.tokens
	if !f.tokensWhole && f.tokensEnd < end {
		buf := compactTokens.Get().(*[]compactToken)
		defer compactTokens.Put(buf)
		toks = (*buf)[:0]
		f.eachToken(Span{Start: 0, End: len(f.Source)}, func(t token, inType bool) {
			toks = append(toks, compactToken{int32(t.start), int32(t.end), t.tt, inType})
		})
		*buf = toks
	}
	ts := tokenText{src: f.Source, toks: toks}
	imports := importDeclarations(f)
	values := map[string]bool{}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.tt == js.LtToken {
			if end := ts.typeArguments(i); end > i {
				i = end
				continue
			}
		}
		// A binding whose value use matters is written like a type (see
		// looksLikeType): most identifiers are not worth the look-up.
		if c := f.Source[t.start]; c != '_' && c != '$' && (c < 'A' || c > 'Z') || t.inType {
			continue
		}
		if ts.kind(i) == TokenIdentifier && wanted[string(ts.text(i))] && !inSpans(imports, int(t.start), int(t.end)) {
			values[string(ts.text(i))] = true
		}
	}
	return values
}

// tokenText reads the compact tokens of a source.
type tokenText struct {
	src  []byte
	toks []compactToken
}

func (ts tokenText) text(i int) []byte       { return ts.src[ts.toks[i].start:ts.toks[i].end] }
func (ts tokenText) is(i int, s string) bool { return string(ts.text(i)) == s }
func (ts tokenText) kind(i int) TokenKind    { return tokenKind(ts.toks[i].tt) }

// typeArguments returns the index of the closing > when toks[i] opens the
// type arguments of a call or tagged template (name<T, U>( … ) or
// name<T>`…`), else i: the scanner does not mark those as types. Only
// tokens that can stand in a type may come between the brackets, within
// typeArgumentsLook bytes (a file of many '<' took a square of its size).
func (ts tokenText) typeArguments(i int) int {
	toks := ts.toks
	if i == 0 || !ts.is(i, "<") || toks[i].inType || ts.kind(i-1) != TokenIdentifier {
		return i
	}
	depth := 0
	for j := i; j < len(toks); j++ {
		if toks[j].start-toks[i].start > typeArgumentsLook {
			return i
		}
		switch string(ts.text(j)) {
		case "<":
			depth++
		case ">", ">>", ">>>":
			depth -= len(ts.text(j))
			if depth < 0 {
				return i
			}
			if depth == 0 {
				if j+1 < len(toks) && (ts.is(j+1, "(") || ts.kind(j+1) == TokenTemplate) {
					return j
				}
				return i
			}
		case ",", ".", "|", "&", "[", "]", "{", "}", ":", ";", "?", "(", ")", "=>", "typeof", "keyof", "readonly", "extends":
		default:
			if k := ts.kind(j); k != TokenIdentifier && k != TokenString && k != TokenNumber && k != TokenKeyword {
				return i
			}
		}
	}
	return i
}

// importDeclarations returns the spans of f's import declarations (not
// dynamic imports), in order.
func importDeclarations(f *File) []Span {
	var spans []Span
	for i := range f.Imports {
		if !f.Imports[i].Dynamic {
			spans = append(spans, f.Imports[i].Span)
		}
	}
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	return spans
}

// inSpans reports whether [start, end) lies in one of spans, which are in
// order and do not overlap: a binary search, as a file may hold thousands
// of imports and of uses of their names.
func inSpans(spans []Span, start, end int) bool {
	k, _ := slices.BinarySearchFunc(spans, start, func(sp Span, start int) int {
		if sp.Start <= start {
			return -1
		}
		return 1
	})
	// spans[k-1] is the last span that starts at or before start.
	return k > 0 && end <= spans[k-1].End
}

// isIdentByte reports whether c can continue an identifier (non-ASCII
// bytes count, to stay on the side of keeping edges).
func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// OnlyTypes reports whether the import brings in types only as written:
// `import type`, `export type … from`, or braces holding only `type X`
// names. (MarkElided finds the imports whose bindings are only used as
// types.)
func (im *Import) OnlyTypes() bool {
	if im.TypeOnly {
		return true
	}
	if len(im.Names) == 0 {
		return false
	}
	for _, n := range im.Names {
		if !n.TypeOnly {
			return false
		}
	}
	return true
}

// Elidable reports whether the import is one that TypeScript drops when
// its bindings are used as types only (see MarkElided): a declaration that
// binds names, not all of them marked type, and not a re-export.
func (im *Import) Elidable() bool {
	return !im.OnlyTypes() && !im.Reexport && !im.Dynamic && len(im.Names) > 0
}
