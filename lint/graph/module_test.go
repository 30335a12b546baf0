package graph

import (
	"testing"

	"github.com/directivelint/directivelint/lint/js"
)

func TestJSXHintsEventHandlers(t *testing.T) {
	for src, want := range map[string]bool{
		`<button onClick={go}>`:         true,
		"<input\n  onChange={f}/>":      true,
		`<Button onPress={f} />`:        true,
		`const onClick = () => {};`:     false, // no = right after the name… but a declaration
		`function onClick() {}`:         false,
		`<p>Press on Enter</p>`:         false,
		`<a aria-label="x" on="y" />`:   false,
		`const json = JSON.parse(s);`:   false,
		`x.onClick=f`:                   false,
		"<div\tonMouseEnter={f}></div>": true,
	} {
		if got, _ := jsxHints(js.Scan("t.tsx", []byte(src), js.LangTSX)); got != want {
			t.Errorf("event handlers in %q: %v, want %v", src, got, want)
		}
	}
}

func TestJSXHintsCode(t *testing.T) {
	for src, want := range map[string]bool{
		`<W onSave={() => save()} />`:                             true,
		`<W onSave={async () => {}} />`:                           true,
		`<W a={function f() {}} />`:                               true,
		`<W a={x => x} />`:                                        true,
		`<W a={new Cart()} />`:                                    true,
		`<W a={Symbol("x")} />`:                                   true,
		"function save() {}\n<W a={save} />":                      true,
		"const save = () => {};\n<W a={ save } />":                true,
		`<W a={title} b="x" c={props.x} d={n + 1} />`:             false,
		`const ok = a == {}; const b = c <= {};`:                  false,
		"import { fmt } from './fmt';\n<W a={fmt} />":             true,
		"import { fmt } from './fmt';\n<W a={fmt(1)} b={data} />": false,
	} {
		f := js.Scan("t.tsx", []byte(src), js.LangTSX)
		if _, got := jsxHints(f); got != want {
			t.Errorf("code in %q: %v, want %v", src, got, want)
		}
	}
}

// FuzzBoundNames checks that the set of names a file binds, which answers
// once a file asked about many names, gives the answers of the search it
// replaces (importsName, declaresName) for every word of the file.
func FuzzBoundNames(f *testing.F) {
	f.Add("import { fmt } from './fmt';\nfunction save() {}\nconst a = 1; b==c; d => e; function* g(){} x=y; functionz q = 1")
	f.Fuzz(func(t *testing.T, src string) {
		file := js.Scan("t.tsx", []byte(src), js.LangTSX)
		set := collectBoundNames(file)
		for _, word := range nameRuns(file.Source) {
			if want := importsName(file, word) || declaresName(file.Source, word); set[word] != want {
				t.Errorf("%q binds %q: set %v, search %v", src, word, set[word], want)
			}
		}
	})
}

// nameRuns returns the runs of name bytes of src.
func nameRuns(src []byte) []string {
	var words []string
	for i := 0; i < len(src); {
		j := i
		for j < len(src) && isNameByte(src[j]) {
			j++
		}
		if j > i {
			words = append(words, string(src[i:j]))
			i = j
		} else {
			i++
		}
	}
	return words
}
