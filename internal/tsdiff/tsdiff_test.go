package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint/js"
)

func TestRecordOf(t *testing.T) {
	src := "'use client';\n" +
		"export async function f() { 'use server'; void 0; 'x'; }\n" +
		"export const g = () => 1;\n" +
		"export type T = string;\n"
	r := recordOf(js.Scan("a.ts", []byte(src), js.LangTS))
	fStart := strings.Index(src, "async")
	gStart := strings.Index(src, "() => 1")
	wantFns := []FunctionRecord{
		{Start: fStart, Kind: "declaration", Name: "f", Async: true, Body: true, Prologue: []string{"use server"}},
		{Start: gStart, Kind: "arrow", Name: "g", Prologue: []string{}},
	}
	if !slices.EqualFunc(r.Functions, wantFns, func(a, b FunctionRecord) bool {
		return a.Start == b.Start && a.Kind == b.Kind && a.Name == b.Name && a.Async == b.Async && a.Body == b.Body && slices.Equal(a.Prologue, b.Prologue)
	}) {
		t.Errorf("functions = %+v\nwant %+v", r.Functions, wantFns)
	}
	var exports []string
	for _, e := range r.Exports {
		exports = append(exports, e.Name+":"+e.Kind)
	}
	if want := []string{"f:async function", "g:function", "T:type"}; !slices.Equal(exports, want) {
		t.Errorf("exports = %q, want %q", exports, want)
	}
	wantStr := []StringRecord{
		{Value: "use client", At: 0, Place: "prologue of module"},
		{Value: "use server", At: strings.Index(src, "'use server'"), Place: "prologue of function@" + strconv.Itoa(fStart)},
		{Value: "x", At: strings.Index(src, "'x'"), Place: "misplaced in function@" + strconv.Itoa(fStart)},
	}
	if !slices.Equal(r.Strings, wantStr) {
		t.Errorf("strings = %+v\nwant %+v", r.Strings, wantStr)
	}
}

// TestCompareClasses: each kind of disagreement lands in its class, and
// the known-differences file makes a run pass without hiding them.
func TestCompareClasses(t *testing.T) {
	ts := Record{File: "a.ts",
		Functions: []FunctionRecord{
			{Start: 10, Kind: "arrow", Name: "f", Body: true, Prologue: []string{"use server"}, Ctx: "VariableDeclaration"},
			{Start: 40, Kind: "class method", Name: "m", Ctx: "ClassDeclaration"},
			{Start: 60, Kind: "declaration", Name: "g", Ctx: "SourceFile"},
		},
		Exports: []ExportRecord{{Name: "f", Kind: "function"}, {Name: "x", Kind: "other"}},
		Strings: []StringRecord{{Value: "use server", At: 20, Place: "prologue of function@10"}},
	}
	sc := Record{File: "a.ts",
		Functions: []FunctionRecord{
			{Start: 10, Kind: "arrow", Name: "", Body: true, Prologue: []string{}},
			{Start: 42, Kind: "class method", Name: "m"},
		},
		Exports:  []ExportRecord{{Name: "f", Kind: "async function"}},
		Strings:  []StringRecord{{Value: "use server", At: 20, Place: "misplaced in function@10"}},
		Problems: []string{"@5: unterminated string"},
	}
	tally := Tally{Inserted: map[string]int{}, InsertedAgree: map[string]int{}}
	var classes []string
	for _, d := range compareFile(&ts, &sc, &tally) {
		classes = append(classes, d.Class)
	}
	want := []string{
		"scanner problem: unterminated string",
		"function name: the scanner has none (arrow in VariableDeclaration)",
		"function prologue differs",
		"function start differs: class method",
		"function missing from the scanner: declaration (in SourceFile)",
		"export missing from the scanner: other",
		"export kind: TS function, scanner async function",
		"directive place: TS prologue of a function, scanner misplaced in a function",
	}
	slices.Sort(classes)
	slices.Sort(want)
	if !slices.Equal(classes, want) {
		t.Errorf("classes:\n  %s\nwant\n  %s", strings.Join(classes, "\n  "), strings.Join(want, "\n  "))
	}
	if tally.Functions != 3 || tally.FunctionsAgree != 0 || tally.Exports != 2 || tally.ExportsAgree != 0 {
		t.Errorf("tally = %+v", tally)
	}

	// The mutation passes compare only the inserted strings.
	mut := Record{File: "m/prologue/a.ts", Orig: "a.ts", Variant: "prologue", Inserted: []int{0, 20},
		Strings: []StringRecord{{Value: "use client", At: 0, Place: "prologue of module"}, {Value: "use server", At: 20, Place: "prologue of function@10"}}}
	msc := Record{File: "m/prologue/a.ts", Strings: []StringRecord{{Value: "use client", At: 0, Place: "prologue of module"}}}
	ds := compareFile(&mut, &msc, &tally)
	if len(ds) != 1 || ds[0].Class != "mutation prologue: inserted directive missing from the scanner (prologue of a function)" || ds[0].File != "a.ts" {
		t.Errorf("mutation: %+v", ds)
	}
	if tally.Inserted["prologue"] != 2 || tally.InsertedAgree["prologue"] != 1 {
		t.Errorf("mutation tally = %+v", tally)
	}
}

func TestKnownDifferences(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "known.txt")
	if err := os.WriteFile(path, []byte("# comment\n\na.ts | export missing from the scanner: other | a reason\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	known, err := readKnown(path)
	if err != nil || len(known) != 1 {
		t.Fatalf("readKnown = %+v, %v", known, err)
	}
	d := Disagreement{File: "a.ts", Class: "export missing from the scanner: other", Detail: "x"}
	var out bytes.Buffer
	if !report(&out, []Disagreement{d}, known, Tally{}, 3) || !strings.Contains(out.String(), "known differences (1") {
		t.Errorf("a known difference fails the run:\n%s", out.String())
	}
	out.Reset()
	known[0].used = 0
	other := d
	other.File = "b.ts"
	if report(&out, []Disagreement{other}, known, Tally{}, 3) || !strings.Contains(out.String(), "disagreements (1)") ||
		!strings.Contains(out.String(), "no longer happens") {
		t.Errorf("an unknown difference passes, or the stale line is not noted:\n%s", out.String())
	}
	if err := os.WriteFile(path, []byte("a.ts | no reason\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readKnown(path); err == nil {
		t.Error("a line without a reason is accepted")
	}
}

func TestList(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.tsx", "a.js", "types.d.ts", "node_modules/x/i.js", "dist/o.js", "readme.md"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	if err := list(&out, &errOut, []string{dir}); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "a.js") + "\n" + filepath.Join(dir, "b.tsx") + "\n"
	if out.String() != want {
		t.Errorf("list = %q, want %q", out.String(), want)
	}
}
