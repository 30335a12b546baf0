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
