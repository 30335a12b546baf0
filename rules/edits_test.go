package rules

import (
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

func TestRemoveStatement(t *testing.T) {
	tests := []struct {
		name, src, stmt, want string
	}{
		{"alone on its line", "'a';\n'use client';\nx();\n", "'use client';", "'a';\nx();\n"},
		{"alone, CRLF", "'a';\r\n  'use client'\r\nx();\r\n", "'use client'", "'a';\r\nx();\r\n"},
		{"alone, last line", "'a';\n'use client';", "'use client';", "'a';\n"},
		{"code before", "'a'; 'use client';\nx();\n", "'use client';", "'a';\nx();\n"},
		{"code after", "'use client'; x();\n", "'use client';", "x();\n"},
		{"comment after stays", "'use client'; // why\n", "'use client';", "// why\n"},
		{"between", "{ a(); 'use server'; b(); }", "'use server';", "{ a(); b(); }"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := indexOf(t, tt.src, tt.stmt)
			e := removeStatement([]byte(tt.src), start, start+len(tt.stmt))
			got, err := lint.ApplyFixes([]byte(tt.src), []lint.TextEdit{e})
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInsertStatement(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		prologue string // text of the last prologue statement, or ""
		module   bool
		top      string // for functions: the text just before the insertion point
		semi     bool
		want     string
	}{
		{name: "module, empty prologue", src: "import a from 'a';\n", module: true, semi: true,
			want: "'use server';\nimport a from 'a';\n"},
		{name: "module, after prologue", src: "'use strict';\nimport a from 'a';\n", prologue: "'use strict';", module: true, semi: true,
			want: "'use strict';\n'use server';\nimport a from 'a';\n"},
		{name: "module, after prologue with comment", src: "'use strict'; // strict\nx()\n", prologue: "'use strict';", module: true,
			want: "'use strict'; // strict\n'use server'\nx()\n"},
		{name: "module, prologue and code share a line", src: "'use strict'; x();\n", prologue: "'use strict';", module: true, semi: true,
			want: "'use strict'; 'use server'; x();\n"},
		{name: "module, prologue is the whole file", src: "'use strict';", prologue: "'use strict';", module: true, semi: true,
			want: "'use strict';\n'use server';"},
		{name: "module, ASI hazard adds a semicolon", src: "(async () => {})()\n", module: true,
			want: "'use server';\n(async () => {})()\n"},
		{name: "function, new line", src: "function f() {\n\tconst a = 1\n}\n", top: "{",
			want: "function f() {\n\t'use server'\n\tconst a = 1\n}\n"},
		{name: "function, one line", src: "function f() { a(); }", top: "{", semi: true,
			want: "function f() { 'use server'; a(); }"},
		{name: "function, CRLF after prologue", src: "function f() {\r\n    'use strict';\r\n    a();\r\n}", prologue: "'use strict';", semi: true,
			want: "function f() {\r\n    'use strict';\r\n    'use server';\r\n    a();\r\n}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			var prologue []js.Directive
			if tt.prologue != "" {
				start := indexOf(t, tt.src, tt.prologue)
				end := start + len(tt.prologue)
				exprEnd := end
				if tt.prologue[len(tt.prologue)-1] == ';' {
					exprEnd--
				}
				prologue = []js.Directive{{Span: js.Span{Start: start, End: exprEnd}, StatementEnd: end}}
			}
			top := moduleTop(src)
			if !tt.module {
				top = indexOf(t, tt.src, "{") + 1
			}
			e := insertStatement(src, newline(src), prologue, top, tt.module, "'use server'", tt.semi)
			got, err := lint.ApplyFixes(src, []lint.TextEdit{e})
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestModuleTop(t *testing.T) {
	for src, want := range map[string]int{
		"":                          0,
		"x()":                       0,
		"\xEF\xBB\xBFx()":           3,
		"#!/usr/bin/env node\nx()":  20,
		"#!/bin/node\r\nx()":        13,
		"\xEF\xBB\xBF#!/bin/node\n": 15,
	} {
		if got := moduleTop([]byte(src)); got != want {
			t.Errorf("moduleTop(%q) = %d, want %d", src, got, want)
		}
	}
}

func indexOf(t *testing.T, s, sub string) int {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, s)
	}
	return i
}

// TestAddAsyncFixAfterAsyncLine: "async", a line break, then an arrow is
// not an async arrow (the file does not parse); the fix would write a
// second async, so there is none.
func TestAddAsyncFixAfterAsyncLine(t *testing.T) {
	src := []byte("const f = async\n(x) => { 'use server'; return x; };\n")
	f := js.Scan("a.js", src, js.LangJS)
	if len(f.Functions) != 1 {
		t.Fatalf("functions = %+v", f.Functions)
	}
	if fix := addAsyncFix(src, &f.Functions[0]); fix != nil {
		t.Errorf("fix = %+v, want none", fix)
	}
	ok := []byte("const g = (x) => { 'use server'; return x; };\n")
	if g := js.Scan("b.js", ok, js.LangJS); addAsyncFix(ok, &g.Functions[0]) == nil {
		t.Errorf("no fix for a plain arrow")
	}
}
