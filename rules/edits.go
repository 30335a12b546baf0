package rules

import (
	"bytes"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// This file builds the text edits of fixes. Every edit keeps the rest of the
// file as it is: comments and code sharing a line with a removed statement
// stay, and inserted lines use the file's line ending and indentation.

// fileQuote returns the quote character the file writes strings with: the
// quote of its first directive, else of its first import, else a double
// quote (the Prettier default).
func fileQuote(f *js.File) byte {
	isQuote := func(c byte) bool { return c == '\'' || c == '"' }
	for _, d := range f.Prologue {
		if d.Form == js.FormQuoted && isQuote(d.Quote) {
			return d.Quote
		}
	}
	for _, im := range f.Imports {
		if s := im.SourceSpan; s.End > s.Start && s.Start >= 0 && s.Start < len(f.Source) && isQuote(f.Source[s.Start]) {
			return f.Source[s.Start]
		}
	}
	for i := range f.Functions {
		for _, d := range f.Functions[i].Prologue {
			if d.Form == js.FormQuoted && isQuote(d.Quote) {
				return d.Quote
			}
		}
	}
	for _, d := range f.Misplaced {
		if d.Form == js.FormQuoted && isQuote(d.Quote) {
			return d.Quote
		}
	}
	return '"'
}

// quote writes value as a string literal with quote q. Directive values hold
// neither quote nor backslash, but escape them anyway.
func quote(value string, q byte) string {
	var b bytes.Buffer
	b.WriteByte(q)
	for i := 0; i < len(value); i++ {
		c := value[i]
		if c == q || c == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte(q)
	return b.String()
}

// newline returns the file's line ending: the first one in it, or "\n". It
// reads up to the first line end: a caller with many edits to make in one
// file asks once.
func newline(src []byte) string {
	i := bytes.IndexByte(src, '\n')
	if i < 0 {
		i = len(src)
	}
	if j := bytes.IndexByte(src[:i], '\r'); j >= 0 {
		i = j
	}
	if i < len(src) {
		if src[i] == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				return "\r\n"
			}
			return "\r"
		}
	}
	return "\n"
}

// lineStart returns the offset of the start of the line holding offset.
func lineStart(src []byte, offset int) int {
	for offset > 0 && src[offset-1] != '\n' && src[offset-1] != '\r' {
		offset--
	}
	return offset
}

// lineEnd returns the offset of the line terminator after offset (or the
// end of src) and the offset just past the terminator.
func lineEnd(src []byte, offset int) (end, next int) {
	end = offset
	for end < len(src) && src[end] != '\n' && src[end] != '\r' {
		end++
	}
	next = end
	if next < len(src) {
		if src[next] == '\r' && next+1 < len(src) && src[next+1] == '\n' {
			next++
		}
		next++
	}
	return end, next
}

// indentOf returns the leading spaces and tabs of the line holding offset.
func indentOf(src []byte, offset int) string {
	start := lineStart(src, offset)
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

// removeStatement returns the edit that deletes the statement from start to
// end (its semicolon included). A statement alone on its line goes with its
// line; otherwise the spaces that separated it from its neighbours go too.
func removeStatement(src []byte, start, end int) lint.TextEdit {
	// Only the blanks around the statement are read, never the whole line:
	// a minified line can hold thousands of statements.
	b := start
	for b > 0 && (src[b-1] == ' ' || src[b-1] == '\t') {
		b--
	}
	a := end
	for a < len(src) && (src[a] == ' ' || src[a] == '\t') {
		a++
	}
	before := b == 0 || src[b-1] == '\n' || src[b-1] == '\r'
	after := a == len(src) || src[a] == '\n' || src[a] == '\r'
	switch {
	case before && after:
		_, next := lineEnd(src, a)
		return lint.TextEdit{Span: js.Span{Start: b, End: next}}
	case after:
		// Code before it on the line: take the spaces before it.
		return lint.TextEdit{Span: js.Span{Start: b, End: a}}
	default:
		return lint.TextEdit{Span: js.Span{Start: start, End: a}}
	}
}

// statementText returns the source of a directive-like statement as it
// should be written when moved: its expression and, when the original had
// one, its semicolon.
func statementText(src []byte, d *js.Directive) (text string, semicolon bool) {
	end := d.StatementEnd
	if end > len(src) {
		end = len(src)
	}
	semicolon = end > d.Span.End && bytes.IndexByte(src[d.Span.End:end], ';') >= 0
	return string(src[d.Span.Start:d.Span.End]), semicolon
}

// needsSemicolon reports whether code starting at offset would continue an
// expression statement written just before it without a semicolon.
func needsSemicolon(src []byte, offset int) bool {
	rest := bytes.TrimLeft(src[offset:], " \t\r\n")
	return len(rest) > 0 && bytes.IndexByte([]byte("([`+-/*,.?=<>"), rest[0]) >= 0
}

// insertStatement returns the edit that inserts stmt (a statement without
// its semicolon), with nl the file's line ending (see newline), at the top
// of a module or function body, after the
// directives of prologue. top is where a first statement goes when the
// prologue is empty: just past the opening brace of a body, or the start of
// a module after its BOM and hashbang. module says which of the two.
func insertStatement(src []byte, nl string, prologue []js.Directive, top int, module bool, stmt string, semicolon bool) lint.TextEdit {
	at, prefix, suffix := top, "", ""
	if n := len(prologue); n > 0 {
		last := prologue[n-1]
		switch le, next, ok := restOfLineIsFree(src, last.StatementEnd); {
		case !ok:
			at, prefix = last.StatementEnd, " "
		case next == le: // last line of the file
			at, prefix = le, nl+indentOf(src, last.Span.Start)
		default:
			at, prefix, suffix = next, indentOf(src, last.Span.Start), nl
		}
	} else if module {
		suffix = nl
	} else {
		if _, next, ok := restOfLineIsFree(src, top); ok && next < len(src) {
			at, prefix, suffix = next, indentOf(src, firstCode(src, next)), nl
		} else {
			prefix = " "
		}
	}
	if !semicolon && needsSemicolon(src, at) {
		semicolon = true
	}
	text := stmt
	if semicolon {
		text += ";"
	}
	return lint.TextEdit{Span: js.Span{Start: at, End: at}, NewText: prefix + text + suffix}
}

// firstCode returns the offset of the first non-blank character at or after
// offset.
func firstCode(src []byte, offset int) int {
	for offset < len(src) {
		switch src[offset] {
		case ' ', '\t', '\r', '\n':
			offset++
		default:
			return offset
		}
	}
	return offset
}

// restOfLineIsFree reports whether the line holding offset has nothing but
// blanks or a // comment after it; then it returns the offset of the line
// terminator and the offset past it, as lineEnd does. It reads past the
// blanks only when a comment follows: a minified line of code costs
// nothing.
func restOfLineIsFree(src []byte, offset int) (end, next int, ok bool) {
	i := offset
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i < len(src) && src[i] != '\n' && src[i] != '\r' && !bytes.HasPrefix(src[i:], []byte("//")) {
		return 0, 0, false
	}
	end, next = lineEnd(src, i)
	return end, next, true
}

// moduleTop returns where a first statement of the module goes: after a BOM
// and a hashbang line.
func moduleTop(src []byte) int {
	at := 0
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		at = 3
	}
	if bytes.HasPrefix(src[at:], []byte("#!")) {
		_, at = lineEnd(src, at)
	}
	return at
}
