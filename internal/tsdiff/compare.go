package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Disagreement is one place where the scanner and TypeScript differ.
type Disagreement struct {
	// File is the file it is about (the original, for a mutated copy).
	File string
	// Class groups disagreements of one kind; it names no offset.
	Class string
	// Detail says what each side has there.
	Detail string
	// Where is the copy and offset to show (the mutated copy for mutations).
	Where string
	At    int
}

// Tally counts what was compared and what agreed.
type Tally struct {
	Files, Functions, FunctionsAgree, Exports, ExportsAgree, Strings, StringsAgree int
	// Inserted and InsertedAgree count the mutation passes' strings, by variant.
	Inserted, InsertedAgree map[string]int
}

// compareCommand compares the TypeScript and scanner records and prints
// the disagreements by class. It reports false when there is one that the
// known-differences file does not list.
func compareCommand(w io.Writer, args []string) (bool, error) {
	flags := flag.NewFlagSet("compare", flag.ContinueOnError)
	knownFile := flags.String("known", "", "the known-differences file: lines of `path | class | reason`")
	examples := flags.Int("examples", 3, "examples shown for each class")
	if err := flags.Parse(args); err != nil {
		return false, err
	}
	if flags.NArg() != 2 {
		return false, fmt.Errorf("compare: want TS.jsonl GO.jsonl")
	}
	tsRecs, err := readRecords(flags.Arg(0))
	if err != nil {
		return false, err
	}
	goRecs, err := readRecords(flags.Arg(1))
	if err != nil {
		return false, err
	}
	var known []knownDifference
	if *knownFile != "" {
		if known, err = readKnown(*knownFile); err != nil {
			return false, err
		}
	}
	byFile := make(map[string]*Record, len(goRecs))
	for i := range goRecs {
		byFile[goRecs[i].File] = &goRecs[i]
	}
	tally := Tally{Inserted: map[string]int{}, InsertedAgree: map[string]int{}}
	var all []Disagreement
	// A mutated copy of a file TypeScript cannot parse is not compared:
	// the file's own record reports it.
	broken := map[string]bool{}
	for _, r := range tsRecs {
		if r.Variant == "" && r.Errors > 0 {
			broken[r.File] = true
		}
	}
	compared := map[string]bool{}
	for i := range tsRecs {
		if tsRecs[i].Variant != "" && broken[tsRecs[i].Orig] {
			continue
		}
		all = append(all, compareFile(&tsRecs[i], byFile[tsRecs[i].File], &tally)...)
		compared[tsRecs[i].File] = true
	}
	// Known differences of files not compared here are not in question.
	known = slices.DeleteFunc(known, func(k knownDifference) bool { return !compared[k.File] })
	return report(w, all, known, tally, *examples), nil
}

func readRecords(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Record
	dec := json.NewDecoder(bufio.NewReader(f))
	for {
		var r Record
		if err := dec.Decode(&r); err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, r)
	}
}

// compareFile lists the disagreements of one file (or mutated copy).
func compareFile(ts, sc *Record, tally *Tally) []Disagreement {
	file := ts.File
	prefix := ""
	if ts.Variant != "" {
		file = ts.Orig
		prefix = "mutation " + ts.Variant + ": "
	}
	var out []Disagreement
	add := func(class, detail string, at int) {
		out = append(out, Disagreement{File: file, Class: prefix + class, Detail: detail, Where: ts.File, At: at})
	}
	if sc == nil {
		add("file: no scanner record", "", 0)
		return out
	}
	for _, p := range sc.Problems {
		at, msg := splitProblem(p)
		add("scanner problem: "+msg, p, at)
	}
	if ts.Errors > 0 {
		at, _ := splitProblem(ts.FirstError)
		add("typescript: parse errors (file not compared)", fmt.Sprintf("%d errors, the first %s", ts.Errors, ts.FirstError), at)
		return out
	}
	if ts.Variant != "" {
		compareInserted(ts, sc, tally, add)
		return out
	}
	tally.Files++
	compareFunctions(ts.Functions, sc.Functions, tally, add)
	compareExports(ts.Exports, sc.Exports, tally, add)
	compareStrings(ts.Strings, sc.Strings, tally, add)
	return out
}

var problemAt = regexp.MustCompile(`^@(\d+): (.*)$`)

// splitProblem splits "@OFFSET: message" into its parts.
func splitProblem(p string) (int, string) {
	m := problemAt.FindStringSubmatch(p)
	if m == nil {
		return 0, p
	}
	at, _ := strconv.Atoi(m[1]) // digits only: the pattern says so
	return at, m[2]
}

type addFunc func(class, detail string, at int)

func compareFunctions(tsFns, scFns []FunctionRecord, tally *Tally, add addFunc) {
	scAt := make(map[int]int, len(scFns))
	for i, f := range scFns {
		scAt[f.Start] = i
	}
	used := make([]bool, len(scFns))
	var tsOnly []FunctionRecord
	for _, t := range tsFns {
		tally.Functions++
		i, ok := scAt[t.Start]
		if !ok || used[i] {
			tsOnly = append(tsOnly, t)
			continue
		}
		used[i] = true
		if compareFunction(t, scFns[i], add) {
			tally.FunctionsAgree++
		}
	}
	var scOnly []FunctionRecord
	for i, f := range scFns {
		if !used[i] {
			scOnly = append(scOnly, f)
		}
	}
	// A function both sides have, at different starts.
	for _, t := range tsOnly {
		j := slices.IndexFunc(scOnly, func(f FunctionRecord) bool { return f.Kind == t.Kind && f.Name == t.Name })
		if j < 0 {
			add(fmt.Sprintf("function missing from the scanner: %s (in %s)", t.Kind, t.Ctx), fmt.Sprintf("%s %q", t.Kind, t.Name), t.Start)
			continue
		}
		add("function start differs: "+t.Kind, fmt.Sprintf("TS @%d, scanner @%d", t.Start, scOnly[j].Start), t.Start)
		scOnly = slices.Delete(scOnly, j, j+1)
	}
	for _, f := range scOnly {
		add("function the scanner has and TS does not: "+f.Kind, fmt.Sprintf("%s %q", f.Kind, f.Name), f.Start)
	}
}

// compareFunction compares one function both sides have; it reports
// whether they agree.
func compareFunction(t, s FunctionRecord, add addFunc) bool {
	n := 0
	diff := func(class, detail string) {
		add(class, detail, t.Start)
		n++
	}
	if t.Kind != s.Kind {
		diff(fmt.Sprintf("function kind: TS %s, scanner %s", t.Kind, s.Kind), "")
	}
	switch {
	case t.Name == s.Name:
	case s.Name == "":
		diff(fmt.Sprintf("function name: the scanner has none (%s in %s)", t.Kind, t.Ctx), fmt.Sprintf("TS %q", t.Name))
	case t.Name == "":
		diff(fmt.Sprintf("function name: TS has none (%s in %s)", t.Kind, t.Ctx), fmt.Sprintf("scanner %q", s.Name))
	default:
		diff(fmt.Sprintf("function name differs (%s in %s)", t.Kind, t.Ctx), fmt.Sprintf("TS %q, scanner %q", t.Name, s.Name))
	}
	flag := func(what string, a, b bool) {
		if a != b {
			diff(fmt.Sprintf("function %s: TS %v, scanner %v (%s)", what, a, b, t.Kind), "")
		}
	}
	flag("async", t.Async, s.Async)
	flag("generator", t.Generator, s.Generator)
	flag("static", t.Static, s.Static)
	flag("has a body", t.Body, s.Body)
	if t.Body && s.Body && !slices.Equal(t.Prologue, s.Prologue) {
		diff("function prologue differs", fmt.Sprintf("TS %q, scanner %q", t.Prologue, s.Prologue))
	}
	return n == 0
}

func compareExports(tsEx, scEx []ExportRecord, tally *Tally, add addFunc) {
	left := slices.Clone(scEx)
	var tsOnly []ExportRecord
	for _, e := range tsEx {
		tally.Exports++
		if i := slices.IndexFunc(left, func(s ExportRecord) bool { return s.Name == e.Name && s.Kind == e.Kind }); i >= 0 {
			left = slices.Delete(left, i, i+1)
			tally.ExportsAgree++
			continue
		}
		tsOnly = append(tsOnly, e)
	}
	for _, e := range tsOnly {
		i := slices.IndexFunc(left, func(s ExportRecord) bool { return s.Name == e.Name })
		if i < 0 {
			add("export missing from the scanner: "+e.Kind, e.Name, e.At)
			continue
		}
		add(fmt.Sprintf("export kind: TS %s, scanner %s", e.Kind, left[i].Kind), e.Name, e.At)
		left = slices.Delete(left, i, i+1)
	}
	for _, s := range left {
		add("export the scanner has and TS does not: "+s.Kind, s.Name, s.At)
	}
}

var fnOffset = regexp.MustCompile(`function@\d+`)

// generalPlace drops the offset from a place, for a class name.
func generalPlace(p string) string { return fnOffset.ReplaceAllString(p, "a function") }

func compareStrings(tsStr, scStr []StringRecord, tally *Tally, add addFunc) {
	sc := make(map[int]StringRecord, len(scStr))
	for _, s := range scStr {
		sc[s.At] = s
	}
	for _, t := range tsStr {
		tally.Strings++
		s, ok := sc[t.At]
		delete(sc, t.At)
		if !ok {
			add("string statement missing from the scanner ("+generalPlace(t.Place)+")", fmt.Sprintf("%q", t.Value), t.At)
			continue
		}
		if comparePlace(t, s, add) {
			tally.StringsAgree++
		}
	}
	for _, s := range scStr {
		if _, ok := sc[s.At]; ok {
			add("string statement the scanner has and TS does not ("+generalPlace(s.Place)+")", fmt.Sprintf("%q", s.Value), s.At)
		}
	}
}

// comparePlace compares the value and place of a string both sides have;
// it reports whether they agree.
func comparePlace(t, s StringRecord, add addFunc) bool {
	ok := true
	if t.Value != s.Value {
		add("string value differs", fmt.Sprintf("TS %q, scanner %q", t.Value, s.Value), t.At)
		ok = false
	}
	if t.Place != s.Place {
		class := fmt.Sprintf("directive place: TS %s, scanner %s", generalPlace(t.Place), generalPlace(s.Place))
		if generalPlace(t.Place) == generalPlace(s.Place) {
			class = "directive place: the scanner puts it in another function (" + generalPlace(t.Place) + ")"
		}
		add(class, fmt.Sprintf("%q: TS %s, scanner %s", t.Value, t.Place, s.Place), t.At)
		ok = false
	}
	return ok
}

// compareInserted checks the strings a mutation inserted.
func compareInserted(ts, sc *Record, tally *Tally, add addFunc) {
	tsAt := make(map[int]StringRecord, len(ts.Strings))
	for _, s := range ts.Strings {
		tsAt[s.At] = s
	}
	scAt := make(map[int]StringRecord, len(sc.Strings))
	for _, s := range sc.Strings {
		scAt[s.At] = s
	}
	for _, at := range ts.Inserted {
		tally.Inserted[ts.Variant]++
		t, ok := tsAt[at]
		if !ok {
			add("typescript does not see the inserted string", "", at)
			continue
		}
		s, ok := scAt[at]
		if !ok {
			add("inserted directive missing from the scanner ("+generalPlace(t.Place)+")", fmt.Sprintf("%q", t.Value), at)
			continue
		}
		if comparePlace(t, s, add) {
			tally.InsertedAgree[ts.Variant]++
		}
	}
}

// knownDifference is one line of the known-differences file.
type knownDifference struct {
	File, Class, Reason string
	used                int
}

// readKnown reads `path | class | reason` lines; # starts a comment line.
func readKnown(path string) ([]knownDifference, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []knownDifference
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, " | ", 3)
		if len(parts) != 3 || strings.TrimSpace(parts[2]) == "" {
			return nil, fmt.Errorf("%s:%d: want `path | class | reason`", path, n+1)
		}
		out = append(out, knownDifference{File: strings.TrimSpace(parts[0]), Class: strings.TrimSpace(parts[1]), Reason: strings.TrimSpace(parts[2])})
	}
	return out, nil
}

// report prints the tallies and the disagreements by class, the known ones
// apart. It reports whether every disagreement is a known one.
func report(w io.Writer, all []Disagreement, known []knownDifference, t Tally, examples int) bool {
	var unknown, expected []Disagreement
	for _, d := range all {
		i := slices.IndexFunc(known, func(k knownDifference) bool { return k.File == d.File && k.Class == d.Class })
		if i < 0 {
			unknown = append(unknown, d)
			continue
		}
		known[i].used++
		expected = append(expected, d)
	}
	fmt.Fprintf(w, "files compared: %d\n", t.Files)
	fmt.Fprintf(w, "functions: %d of %d agree (%s)\n", t.FunctionsAgree, t.Functions, percent(t.FunctionsAgree, t.Functions))
	fmt.Fprintf(w, "exports:   %d of %d agree (%s)\n", t.ExportsAgree, t.Exports, percent(t.ExportsAgree, t.Exports))
	fmt.Fprintf(w, "string statements (directives and misplaced ones): %d of %d agree (%s)\n", t.StringsAgree, t.Strings, percent(t.StringsAgree, t.Strings))
	for _, v := range []string{"prologue", "misplaced", "block"} {
		if t.Inserted[v] > 0 {
			fmt.Fprintf(w, "mutation %-9s %d of %d inserted directives placed as TypeScript does (%s)\n", v+":", t.InsertedAgree[v], t.Inserted[v], percent(t.InsertedAgree[v], t.Inserted[v]))
		}
	}
	if len(expected) > 0 {
		fmt.Fprintf(w, "\nknown differences (%d, listed with their reasons in the known-differences file):\n", len(expected))
		printClasses(w, expected, 1)
	}
	for _, k := range known {
		if k.used == 0 {
			fmt.Fprintf(w, "\nnote: a known difference no longer happens, remove it: %s | %s\n", k.File, k.Class)
		}
	}
	if len(unknown) == 0 {
		fmt.Fprintln(w, "\nno other disagreement")
		return true
	}
	fmt.Fprintf(w, "\ndisagreements (%d):\n", len(unknown))
	printClasses(w, unknown, examples)
	return false
}

func percent(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f%%", 100*float64(a)/float64(b))
}

// printClasses prints disagreements grouped by class, the largest first,
// with a few examples each.
func printClasses(w io.Writer, ds []Disagreement, examples int) {
	groups := map[string][]Disagreement{}
	var classes []string
	for _, d := range ds {
		if _, ok := groups[d.Class]; !ok {
			classes = append(classes, d.Class)
		}
		groups[d.Class] = append(groups[d.Class], d)
	}
	slices.SortFunc(classes, func(a, b string) int {
		if n := len(groups[b]) - len(groups[a]); n != 0 {
			return n
		}
		return strings.Compare(a, b)
	})
	sources := map[string][]byte{}
	for _, c := range classes {
		g := groups[c]
		fmt.Fprintf(w, "%6d  %s\n", len(g), c)
		for _, d := range g[:min(examples, len(g))] {
			line, col, text := locate(sources, d.Where, d.At)
			file := d.File
			if d.Where != d.File {
				file += " (its mutated copy)"
			}
			fmt.Fprintf(w, "          %s:%d:%d: %s\n", file, line, col, d.Detail)
			if text != "" {
				fmt.Fprintf(w, "            | %s\n", text)
			}
		}
	}
}

// locate returns the line and column (1-based, bytes) of an offset in a
// file and that line's text, shortened.
func locate(sources map[string][]byte, path string, at int) (int, int, string) {
	src, ok := sources[path]
	if !ok {
		src, _ = os.ReadFile(path)
		sources[path] = src
	}
	if at < 0 || at > len(src) {
		return 0, 0, ""
	}
	start := bytes.LastIndexByte(src[:at], '\n') + 1
	end := bytes.IndexByte(src[at:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += at
	}
	line := bytes.Count(src[:at], []byte{'\n'}) + 1
	text := strings.TrimSpace(string(src[start:end]))
	if len(text) > 120 {
		text = text[:117] + "..."
	}
	return line, at - start + 1, text
}
