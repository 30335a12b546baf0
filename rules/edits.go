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

// newline returns the file's line ending: the first one in it, or "\n".
func newline(src []byte) string {
	if i := bytes.IndexAny(src, "\r\n"); i >= 0 {
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

func isBlank(b []byte) bool {
	return len(bytes.Trim(b, " \t")) == 0
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
	ls := lineStart(src, start)
	le, next := lineEnd(src, end)
	before, after := isBlank(src[ls:start]), isBlank(src[end:le])
	switch {
	case before && after:
		return lint.TextEdit{Span: js.Span{Start: ls, End: next}}
	case after:
		// Code before it on the line: take the spaces before it.
		for start > ls && (src[start-1] == ' ' || src[start-1] == '\t') {
			start--
		}
		return lint.TextEdit{Span: js.Span{Start: start, End: le}}
	default:
		for end < le && (src[end] == ' ' || src[end] == '\t') {
			end++
		}
		return lint.TextEdit{Span: js.Span{Start: start, End: end}}
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
// its semicolon) at the top of a module or function body, after the
// directives of prologue. top is where a first statement goes when the
// prologue is empty: just past the opening brace of a body, or the start of
// a module after its BOM and hashbang. module says which of the two.
func insertStatement(src []byte, prologue []js.Directive, top int, module bool, stmt string, semicolon bool) lint.TextEdit {
	nl := newline(src)
	at, prefix, suffix := top, "", ""
	if n := len(prologue); n > 0 {
		last := prologue[n-1]
		le, next := lineEnd(src, last.StatementEnd)
		rest := bytes.TrimLeft(src[last.StatementEnd:le], " \t")
		indent := indentOf(src, last.Span.Start)
		switch {
		case len(rest) == 0 || bytes.HasPrefix(rest, []byte("//")):
			if next == le { // last line of the file
				at, prefix = le, nl+indent
			} else {
				at, prefix, suffix = next, indent, nl
			}
		default:
			at, prefix = last.StatementEnd, " "
		}
	} else if module {
		suffix = nl
	} else {
		le, next := lineEnd(src, top)
		rest := bytes.TrimLeft(src[top:le], " \t")
		if (len(rest) == 0 || bytes.HasPrefix(rest, []byte("//"))) && next < len(src) {
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
