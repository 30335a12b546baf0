package js

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// Dump renders the model compactly, for tests and debugging.
func dump(f *File) string {
	var b strings.Builder
	for _, d := range f.Prologue {
		fmt.Fprintf(&b, "prologue %q @%d\n", d.Value, d.Span.Start)
	}
	for _, d := range f.Misplaced {
		fmt.Fprintf(&b, "misplaced %q form=%d block=%d fn=%d inPrologue=%v @%d\n", d.Value, d.Form, d.Block, d.Func, d.InPrologue, d.Span.Start)
	}
	for i, fn := range f.Functions {
		fmt.Fprintf(&b, "fn#%d %s name=%q async=%v gen=%v static=%v body=%v parent=%d start=%d", i, fn.Kind, fn.Name, fn.Async, fn.Generator, fn.Static, fn.HasBody, fn.Parent, fn.Start)
		for _, d := range fn.Prologue {
			fmt.Fprintf(&b, " [%q]", d.Value)
		}
		b.WriteString("\n")
	}
	for _, im := range f.Imports {
		fmt.Fprintf(&b, "import %q names=%v type=%v reexport=%v dynamic=%v\n", im.Source, im.Names, im.TypeOnly, im.Reexport, im.Dynamic)
	}
	for _, e := range f.Exports {
		fmt.Fprintf(&b, "export %q local=%q value=%d fn=%d type=%v from=%q\n", e.Name, e.Local, e.Value, e.Func, e.TypeOnly, e.From)
	}
	for _, u := range f.ThisUses {
		fmt.Fprintf(&b, "use %s fn=%d class=%v\n", u.Kind, u.Func, u.ClassBetween)
	}
	for _, p := range f.Problems {
		fmt.Fprintf(&b, "problem @%d %s\n", p.Offset, p.Message)
	}
	return b.String()
}

func TestDumpFile(t *testing.T) {
	path := os.Getenv("DUMP")
	if path == "" {
		t.Skip("set DUMP=file to print its model")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lang, _ := LangOf(path)
	fmt.Print(dump(Scan(path, src, lang)))
}
