package rules

import (
	"cmp"
	"slices"
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// UnvalidatedServerInput reports Server Function parameters that the body
// uses before validating them.
var UnvalidatedServerInput = &lint.Rule{
	ID:      "unvalidated-server-input",
	Default: lint.SeverityOff,
	Fix:     lint.FixNone,
	Doc: lint.RuleDoc{
		Summary: "A Server Function uses a parameter before validating it",
		What: `For each Server Function with parameters (a function whose own prologue holds ` +
			`"use server", or an exported function of a "use server" module), reports each ` +
			`parameter, or each destructured part of one, that the body uses before any ` +
			`validation of it. Validation is: passing it to a schema method (.parse, ` +
			`.safeParse, .parseAsync, .safeParseAsync, .validate, .validateSync, .assert, .is, ` +
			`.decode, .check) or to a call whose name contains valid, assert, parse, schema or ` +
			`sanitize (case-insensitively; so Next.js's revalidatePath counts too); or a typeof, instanceof, Array.isArray or Number.isFinite test on it. ` +
			`Comparing it (===, !==, <, …), negating it (!x) or testing it in a condition is ` +
			`not a use, since nothing flows anywhere; copying it into a local variable ` +
			`(const email = formData.get("email"), const { id } = input) is not a use either, ` +
			`but the copy is then checked the same way, so a FormData read only through ` +
			`.get() whose results are validated passes. Not reported: exports wrapped by a ` +
			`call (client.schema(s).action(async (…) => …), validatedAction(schema, …)), ` +
			`which validate for the function; names starting with _; and a first parameter ` +
			`named prevState, previousState or state (the useActionState convention). ` +
			`The check is token-based and follows source order: a validation anywhere before ` +
			`the first use counts, even in another branch, and a validation of one part ` +
			`counts for the whole value. Off in the recommended preset, warn in strict.`,
		Why: `Every Server Function is a public HTTP endpoint: its arguments are whatever ` +
			`the client sends, whatever the TypeScript types say. React's reference for ` +
			`"use server" asks to treat them as untrusted input, validating and escaping them. ` +
			`Unchecked input that reaches a database query, a file path, a shell command, a URL ` +
			`or redirect() is how injection and open redirects happen.`,
		Example: `"use server";

export async function renameFile(id: string, name: string) {
  await db.file.update({ where: { id }, data: { name } });
}`,
		Instead: `"use server";
import { z } from "zod";

const Rename = z.object({ id: z.string().uuid(), name: z.string().min(1).max(100) });

export async function renameFile(id: string, name: string) {
  const input = Rename.parse({ id, name });
  await db.file.update({ where: { id: input.id }, data: { name: input.name } });
}`,
		Fix: "None: validate the arguments with a schema (zod, valibot, yup…) or explicit " +
			"typeof checks before using them, or wrap the function with a validating action " +
			"client.",
	},
	Run: runUnvalidatedServerInput,
}

// actionStateNames are the names of the first parameter that useActionState
// passes to an action: the previous state, which the server produced.
var actionStateNames = map[string]bool{"prevState": true, "previousState": true, "state": true}

func runUnvalidatedServerInput(pass *lint.Pass) {
	f := pass.File
	exported := exportedFunctions(f)
	bodies := &bodyTokens{}
	var scopes *paramScopes
	for i := range f.Functions {
		fn := &f.Functions[i]
		if !isServerAction(f, i, exported) {
			continue
		}
		body := fn.Body
		if !fn.HasBody {
			body = exprBody(f, fn)
		}
		if body.End <= body.Start {
			continue
		}
		var inputs []input
		for p, names := range paramPatterns(valueTokens(f.Tokens(fn.Params))) {
			for _, name := range names {
				switch {
				case name == "this", strings.HasPrefix(name, "_"):
				case p == 0 && len(names) == 1 && actionStateNames[name]:
				default:
					inputs = append(inputs, input{name: name})
				}
			}
		}
		if len(inputs) == 0 {
			continue
		}
		if scopes == nil {
			scopes = newParamScopes(f)
		}
		a := &inputCheck{
			toks:    bodies.of(f, fn, body),
			shadows: scopes.nestedIn(i),
			inputs:  inputs,
			names:   map[string]*copyOf{},
		}
		for _, u := range a.run() {
			pass.Report(u.span, unvalidatedMessage(withExportName(f, i), u.param, u.copy), nil)
		}
	}
}

// exportedFunctions returns the indices of the functions that an export
// other than a type export names, when the module is "use server" (nil
// otherwise). Built once per file: looking through every export for each
// function took the product of their numbers.
func exportedFunctions(f *js.File) map[int]bool {
	if !f.Has(UseServer) {
		return nil
	}
	out := map[int]bool{}
	for _, e := range f.Exports {
		if !e.TypeOnly {
			out[e.Func] = true
		}
	}
	return out
}

// isServerAction reports whether the function at index i can be called by
// the client: its own prologue holds "use server" (in a function where the
// directive is allowed), or it is an export of a "use server" module
// (exported is exportedFunctions(f)).
// Cache functions are only called by server code and are not checked.
func isServerAction(f *js.File, i int, exported map[int]bool) bool {
	fn := &f.Functions[i]
	for _, d := range fn.Prologue {
		if d.Form == js.FormQuoted && d.Value == UseServer {
			return serverScopeProblem(fn) == ""
		}
	}
	if !f.Has(UseServer) {
		return false
	}
	return fn.Exported || exported[i]
}

// bodyTokens keeps the value tokens of the last block body tokenized, so a
// Server Function nested in it takes its slice of them instead of
// tokenizing its own body again: n nested Server Functions each
// tokenizing their whole body took n times the file's size.
type bodyTokens struct {
	span js.Span
	toks []js.Token
}

// of returns the value tokens (valueTokens) of body, the body of fn.
func (b *bodyTokens) of(f *js.File, fn *js.Function, body js.Span) []js.Token {
	if !fn.HasBody {
		// An expression body: only exports of a "use server" module, never
		// nested in one another; the block bodies around are kept.
		return valueTokens(f.Tokens(body))
	}
	if b.toks == nil || body.Start < b.span.Start || body.End > b.span.End {
		b.span = body
		b.toks = valueTokens(f.Tokens(body))
		return b.toks
	}
	return tokensIn(b.toks, body)
}

// tokensIn returns the tokens of toks (in source order, apart) that lie
// inside span, found by binary search: counting them one by one took the
// body's size for each nested Server Function.
func tokensIn(toks []js.Token, span js.Span) []js.Token {
	from, _ := slices.BinarySearchFunc(toks, span.Start, func(t js.Token, start int) int {
		return cmp.Compare(t.Span.Start, start)
	})
	to, _ := slices.BinarySearchFunc(toks, span.End+1, func(t js.Token, end int) int {
		return cmp.Compare(t.Span.End, end)
	})
	return toks[from:max(from, to):max(from, to)]
}

func unvalidatedMessage(fn *js.Function, param, copyName string) string {
	what := "its parameter " + quoted(param)
	name := param
	if copyName != "" {
		what = quoted(copyName) + ", read from its parameter " + quoted(param) + ","
		name = copyName
	}
	return functionSubject("Server Function", fn) + " uses " + what + " before validating it: " +
		"Server Function arguments come straight from the client. Check it with a schema first " +
		"(such as schema.parse(" + name + ")) or a typeof test"
}

// valueTokens drops the TypeScript type annotations from tokens: the type
// tokens themselves and the ":", "?:", "as" and "satisfies" that introduce
// them. It filters toks in place (each kept token moves at most down, and
// the tokens ahead it reads are not yet overwritten): no second list.
func valueTokens(toks []js.Token) []js.Token {
	out := toks[:0]
	for i, t := range toks {
		if t.InType {
			continue
		}
		nextType := i+1 < len(toks) && toks[i+1].InType
		switch t.Text {
		case ":", "as", "satisfies":
			if nextType {
				continue
			}
		case "?":
			if i+2 < len(toks) && toks[i+1].Text == ":" && toks[i+2].InType {
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// paramPatterns returns the names bound by each parameter of a parameter
// list (its tokens without types): one name for a plain parameter, every
// name of a destructuring pattern, the name of a rest parameter. Default
// values are skipped.
func paramPatterns(toks []js.Token) [][]string {
	if len(toks) == 0 {
		return nil
	}
	if toks[0].Text != "(" { // a bare arrow parameter: x => …
		if isName(toks[0]) {
			return [][]string{{toks[0].Text}}
		}
		return nil
	}
	p := &patternParser{toks: toks, pos: 1}
	var out [][]string
	for p.pos < len(toks) && toks[p.pos].Text != ")" {
		start := p.pos
		p.skipModifiers()
		out = append(out, p.pattern(nil))
		if p.at("=") {
			p.pos++
			p.skipTo(",", ")")
		}
		if p.at(",") {
			p.pos++
		}
		if p.pos == start { // something unexpected: never loop forever
			p.pos++
		}
	}
	return out
}

// patternParser reads binding patterns (identifiers, object and array
// destructuring, rest elements) from tokens without types.
type patternParser struct {
	toks []js.Token
	pos  int
}

func (p *patternParser) at(text string) bool {
	return p.pos < len(p.toks) && p.toks[p.pos].Text == text
}

// skipModifiers skips TypeScript parameter properties' modifiers and
// decorators' @ (approximately: the decorator's name stays).
func (p *patternParser) skipModifiers() {
	for p.pos+1 < len(p.toks) {
		switch p.toks[p.pos].Text {
		case "public", "private", "protected", "readonly", "override":
			if isName(p.toks[p.pos+1]) || p.toks[p.pos+1].Text == "{" || p.toks[p.pos+1].Text == "[" {
				p.pos++
				continue
			}
		}
		return
	}
}

// pattern reads one binding pattern and appends the names it binds.
func (p *patternParser) pattern(names []string) []string {
	if p.pos >= len(p.toks) {
		return names
	}
	t := p.toks[p.pos]
	switch {
	case t.Text == "...":
		p.pos++
		return p.pattern(names)
	case t.Text == "{":
		p.pos++
		for p.pos < len(p.toks) && !p.at("}") {
			start := p.pos
			if p.at("...") {
				names = p.pattern(names)
			} else {
				key := p.toks[p.pos]
				if key.Text == "[" {
					p.skipBracket()
				} else {
					p.pos++
				}
				if p.at(":") {
					p.pos++
					names = p.pattern(names)
				} else if isName(key) {
					names = append(names, key.Text)
				}
			}
			if p.at("=") {
				p.pos++
				p.skipTo(",", "}")
			}
			if p.at(",") {
				p.pos++
			}
			if p.pos == start {
				p.pos++
			}
		}
		p.pos++ // }
	case t.Text == "[":
		p.pos++
		for p.pos < len(p.toks) && !p.at("]") {
			start := p.pos
			if !p.at(",") {
				names = p.pattern(names)
			}
			if p.at("=") {
				p.pos++
				p.skipTo(",", "]")
			}
			if p.at(",") {
				p.pos++
			}
			if p.pos == start {
				p.pos++
			}
		}
		p.pos++ // ]
	case isName(t):
		p.pos++
		names = append(names, t.Text)
	}
	return names
}

// skipBracket skips a bracketed group starting at the current token.
func (p *patternParser) skipBracket() {
	p.pos = matchingClose(p.toks, p.pos) + 1
}

// skipTo moves to the next token at depth 0 whose text is one of stops (a
// default value's end).
func (p *patternParser) skipTo(stops ...string) {
	depth := 0
	for ; p.pos < len(p.toks); p.pos++ {
		text := p.toks[p.pos].Text
		if depth == 0 && (text == stops[0] || len(stops) > 1 && text == stops[1]) {
			return
		}
		switch text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
			if depth < 0 {
				return
			}
		}
	}
}

// matchingClose returns the index of the token closing the bracket at
// toks[open], or the last index when it is not closed.
func matchingClose(toks []js.Token, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		switch toks[i].Text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(toks) - 1
}

// matchingOpen returns the index of the token opening the bracket closed at
// toks[end], or -1.
func matchingOpen(toks []js.Token, end int) int {
	depth := 0
	for i := end; i >= 0; i-- {
		switch toks[i].Text {
		case ")", "]", "}":
			depth++
		case "(", "[", "{":
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// isName reports whether t can be a binding name.
func isName(t js.Token) bool {
	return t.Kind == js.TokenIdentifier || t.Kind == js.TokenKeyword && t.Text == "this"
}

// paramScopes knows, for the functions of a file, the names their
// parameters bind and the span where those names are their own, each read
// once per file: reading them again for each Server Function around them,
// and lexing 64 KB after each nested arrow, took a square of the file's
// size.
type paramScopes struct {
	f        *js.File
	children [][]int    // the functions whose Parent is each function
	names    [][]string // the parameter names of each function, once read
	read     []bool     // whether names holds the function's names
}

func newParamScopes(f *js.File) *paramScopes {
	n := len(f.Functions)
	p := &paramScopes{f: f, children: make([][]int, n), names: make([][]string, n), read: make([]bool, n)}
	for j := range f.Functions {
		// The scanner gives each function the index of the one open
		// around it, always a smaller one.
		if parent := f.Functions[j].Parent; parent >= 0 && parent < j {
			p.children[parent] = append(p.children[parent], j)
		}
	}
	return p
}

// nestedIn maps each parameter name of the functions nested, at any depth,
// in the function at index fi to the spans (parameters and body) where that
// name means the nested function's own parameter, sorted and merged
// (see shadowed).
func (p *paramScopes) nestedIn(fi int) map[string][]js.Span {
	out := map[string][]js.Span{}
	stack := slices.Clone(p.children[fi])
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = append(stack[:len(stack)-1], p.children[j]...)
		fn := &p.f.Functions[j]
		span := js.Span{Start: fn.Params.Start, End: scopeEnd(p.f, fn)}
		for _, name := range p.paramNames(j) {
			out[name] = append(out[name], span)
		}
	}
	for name, spans := range out {
		out[name] = mergeSpans(spans)
	}
	return out
}

// paramNames returns every name the parameters of function j bind.
func (p *paramScopes) paramNames(j int) []string {
	if !p.read[j] {
		p.read[j] = true
		for _, names := range paramPatterns(valueTokens(p.f.Tokens(p.f.Functions[j].Params))) {
			p.names[j] = append(p.names[j], names...)
		}
	}
	return p.names[j]
}

// scopeEnd returns where the names of fn's parameters stop being its own:
// the end of its body. An arrow with a block body has no expression body,
// so exprBody, which may lex up to exprBodyLook bytes after the parameters
// to look for one, is only asked for arrows without a block.
func scopeEnd(f *js.File, fn *js.Function) int {
	body := fn.ExprBody
	if !fn.HasBody {
		body = exprBody(f, fn)
	}
	return max(fn.Body.End, body.End, fn.Params.End)
}

// mergeSpans sorts spans and merges those that overlap or touch, dropping
// empty ones: the result covers the same offsets, in order, apart.
func mergeSpans(spans []js.Span) []js.Span {
	slices.SortFunc(spans, func(x, y js.Span) int { return cmp.Compare(x.Start, y.Start) })
	out := spans[:0]
	for _, s := range spans {
		switch {
		case s.End <= s.Start:
		case len(out) > 0 && s.Start <= out[len(out)-1].End:
			out[len(out)-1].End = max(out[len(out)-1].End, s.End)
		default:
			out = append(out, s)
		}
	}
	return out
}

// input is a parameter name (or destructured part) under check.
type input struct {
	name     string
	reported bool
}

// copyOf says which input a local name holds: the input itself, or a
// local variable it was copied into.
type copyOf struct {
	input     int
	validated bool
}

// inputCheck follows the inputs of one Server Function through its body.
type inputCheck struct {
	toks    []js.Token
	shadows map[string][]js.Span
	inputs  []input
	names   map[string]*copyOf
}

// use is a first use of an input before its validation.
type use struct {
	span  js.Span
	param string
	copy  string // the local copy used, when it is not the parameter itself
}

// open is an open bracket while walking the body.
type open struct {
	index      int  // of the bracket in the tokens
	validating bool // a call that validates its arguments
}

// run walks the body's tokens in source order and returns, for each input,
// its first use before validation, if any.
func (a *inputCheck) run() []use {
	for i, in := range a.inputs {
		a.names[in.name] = &copyOf{input: i}
	}
	var out []use
	var stack []open
	validating := 0
	t := a.toks
	for i := range t {
		switch t[i].Text {
		case "(", "[", "{":
			o := open{index: i}
			if t[i].Text == "(" && isValidationCall(t, i) {
				o.validating = true
				validating++
			}
			stack = append(stack, o)
			continue
		case ")", "]", "}":
			if n := len(stack); n > 0 {
				if stack[n-1].validating {
					validating--
				}
				stack = stack[:n-1]
			}
			continue
		}
		if t[i].Kind != js.TokenIdentifier {
			continue
		}
		name := t[i].Text
		c, ok := a.names[name]
		if !ok || a.shadowed(name, t[i].Span.Start) {
			continue
		}
		prev := tokenText(t, i-1)
		switch {
		case prev == "." || prev == "?." || prev == "#":
			continue // a property of something else
		case (prev == "{" || prev == ",") && tokenText(t, i+1) == ":":
			continue // a key of an object literal or pattern
		case prev == "const" || prev == "let" || prev == "var" || prev == "function" || prev == "class":
			delete(a.names, name) // redeclared: a different value from here on
			continue
		}
		if c.validated {
			continue
		}
		end := chainEnd(t, i)
		switch {
		case validating > 0, prev == "typeof", tokenText(t, end) == "instanceof":
			c.validated = true
			continue
		case isNeutral(t, i, end):
			continue
		}
		copies, ok := copyTargets(t, i, end)
		if !ok && len(stack) > 0 {
			copies, ok = objectCopyTargets(t, stack[len(stack)-1].index, i, end)
		}
		if ok {
			for _, n := range copies {
				a.names[n] = &copyOf{input: c.input}
			}
			continue
		}
		in := &a.inputs[c.input]
		if in.reported {
			continue
		}
		in.reported = true
		u := use{span: t[i].Span, param: in.name}
		if name != in.name {
			u.copy = name
		}
		out = append(out, u)
		if len(out) == len(a.inputs) {
			break // each input is reported: the rest can add nothing
		}
	}
	return out
}

// shadowed reports whether name at offset is a nested function's own
// parameter. The spans are sorted and apart (mergeSpans), so a binary
// search finds the one that could hold offset: looking through all of them
// for each use took the product of uses and nested functions.
func (a *inputCheck) shadowed(name string, offset int) bool {
	spans := a.shadows[name]
	k, _ := slices.BinarySearchFunc(spans, offset, func(s js.Span, offset int) int {
		return cmp.Compare(s.End-1, offset)
	})
	return k < len(spans) && spans[k].Start <= offset
}

func tokenText(t []js.Token, i int) string {
	if i < 0 || i >= len(t) {
		return ""
	}
	return t[i].Text
}

// schemaMethods are the methods of validation libraries (zod, valibot, yup,
// joi, superstruct, io-ts, ajv…) that check a value.
var schemaMethods = map[string]bool{
	"parse": true, "safeParse": true, "parseAsync": true, "safeParseAsync": true,
	"validate": true, "validateSync": true, "assert": true, "is": true, "decode": true, "check": true,
}

// isValidationCall reports whether the "(" at t[k] opens the arguments of a
// call that validates them: a schema method, a function whose name contains
// valid, assert, parse, schema or sanitize, Array.isArray or Number.isFinite.
func isValidationCall(t []js.Token, k int) bool {
	c := k - 1
	if tokenText(t, c) == ">" { // type arguments the scanner did not mark: parse<T>(x)
		for c--; c >= 0 && k-c < 12 && t[c].Text != "<"; c-- {
		}
		c--
	}
	if c < 0 || t[c].Kind != js.TokenIdentifier {
		return false
	}
	callee := t[c].Text
	member := tokenText(t, c-1) == "." || tokenText(t, c-1) == "?."
	if tokenText(t, c-1) == "function" {
		return false // a function's own parameters
	}
	switch {
	case member && schemaMethods[callee]:
		return true
	case member && callee == "isArray" && tokenText(t, c-2) == "Array",
		member && callee == "isFinite" && tokenText(t, c-2) == "Number":
		return true
	}
	// As the specification says, any callee whose name contains one of these
	// words validates, even Next.js's revalidatePath (a cache API): see the
	// fixture handwritten.ts.
	lower := strings.ToLower(callee)
	for _, word := range []string{"valid", "assert", "parse", "schema", "sanitize"} {
		if strings.Contains(lower, word) {
			return true
		}
	}
	return false
}

// chainEnd returns the index just past the member chain that starts with
// the name at t[i]: x, x.y, x?.y, x[k], x.get("k"), x!.
func chainEnd(t []js.Token, i int) int {
	j := i + 1
	for j < len(t) {
		switch t[j].Text {
		case ".", "?.":
			if j+1 < len(t) && (t[j+1].Kind == js.TokenIdentifier || t[j+1].Kind == js.TokenKeyword) {
				j += 2
				continue
			}
		case "[":
			j = matchingClose(t, j) + 1
			continue
		case "(":
			// A method of the value itself: formData.get("email").
			if j >= 2 && (t[j-2].Text == "." || t[j-2].Text == "?.") {
				j = matchingClose(t, j) + 1
				continue
			}
		case "!":
			j++ // TypeScript's non-null assertion
			continue
		}
		break
	}
	return j
}

// comparisons are the operators whose operands do not flow anywhere.
var comparisons = map[string]bool{
	"===": true, "!==": true, "==": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true,
}

// isNeutral reports whether the value at t[i:end] is only compared, negated
// or tested for truth, which lets nothing of it flow anywhere.
func isNeutral(t []js.Token, i, end int) bool {
	prev, next := tokenText(t, i-1), tokenText(t, end)
	switch {
	case prev == "!" || comparisons[prev] || comparisons[next] || next == "?":
		return true
	case prev == "(" && next == ")":
		kw := tokenText(t, i-2)
		return kw == "if" || kw == "while"
	case next == "&&" && (prev == "(" || prev == "&&" || prev == "||"):
		return tokenText(t, i-2) == "if" || prev != "("
	}
	return false
}

// objectCopyTargets reports whether the value at t[i:end] is a property of
// an object literal, opened at t[lit], that is copied into a new local name
// (const values = { title: formData.get("title") as string, … }), and
// returns that name.
func objectCopyTargets(t []js.Token, lit, i, end int) ([]string, bool) {
	if tokenText(t, lit) != "{" {
		return nil, false
	}
	prev, next := tokenText(t, i-1), tokenText(t, end)
	if next != "," && next != "}" {
		return nil, false
	}
	if prev != ":" && !(end == i+1 && (prev == "{" || prev == ",")) {
		return nil, false // not a property value, nor a shorthand property
	}
	if prev == ":" && (i-3 < lit || tokenText(t, i-3) != "{" && tokenText(t, i-3) != ",") {
		return nil, false // a ternary's else branch or a computed key
	}
	return copyTargets(t, lit, matchingClose(t, lit)+1)
}

// copyTargets reports whether the value at t[i:end] is only copied into new
// local names, and returns them: const x = input, const x = input.y,
// const x = formData.get("x") as string, const { a, b } = input,
// const raw = Object.fromEntries(formData), with an optional await and a
// literal default (?? or ||).
func copyTargets(t []js.Token, i, end int) ([]string, bool) {
	j := i - 1
	if tokenText(t, j) == "await" {
		j--
	}
	if tokenText(t, j) == "(" && tokenText(t, j-1) == "fromEntries" && tokenText(t, j-2) == "." && tokenText(t, j-3) == "Object" {
		if tokenText(t, end) != ")" {
			return nil, false
		}
		end++
		j -= 4
	}
	if tokenText(t, j) != "=" {
		return nil, false
	}
	// What follows must end the declaration.
	if op := tokenText(t, end); op == "??" || op == "||" {
		if end+1 >= len(t) || !isLiteral(t[end+1]) {
			return nil, false
		}
		end += 2
	}
	if end < len(t) && !t[end].NewlineBefore {
		switch t[end].Text {
		case ";", ",", "}":
		default:
			return nil, false
		}
	}
	// What precedes must be a declaration of a name or a pattern.
	target := j - 1
	if target < 0 {
		return nil, false
	}
	start := target
	if text := t[target].Text; text == "}" || text == "]" {
		start = matchingOpen(t, target)
	} else if t[target].Kind != js.TokenIdentifier {
		return nil, false
	}
	if start < 1 {
		return nil, false
	}
	switch t[start-1].Text {
	case "const", "let", "var":
	default:
		return nil, false
	}
	p := &patternParser{toks: t[start : target+1]}
	names := p.pattern(nil)
	return names, len(names) > 0
}

func isLiteral(t js.Token) bool {
	switch t.Kind {
	case js.TokenString, js.TokenNumber, js.TokenTemplate:
		return true
	case js.TokenKeyword:
		return t.Text == "null" || t.Text == "true" || t.Text == "false"
	}
	return false
}

// exprBodyLook bounds how far after an arrow's parameters exprBody reads
// for a body the scanner left empty. The scanner fills Function.ExprBody
// for the arrows of real code (on 27 repositories, with the strict preset,
// exprBody never had to look); it is left empty in code the scanner could
// not follow, such as 2,000 nested arrows whose bodies never end, where a
// look of 64 KB each took 6 s a file.
const exprBodyLook = 4 << 10

// exprBody returns the span of an arrow's expression body: Function.ExprBody,
// or, when the scanner left it empty, the body found from the tokens after
// the parameters: from => to the first ;  , or unmatched closing bracket at
// depth 0, or a line break that does not continue the expression
// (approximate), within exprBodyLook bytes.
func exprBody(f *js.File, fn *js.Function) js.Span {
	if fn.ExprBody.End > fn.ExprBody.Start || fn.Kind != js.FuncArrow {
		return fn.ExprBody
	}
	toks := f.Tokens(js.Span{Start: fn.Params.End, End: min(len(f.Source), fn.Params.End+exprBodyLook)})
	start := -1
	for i, t := range toks {
		if t.Text == "=>" && !t.InType {
			start = i + 1
			break
		}
	}
	if start < 0 || start >= len(toks) || toks[start].Text == "{" {
		return js.Span{}
	}
	depth, last := 0, start
	for i := start; i < len(toks); i++ {
		t := toks[i]
		if depth == 0 && i > start && t.NewlineBefore && !continues(toks[i-1].Text) && !continues(t.Text) {
			break
		}
		switch t.Text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case ";", ",":
			if depth == 0 {
				depth = -1
			}
		}
		if depth < 0 {
			break
		}
		last = i
	}
	return js.Span{Start: toks[start].Span.Start, End: toks[last].Span.End}
}

// continues reports whether an operator at the end or start of a line joins
// it to the next or previous one.
func continues(text string) bool {
	switch text {
	case ".", "?.", "=>", "?", ":", "&&", "||", "??", "+", "-", "*", "/", "%", "=", "==", "===", "!=", "!==",
		"<", ">", "<=", ">=", "(", "[", "{":
		return true
	}
	return false
}
