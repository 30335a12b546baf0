package js

import (
	"math/rand"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// wantExcerpt is the excerpt of the line that holds offset, computed the
// slow way: the whole line in characters, cut as ExcerptWidth says.
func wantExcerpt(src string, offset int) Excerpt {
	start := strings.LastIndexAny(src[:offset], "\n\r\u2028\u2029") + 1
	if i := strings.LastIndexAny(src[:offset], "\u2028\u2029"); i >= 0 && i+3 > start {
		start = i + 3
	}
	end := len(src)
	if i := strings.IndexAny(src[offset:], "\n\r\u2028\u2029"); i >= 0 {
		end = offset + i
	}
	line := []rune(src[start:end])
	s := utf8.RuneCountInString(src[start:offset])
	lo, hi := 0, len(line)
	if len(line) > ExcerptWidth {
		lo = max(0, min(s-excerptLead, len(line)-ExcerptWidth))
		hi = lo + ExcerptWidth
	}
	return Excerpt{
		Text:      string(line[lo:hi]),
		Column:    utf16Len([]byte(string(line[:lo]))) + 1,
		CutBefore: lo > 0,
		CutAfter:  hi < len(line),
	}
}

// TestExcerpt checks Excerpt against cutting the whole line, at every
// character of lines shorter, as long as and longer than ExcerptWidth,
// with characters of one to four bytes and every kind of line terminator.
func TestExcerpt(t *testing.T) {
	pieces := []string{"a", "é", "€", "😀", "\t"}
	rng := rand.New(rand.NewSource(1))
	line := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	for _, n := range []int{0, 1, 39, 40, 41, 119, 120, 159, 160, 161, 200, 400} {
		for _, term := range []string{"\n", "\r\n", "\r", "\u2028"} {
			src := line(5) + term + line(n) + term + line(3)
			// One file for every offset: the excerpts of a long line
			// come to share a copy of it (see excerptText).
			shared := &File{Source: []byte(src)}
			for off := 0; off <= len(src); off++ {
				if !utf8.ValidString(src[:off]) || strings.HasSuffix(src[:off], "\r") && strings.HasPrefix(src[off:], "\n") {
					continue // not a place a diagnostic starts
				}
				f := &File{Source: []byte(src)}
				got, want := f.Excerpt(off), wantExcerpt(src, off)
				if got != want {
					t.Fatalf("line of %d characters, terminator %q: Excerpt(%d) =\n%+v\nwant\n%+v", n, term, off, got, want)
				}
				if got := shared.Excerpt(off); got != want {
					t.Fatalf("line of %d characters, terminator %q, one file: Excerpt(%d) =\n%+v\nwant\n%+v", n, term, off, got, want)
				}
			}
		}
	}
}

// TestPositionLongLine checks columns on a line long enough for the
// marks (unitsBefore), asked in random order, against counting from the
// line start.
func TestPositionLongLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("first line\n")
	rng := rand.New(rand.NewSource(2))
	for b.Len() < 20*unitsStep {
		b.WriteString([]string{"x", "é", "€", "😀", "'use client';"}[rng.Intn(5)])
	}
	b.WriteString("\nlast")
	src := b.String()
	f := &File{Source: []byte(src)}
	want := make([]Position, len(src)+1) // counted from the line start
	line, col := 1, 1
	for off, r := range src {
		want[off] = Position{Line: line, Column: col}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += utf16Len([]byte(string(r)))
		}
	}
	want[len(src)] = Position{Line: line, Column: col}
	for _, off := range rng.Perm(len(src) + 1) {
		if off < len(src) && !utf8.RuneStart(src[off]) {
			continue
		}
		if got := f.Position(off); got != want[off] {
			t.Fatalf("Position(%d) = %v, want %v", off, got, want[off])
		}
	}
}

// TestPositionBOM checks that a byte order mark is not part of line 1: the
// character after it is in column 1, and code frames leave it out.
func TestPositionBOM(t *testing.T) {
	f := &File{Source: []byte("\uFEFF'use sever';\nx")}
	for off, want := range map[int]Position{0: {1, 1}, 3: {1, 1}, 4: {1, 2}, 16: {2, 1}} {
		if got := f.Position(off); got != want {
			t.Errorf("Position(%d) = %v, want %v", off, got, want)
		}
	}
	if got := f.Excerpt(3); got != (Excerpt{Text: "'use sever';", Column: 1}) {
		t.Errorf("Excerpt(3) = %+v", got)
	}
	if got := (&File{Source: []byte("\uFEFF")}).Position(3); got != (Position{1, 1}) {
		t.Errorf("BOM alone: Position(3) = %v", got)
	}
}

// TestExcerptMemory checks that the excerpts of a long line cost at most
// about twice the line, however many there are, and a few excerpts cost
// a few excerpts.
func TestExcerptMemory(t *testing.T) {
	line := strings.Repeat("'use sever';", 10000) // 120 KB
	alloc := func(n int) uint64 {
		f := &File{Source: []byte(line)}
		f.Position(len(line)) // the line table and the column marks
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for i := range n {
			f.Excerpt(i * 12 * 10000 / n)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	if got := alloc(10); got > uint64(len(line))/8 { // a few excerpts, not the line
		t.Errorf("10 excerpts of a %d-byte line allocated %d bytes", len(line), got)
	}
	if got := alloc(10000); got > 3*uint64(len(line)) {
		t.Errorf("10,000 excerpts of a %d-byte line allocated %d bytes", len(line), got)
	}
}
