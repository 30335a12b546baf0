package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/rules"
)

// longLineChunk is a Server Function inline in a client module, one
// diagnostic each; the emoji and é make UTF-16 columns differ from bytes.
const longLineChunk = "export async function f(){ 'use server'; return '😀é';};"

// longLine writes a minified client module of n inline Server Functions on
// one line and returns the column of each 'use server'.
func longLine(t *testing.T, n int) []int {
	t.Helper()
	prefix := "'use client';"
	chunkUnits := len(utf16.Encode([]rune(longLineChunk)))
	cols := make([]int, n)
	for i := range cols {
		cols[i] = len(prefix) + i*chunkUnits + strings.Index(longLineChunk, "'use server'") + 1
	}
	project(t, map[string]string{"min.js": prefix + strings.Repeat(longLineChunk, n) + "\n"})
	return cols
}

// TestLongLineEveryFormat checks every format on a one-line file with many
// diagnostics: the same columns everywhere, and code frames cut to
// js.ExcerptWidth characters around the column.
func TestLongLineEveryFormat(t *testing.T) {
	cols := longLine(t, 300)
	_, out, _ := cli(t, rules.All(), "--format", "json", "min.js")
	var rep struct {
		Diagnostics []struct{ Line, Column, EndColumn int }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Diagnostics) != len(cols) {
		t.Fatalf("json: %d diagnostics, want %d", len(rep.Diagnostics), len(cols))
	}
	for i, d := range rep.Diagnostics {
		if d.Line != 1 || d.Column != cols[i] || d.EndColumn != cols[i]+len("'use server'") {
			t.Fatalf("json diagnostic %d at %d:%d-%d, want 1:%d", i, d.Line, d.Column, d.EndColumn, cols[i])
		}
	}
	last := cols[len(cols)-1]
	for format, want := range map[string]string{
		"compact": fmt.Sprintf("min.js:1:%d: error:", last),
		"github":  fmt.Sprintf("line=1,col=%d,endLine=1,endColumn=%d,", last, last+12),
		"sarif":   fmt.Sprintf(`"startColumn": %d,`, last),
	} {
		if _, out, _ := cli(t, rules.All(), "--format", format, "min.js"); !strings.Contains(out, want) {
			t.Errorf("--format %s: no %q in the output", format, want)
		}
	}
	_, out, _ = cli(t, rules.All(), "--format", "stylish", "--color", "never", "min.js")
	lines := strings.Split(out, "\n")
	frames := 0
	for i, l := range lines {
		src, ok := strings.CutPrefix(l, "    1 | ")
		if !ok {
			continue
		}
		frames++
		if n := utf8.RuneCountInString(src); n > js.ExcerptWidth+2 {
			t.Fatalf("frame of %d characters:\n%s", n, l)
		}
		// The caret stands under the 'use server' of the frame.
		caret := strings.Index(lines[i+1], "^")
		if text := []rune(l); caret < 0 || !strings.HasPrefix(string(text[caret:]), "'use server'") {
			t.Fatalf("caret not under 'use server':\n%s\n%s", l, lines[i+1])
		}
	}
	if frames != len(cols) || !strings.Contains(out, "    1 | …") {
		t.Errorf("%d frames, want %d cut ones:\n%.2000s", frames, len(cols), out)
	}
}

// TestLongLineMemory checks that the memory a run allocates grows linearly
// with a one-line file's diagnostics: each used to copy the whole line
// (its code frame) and count its column from the line start.
func TestLongLineMemory(t *testing.T) {
	alloc := func(n int) uint64 {
		longLine(t, n)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		if code, _, _ := cli(t, rules.All(), "--format", "stylish", "--color", "never", "min.js"); code != 1 {
			t.Fatalf("status %d", code)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := alloc(500), alloc(2000)
	t.Logf("allocated %d KiB for 500 diagnostics, %d KiB for 2000", small>>10, large>>10)
	// Linear: 4×; the whole line for each diagnostic made it 16× (and
	// 2000 diagnostics on a 120 KB line allocated 500 MB).
	if large > 8*small || large > 2000*16<<10 {
		t.Errorf("allocated %d KiB for 500 diagnostics and %d KiB for 2000: not linear", small>>10, large>>10)
	}
}

// TestBOMColumns checks the columns of line 1 in a file that starts with a
// byte order mark, which is not a character of the line.
func TestBOMColumns(t *testing.T) {
	project(t, map[string]string{"a.ts": "\uFEFF'use sever';\n"})
	if _, out, _ := cli(t, rules.All(), "--format", "compact"); !strings.HasPrefix(out, "a.ts:1:1: error:") {
		t.Errorf("compact: %q", out)
	}
	_, out, _ := cli(t, rules.All(), "--color", "never")
	if !strings.Contains(out, "  1:1  error") || !strings.Contains(out, "    1 | 'use sever';\n      | ^^^^^^^^^^^\n") {
		t.Errorf("stylish:\n%s", out)
	}
}
