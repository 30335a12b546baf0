package js

import (
	"fmt"
	"strings"
	"testing"
)

// jsxDump writes the JSX elements of src as ScanJSX records them:
// tag{name=value name=value ...}, values as their source text.
func jsxDump(src string, lang Lang) string {
	f := ScanJSX("t", []byte(src), lang)
	var b strings.Builder
	for _, el := range f.JSX {
		fmt.Fprintf(&b, "%s{", el.Tag)
		for i, a := range el.Attrs {
			if i > 0 {
				b.WriteString(" ")
			}
			fmt.Fprintf(&b, "%s=%s|%s", a.Name, src[a.Value.Start:a.Value.End], src[a.Span.Start:a.Span.End])
		}
		b.WriteString("} ")
	}
	for _, p := range f.Problems {
		fmt.Fprintf(&b, "problem: %s ", p.Message)
	}
	return strings.TrimSpace(b.String())
}

func TestScanJSX(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"attributes", `const a = <Widget onSave={() => save()} label="x" n={1} />;`,
			`Widget{onSave=() => save()|onSave={() => save()} label=|label="x" n=1|n={1}}`},
		{"spread and no value", `const a = <input disabled {...rest} value={v}/>;`,
			`input{disabled=|disabled =...rest|{...rest} value=v|value={v}}`},
		{"children and nesting", "const a = (\n  <ui.Card title={<b>t</b>}>\n    text {x} <Item key={k} onClick={handle} />\n  </ui.Card>\n);",
			`ui.Card{title=<b>t</b>|title={<b>t</b>}} b{} Item{key=k|key={k} onClick=handle|onClick={handle}}`},
		{"fragment and nested braces", `const a = <><Button onClick={() => { go({ a: 1 }); }} /></>;`,
			`Button{onClick=() => { go({ a: 1 }); }|onClick={() => { go({ a: 1 }); }}}`},
		{"a function value", "function P() { return <Form action={async function save() { 'use server'; }} />; }",
			`Form{action=async function save() { 'use server'; }|action={async function save() { 'use server'; }}}`},
		{"no JSX in TypeScript", `const a = <T,>(x: T) => x;`, ``},
	} {
		lang := LangTSX
		if got := jsxDump(tc.src, lang); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
	// Scan records none.
	if f := Scan("t", []byte(`const a = <b onClick={f} />;`), LangTSX); f.JSX != nil {
		t.Errorf("Scan recorded JSX: %+v", f.JSX)
	}
}

func TestPropValue(t *testing.T) {
	src := `'use server';
function Page() {
  return <W a={() => 1} b={async function s() { "use server"; }} c={save} d={new Cart(1)} e={Symbol("x")}
    f={Symbol.for("x")} g={props.fn} {...rest} h={x} i="s" j={new a.B()} k={(x) => { return x; }} l={save()} m={async (y) => y} />;
}`
	f := ScanJSX("t.tsx", []byte(src), LangTSX)
	want := map[string]string{
		"a": "function", "b": "function s", "c": "identifier save", "d": "new Cart", "e": "symbol",
		"f": "other", "g": "other", "": "spread", "h": "identifier x", "i": "other", "j": "other", "k": "function", "l": "other", "m": "function",
	}
	if len(f.JSX) != 1 {
		t.Fatalf("JSX = %+v", f.JSX)
	}
	for _, a := range f.JSX[0].Attrs {
		kind, name, fn := f.PropValue(a)
		got := [...]string{"other", "spread", "function", "identifier", "new", "symbol"}[kind]
		if name != "" {
			got += " " + name
		}
		if kind == PropFunction && f.Functions[fn].Name != "" {
			got += " " + f.Functions[fn].Name
		}
		if got != want[a.Name] {
			t.Errorf("%s: %s, want %s", a.Name, got, want[a.Name])
		}
	}
}

// TestPropValueFunctionOrder checks that PropValue finds the function an
// attribute holds when the file lists it after functions that start later
// (an arrow after the arrows in its parameters).
func TestPropValueFunctionOrder(t *testing.T) {
	src := `function Page() {
  return <W a={(x = () => 1, y = async () => 2) => 3} b={async (z = () => 4) => { "use server"; }} c={() => 5} />;
}`
	f := ScanJSX("t.tsx", []byte(src), LangTSX)
	if len(f.JSX) != 1 || len(f.JSX[0].Attrs) != 3 {
		t.Fatalf("JSX = %+v", f.JSX)
	}
	for _, a := range f.JSX[0].Attrs {
		kind, _, fn := f.PropValue(a)
		if kind != PropFunction {
			t.Errorf("%s: kind %d, want PropFunction", a.Name, kind)
			continue
		}
		got := f.Functions[fn]
		if got.Start != a.Value.Start || functionEnd(&got) != a.Value.End {
			t.Errorf("%s: function %d spans %d..%d, want the value %d..%d", a.Name, fn, got.Start, functionEnd(&got), a.Value.Start, a.Value.End)
		}
	}
}

// FuzzJSXElementNames checks that the set of a source's JSX element names,
// which answers once a file asked about many names, gives the answers of
// the search it replaces (jsxUseIn) for every identifier of the source.
func FuzzJSXElementNames(f *testing.F) {
	f.Add("<Button a={1} /> f<T>() <Card.Body> <$x> x<Y <Zz")
	f.Fuzz(func(t *testing.T, src string) {
		set := jsxElementNames([]byte(src))
		for i := 0; i < len(src); {
			j := i
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			if j == i {
				i++
				continue
			}
			if name := src[i:j]; set[name] != jsxUseIn([]byte(src), name) {
				t.Errorf("%q uses <%s: set %v, search %v", src, name, set[name], !set[name])
			}
			i = j
		}
	})
}
