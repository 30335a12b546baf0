package rules

import (
	"testing"

	"github.com/directivelint/directivelint/lint/js"
)

// TestDeclaresClass checks declaresClass, which reads the words after
// class once, against searchClassDeclaration, which searches the source
// for each name, and against answers written out.
func TestDeclaresClass(t *testing.T) {
	sources := []string{
		"class Foo {}",
		"export class  Foo2{}\nclass\tCls\r\n{}",
		"myclass Foo\nx.class Bar\n",
		"class Foo\\u0041 {}\nclass B\\u{42} {}\nclass A\\u0041\\u0042 {}",
		"class class Foo {}",
		"const s = 'class Cls';\nclass",
		"class Foo1 extends Foo {}\nclassFoo\nclass\n\nFooBar",
		"class $ {} class _x {} class é {}",
	}
	names := []string{"Foo", "Foo2", "Cls", "Bar", "Foo1", "FooBar", "Fo", "Foo\\u0041", "Foo\\u004", "B\\u{42}", "B",
		"A\\u0041", "A", "A\\u0041\\u0042", "class", "$", "_x", "é", "x"}
	want := map[[2]string]bool{
		{sources[0], "Foo"}: true, {sources[0], "Fo"}: false,
		{sources[1], "Foo2"}: true, {sources[1], "Foo"}: false, {sources[1], "Cls"}: true,
		{sources[2], "Foo"}: false, {sources[2], "Bar"}: true,
		{sources[3], "Foo"}: true, {sources[3], "Foo\\u0041"}: true, {sources[3], "Foo\\u004"}: false,
		{sources[3], "B"}: true, {sources[3], "A\\u0041"}: true, {sources[3], "A\\u0041\\u0042"}: true,
		{sources[4], "class"}: true, {sources[4], "Foo"}: true,
		{sources[5], "Cls"}:  true,
		{sources[6], "Foo1"}: true, {sources[6], "Foo"}: false, {sources[6], "FooBar"}: true,
		{sources[7], "$"}: true, {sources[7], "é"}: true, {sources[7], "x"}: false,
	}
	for _, src := range sources {
		sm := &serverModule{f: &js.File{Source: []byte(src)}}
		for _, name := range names {
			got, searched := sm.declaresClass(name), searchClassDeclaration([]byte(src), name)
			if got != searched {
				t.Errorf("%q declares %q: %v, the search says %v", src, name, got, searched)
			}
			if w, ok := want[[2]string{src, name}]; ok && got != w {
				t.Errorf("%q declares %q: %v, want %v", src, name, got, w)
			}
		}
	}
}
