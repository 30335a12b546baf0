package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"
)

// Record is what one side says about one file (see the package doc).
type Record struct {
	File      string           `json:"file"`
	Functions []FunctionRecord `json:"functions"`
	Exports   []ExportRecord   `json:"exports"`
	Strings   []StringRecord   `json:"strings"`
	// Problems are the scanner's ScanProblems.
	Problems []string `json:"problems,omitempty"`
	// Errors counts TypeScript's parse errors; FirstError is the first.
	Errors     int    `json:"errors,omitempty"`
	FirstError string `json:"firstError,omitempty"`
	// Orig, Variant and Inserted are set on the records of mutated copies:
	// the file copied, "prologue" or "misplaced", and the offsets of the
	// inserted strings.
	Orig     string `json:"orig,omitempty"`
	Variant  string `json:"variant,omitempty"`
	Inserted []int  `json:"inserted,omitempty"`
}

// FunctionRecord is one function.
type FunctionRecord struct {
	Start     int      `json:"start"`
	Kind      string   `json:"kind"`
	Name      string   `json:"name"`
	Async     bool     `json:"async"`
	Generator bool     `json:"generator"`
	Static    bool     `json:"static"`
	Body      bool     `json:"body"`
	Prologue  []string `json:"prologue"`
	// Ctx is the kind of TypeScript node holding the function (TypeScript's side only).
	Ctx string `json:"ctx,omitempty"`
}

// ExportRecord is one exported name.
type ExportRecord struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	// At is where the export statement starts, for showing it (not compared).
	At int `json:"at"`
}

// StringRecord is one statement that is a quoted string alone.
type StringRecord struct {
	Value string `json:"value"`
	At    int    `json:"at"`
	Place string `json:"place"`
}

// list prints the files directivelint would lint under the directories
// (lint/discover: .gitignore, node_modules, build output and declaration
// files left out), sorted.
func list(w, stderr io.Writer, dirs []string) error {
	if len(dirs) == 0 {
		return fmt.Errorf("list: no directory given")
	}
	targets, notices, err := discover.Targets(dirs)
	if err != nil {
		return err
	}
	for _, n := range notices {
		fmt.Fprintln(stderr, n)
	}
	files := make([]string, 0, len(targets))
	for _, t := range targets {
		files = append(files, t.Path)
	}
	slices.Sort(files)
	bw := bufio.NewWriter(w)
	for _, f := range files {
		fmt.Fprintln(bw, f)
	}
	return bw.Flush()
}

// dumpCommand prints one record a file of the list, from js.Scan, and the
// scanner's speed on them to stderr.
func dumpCommand(w, stderr io.Writer, args []string) error {
	flags := flag.NewFlagSet("dump", flag.ContinueOnError)
	listFile := flags.String("files", "", "a file listing the files to dump, one a line")
	if err := flags.Parse(args); err != nil {
		return err
	}
	files := flags.Args()
	if *listFile != "" {
		data, err := os.ReadFile(*listFile)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			if line != "" { // a path may hold spaces: one a line
				files = append(files, line)
			}
		}
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var took time.Duration
	var size int
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		lang, _ := js.LangOf(path)
		t0 := time.Now()
		f := js.Scan(path, src, lang)
		took += time.Since(t0)
		size += len(src)
		if err := enc.Encode(recordOf(f)); err != nil {
			return err
		}
	}
	if len(files) > 0 && took > 0 {
		fmt.Fprintf(stderr, "lint/js: scanned %d files (%.1f MB) in %d ms: %.0f files/s, %.1f MB/s (js.Scan only, one core)\n",
			len(files), float64(size)/1e6, took.Milliseconds(), float64(len(files))/took.Seconds(), float64(size)/1e6/took.Seconds())
	}
	return bw.Flush()
}

// kindNames are the names of the function kinds in records.
var kindNames = [...]string{
	js.FuncDeclaration:  "declaration",
	js.FuncExpression:   "expression",
	js.FuncArrow:        "arrow",
	js.FuncObjectMethod: "object method",
	js.FuncClassMethod:  "class method",
	js.FuncGetter:       "getter",
	js.FuncSetter:       "setter",
	js.FuncConstructor:  "constructor",
}

// recordOf is the scanner's record of a file.
func recordOf(f *js.File) Record {
	r := Record{File: f.Path, Functions: []FunctionRecord{}, Exports: []ExportRecord{}, Strings: []StringRecord{}}
	fnPlace := func(i int) string {
		if i < 0 || i >= len(f.Functions) {
			return "module"
		}
		return fmt.Sprintf("function@%d", f.Functions[i].Start)
	}
	quoted := func(d js.Directive, place string) {
		if d.Form == js.FormQuoted {
			r.Strings = append(r.Strings, StringRecord{Value: d.Value, At: d.Span.Start, Place: place})
		}
	}
	for _, d := range f.Prologue {
		quoted(d, "prologue of module")
	}
	for i, fn := range f.Functions {
		kind := "function"
		if int(fn.Kind) < len(kindNames) {
			kind = kindNames[fn.Kind]
		}
		rec := FunctionRecord{Start: fn.Start, Kind: kind, Name: fn.Name, Async: fn.Async, Generator: fn.Generator,
			Static: fn.Static, Body: fn.HasBody, Prologue: []string{}}
		for _, d := range fn.Prologue {
			rec.Prologue = append(rec.Prologue, d.Value)
			quoted(d, "prologue of "+fnPlace(i))
		}
		r.Functions = append(r.Functions, rec)
	}
	for _, d := range f.Misplaced {
		quoted(d, "misplaced in "+fnPlace(d.Func))
	}
	slices.SortStableFunc(r.Strings, func(a, b StringRecord) int { return a.At - b.At })
	for _, e := range f.Exports {
		r.Exports = append(r.Exports, ExportRecord{Name: e.Name, Kind: exportKind(e), At: e.Span.Start})
	}
	for _, p := range f.Problems {
		r.Problems = append(r.Problems, fmt.Sprintf("@%d: %s", p.Offset, p.Message))
	}
	return r
}

// exportKind is the kind of an export in records.
func exportKind(e js.Export) string {
	switch {
	case e.TypeOnly || e.Value == js.ValueType:
		return "type"
	case e.Value == js.ValueFunction:
		return "function"
	case e.Value == js.ValueAsyncFunction:
		return "async function"
	case e.Value == js.ValueClass:
		return "class"
	}
	return "other"
}
