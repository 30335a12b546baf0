package js

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// FuzzScan feeds the scanner arbitrary bytes: it must never panic, never
// loop, and every position in the model must lie inside the source. The
// seed corpus (the table tests and every fixture) runs in every go test.
func FuzzScan(f *testing.F) {
	for _, tc := range scanCases {
		f.Add([]byte(tc.src), uint8(tc.lang))
	}
	_ = filepath.WalkDir("../../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if lang, ok := LangOf(path); ok {
			if src, err := os.ReadFile(path); err == nil {
				f.Add(src, uint8(lang))
			}
		}
		return nil
	})
	for _, s := range []string{"", "<", "<a", "<a b={", "`${", "/*", "'", "a /", "#!", "\ufeff", "x\r\n<!--", "@", "@@", "}}}", ")))", "((((", "<>{</>", "class {", "function", "=> {", "<T,>(", "a?.class", "type", "declare", "interface X {"} {
		f.Add([]byte(s), uint8(LangTSX))
	}
	f.Fuzz(func(t *testing.T, src []byte, lang uint8) {
		file := Scan("fuzz.tsx", src, Lang(lang%3))
		n := len(src)
		in := func(what string, sp Span) {
			if sp.Start < 0 || sp.End > n || sp.Start > sp.End {
				t.Fatalf("%s span %v outside source of %d bytes", what, sp, n)
			}
		}
		for _, d := range append(append([]Directive{}, file.Prologue...), file.Misplaced...) {
			in("directive", d.Span)
		}
		for _, fn := range file.Functions {
			if fn.Start < 0 || fn.Start > n {
				t.Fatalf("function start %d outside source", fn.Start)
			}
			if fn.HasBody {
				in("body", fn.Body)
			}
			for _, d := range fn.Prologue {
				in("function directive", d.Span)
			}
		}
		for _, im := range file.Imports {
			in("import", im.Span)
			in("import source", im.SourceSpan)
		}
		for _, e := range file.Exports {
			in("export", e.Span)
			if e.Func >= len(file.Functions) {
				t.Fatalf("export func index %d out of range", e.Func)
			}
		}
		for _, u := range file.ThisUses {
			in("this", u.Span)
		}
		for _, p := range file.Problems {
			if p.Offset < 0 || p.Offset > n {
				t.Fatalf("problem offset %d outside source", p.Offset)
			}
			_ = file.Position(p.Offset)
		}
		for _, el := range ScanJSX("fuzz.tsx", src, Lang(lang%3)).JSX {
			in("JSX tag", el.Span)
			for _, a := range el.Attrs {
				in("JSX attribute", a.Span)
				in("JSX attribute value", a.Value)
			}
		}
	})
}
