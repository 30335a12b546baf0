package js

import (
	"bytes"
	"unicode/utf8"
)

// Position is a 1-based line and column. Columns count UTF-16 code units,
// as editors and GitHub do (one per ASCII character).
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Position converts a byte offset of the file's source into a Position.
// Lines end at \n, \r\n, \r, U+2028 and U+2029, as in JavaScript. A
// byte order mark is not part of line 1, as for editors, TypeScript and
// ESLint: the character after it is in column 1. Its cost does not grow
// with the length of the line (see column), so a minified file with
// thousands of diagnostics on one line stays linear.
func (f *File) Position(offset int) Position {
	offset = min(max(offset, 0), len(f.Source))
	line := f.lineOf(offset)
	start := f.lineStart(line)
	return Position{Line: line + 1, Column: f.column(start, max(offset, start))}
}

// lineStart returns the offset where the 0-based line starts, after the
// byte order mark for the first.
func (f *File) lineStart(line int) int {
	if line == 0 && bytes.HasPrefix(f.Source, bom) {
		return len(bom)
	}
	return f.lines[line]
}

// bom is the UTF-8 byte order mark.
var bom = []byte{0xEF, 0xBB, 0xBF}

// lineOf returns the 0-based line that offset, within Source, is on.
func (f *File) lineOf(offset int) int {
	f.linesUpTo(offset)
	// Binary search for the last line start <= offset.
	lo, hi := 0, len(f.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if f.lines[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// unitsStep is the distance in bytes between two of the marks that column
// counts UTF-16 code units from on long lines.
const unitsStep = 1 << 10

// column returns the 1-based column, in UTF-16 code units, of offset on the
// line that starts at lineStart. On a short line it counts from the line
// start; on a long one it takes the difference of two counts from the
// start of the file, each read from the nearest mark (f.units) and at most
// unitsStep bytes counted, so that asking for every position of a long
// line costs as much as the line, not its square.
func (f *File) column(lineStart, offset int) int {
	if offset-lineStart <= 2*unitsStep {
		return utf16Len(f.Source[lineStart:offset]) + 1
	}
	if c := f.lineUnits; !c.valid || c.offset != lineStart {
		f.lineUnits = unitsAnswer{offset: lineStart, units: f.unitsBefore(lineStart), valid: true}
	}
	return f.unitsBefore(offset) - f.lineUnits.units + 1
}

// unitsBefore returns the UTF-16 code units of Source[:offset], counted as
// utf16Len counts them. Mark k holds the count up to markOffset(k), the
// first rune start at or after k*unitsStep; a rune that holds offset
// starts at or after its mark, so counting on from the mark reads the
// runes the count from the start of the file would read.
func (f *File) unitsBefore(offset int) int {
	runeStart := offset == len(f.Source) || utf8.RuneStart(f.Source[offset])
	if c := &f.unitsCache; c.valid && runeStart && abs(offset-c.offset) < unitsStep {
		// Close to the last answer, as positions mostly come in order:
		// count the runes between.
		if c.offset <= offset {
			c.units += utf16Len(f.Source[c.offset:offset])
		} else {
			c.units -= utf16Len(f.Source[offset:c.offset])
		}
		c.offset = offset
		return c.units
	}
	k := offset / unitsStep
	for len(f.units) <= k {
		n := len(f.units)
		if n == 0 {
			f.units = append(f.units, 0)
			continue
		}
		from, to := f.markOffset(n-1), f.markOffset(n)
		f.units = append(f.units, f.units[n-1]+utf16Len(f.Source[from:to]))
	}
	mark := f.markOffset(k)
	for mark > offset { // offset is inside the rune mark k skipped to
		k--
		mark = f.markOffset(k)
	}
	units := f.units[k] + utf16Len(f.Source[mark:offset])
	if runeStart {
		f.unitsCache = unitsAnswer{offset: offset, units: units, valid: true}
	}
	return units
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// unitsAnswer is the last answer of unitsBefore.
type unitsAnswer struct {
	offset, units int
	valid         bool
}

// markOffset returns where mark k stands: the first byte at or after
// k*unitsStep that is not a UTF-8 continuation byte (at most 3 further);
// mark 0 is the start of the file, even when a continuation byte stands
// there (the scanner is given any bytes).
func (f *File) markOffset(k int) int {
	if k <= 0 {
		return 0 // the start of the file, whatever byte is there
	}
	i := min(k*unitsStep, len(f.Source))
	for j := 0; j < 3 && i < len(f.Source) && f.Source[i]&0xC0 == 0x80; j++ {
		i++
	}
	return i
}

// ExcerptWidth is the most characters of a line an Excerpt holds. A longer
// line (minified code) is cut around the column, as ESLint and Biome cut
// their code frames: excerptLead characters before it and the rest after,
// or the line's last ExcerptWidth characters when the column is near its
// end.
const ExcerptWidth = 160

// excerptLead is how many characters before the column an excerpt of a
// long line keeps.
const excerptLead = ExcerptWidth / 4

// Excerpt is the part of one line of a file that a code frame shows: the
// whole line when it has at most ExcerptWidth characters, else a window of
// that many around a column.
type Excerpt struct {
	// Text is the excerpt, without the line's terminator.
	Text string
	// Column is the 1-based column, in UTF-16 code units, of Text's first
	// character in its line; 0 is read as 1.
	Column int
	// CutBefore and CutAfter say that the line goes on before and after Text.
	CutBefore, CutAfter bool
}

// Excerpt returns the excerpt of the line offset is on, around offset. Its
// cost does not depend on the length of the line.
func (f *File) Excerpt(offset int) Excerpt {
	src := f.Source
	offset = min(max(offset, 0), len(src))
	line := f.lineOf(offset)
	lineStart := f.lineStart(line)
	offset = max(offset, lineStart)
	for offset > lineStart && lineEndsAt(src, offset-1) {
		offset-- // inside a \r\n: the excerpt ends before it
	}
	// back[j] is where the j-th character before offset starts, fwd[j]
	// where the j-th after it ends; b and a count them, up to the width.
	var back, fwd [ExcerptWidth + 1]int
	back[0], fwd[0] = offset, offset
	b, a := 0, 0
	for b < ExcerptWidth && back[b] > lineStart {
		_, size := utf8.DecodeLastRune(src[lineStart:back[b]])
		back[b+1] = back[b] - size
		b++
	}
	for a < ExcerptWidth && !lineEndsAt(src, fwd[a]) {
		_, size := utf8.DecodeRune(src[fwd[a]:])
		fwd[a+1] = fwd[a] + size
		a++
	}
	moreBefore := back[b] > lineStart
	moreAfter := !lineEndsAt(src, fwd[a])
	start, end := back[b], fwd[a]
	switch {
	case !moreBefore && !moreAfter && a+b <= ExcerptWidth:
		// The whole line.
	case moreAfter || a >= ExcerptWidth-excerptLead:
		k := min(excerptLead, b)
		start, end = back[k], fwd[ExcerptWidth-k]
	default:
		// Near the end of the line: its last ExcerptWidth characters.
		start, end = back[ExcerptWidth-a], fwd[a]
	}
	return Excerpt{
		Text:      f.excerptText(line, lineStart, start, end),
		Column:    f.column(lineStart, offset) - utf16Len(src[start:offset]),
		CutBefore: start > lineStart,
		CutAfter:  !lineEndsAt(src, end),
	}
}

// longLine is what excerptText knows of a line it cut excerpts from.
type longLine struct {
	end    int    // where the line ends, before its terminator
	copied int    // the bytes its excerpts copied
	text   string // the whole line, once they would copy more than it
}

// excerptText returns Source[start:end], part of the 0-based line that
// starts at lineStart. The excerpts of a long line are copies until they
// add up to its length, then substrings of one copy of the whole line: a
// minified line with thousands of diagnostics is held once, and a line
// with a few costs a few excerpts, never the whole line.
func (f *File) excerptText(line, lineStart, start, end int) string {
	src := f.Source
	if start == lineStart && lineEndsAt(src, end) {
		return string(src[start:end]) // the whole line
	}
	ll := f.longLines[line]
	if ll == nil {
		if f.longLines == nil {
			f.longLines = map[int]*longLine{}
		}
		ll = &longLine{end: f.lineEnd(end)} // once a line
		f.longLines[line] = ll
	}
	if ll.text == "" && ll.copied+end-start >= ll.end-lineStart {
		ll.text = string(src[lineStart:ll.end])
	}
	if ll.text != "" {
		return ll.text[start-lineStart : end-lineStart]
	}
	ll.copied += end - start
	return string(src[start:end])
}

// lineEnd returns where the line that holds offset ends, before its
// terminator.
func (f *File) lineEnd(offset int) int {
	for !lineEndsAt(f.Source, offset) {
		offset++
	}
	return offset
}

// lineEndsAt reports whether a line ends at offset i of src: at its end or
// at a line terminator.
func lineEndsAt(src []byte, i int) bool {
	if i >= len(src) {
		return true
	}
	switch src[i] {
	case '\n', '\r':
		return true
	case 0xE2:
		return i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9)
	}
	return false
}

// linesUpTo extends the table of line starts so that it covers every line
// starting at or before offset. The table grows only as far as positions
// are asked for: most files need the first few lines (imports), if any.
func (f *File) linesUpTo(offset int) {
	if len(f.lines) == 0 {
		f.lines = append(f.lines, 0)
	}
	src := f.Source
	i := f.scanned
	end := min(offset+1, len(src)) // the bytes to search end here
	if i >= end {
		return
	}
	if seg := src[i:end]; bytes.IndexByte(seg, '\r') < 0 && bytes.IndexByte(seg, 0xE2) < 0 {
		// No \r and no U+2028 or U+2029 up to offset: vector searches for
		// \n find the line starts, as the loop below would.
		for {
			j := bytes.IndexByte(seg, '\n')
			if j < 0 {
				break
			}
			seg = seg[j+1:]
			f.lines = append(f.lines, end-len(seg))
		}
		f.scanned = end
		return
	}
	for ; i < len(src) && i <= offset; i++ {
		switch src[i] {
		case '\n':
			f.lines = append(f.lines, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			f.lines = append(f.lines, i+1)
		case 0xE2:
			if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9) {
				i += 2
				f.lines = append(f.lines, i+1)
			}
		}
	}
	if i > f.scanned {
		f.scanned = i
	}
}

// utf16Len counts the UTF-16 code units of b; invalid bytes count one each.
func utf16Len(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		i += size
	}
	return n
}
