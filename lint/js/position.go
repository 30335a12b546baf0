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
// Lines end at \n, \r\n, \r, U+2028 and U+2029, as in JavaScript.
func (f *File) Position(offset int) Position {
	if offset < 0 {
		offset = 0
	}
	if offset > len(f.Source) {
		offset = len(f.Source)
	}
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
	return Position{Line: lo + 1, Column: utf16Len(f.Source[f.lines[lo]:offset]) + 1}
}

// LineText returns the text of the 1-based line, without its terminator.
func (f *File) LineText(line int) string {
	for len(f.lines) <= line && f.scanned < len(f.Source) {
		f.linesUpTo(f.scanned + 4096)
	}
	if line < 1 || line > len(f.lines) {
		return ""
	}
	start := f.lines[line-1]
	end := len(f.Source)
	if line < len(f.lines) {
		end = f.lines[line]
	}
	text := f.Source[start:end]
	for len(text) > 0 {
		c := text[len(text)-1]
		if c == '\n' || c == '\r' {
			text = text[:len(text)-1]
			continue
		}
		if len(text) >= 3 && text[len(text)-3] == 0xE2 && text[len(text)-2] == 0x80 && (c == 0xA8 || c == 0xA9) {
			text = text[:len(text)-3]
			continue
		}
		break
	}
	return string(text)
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
