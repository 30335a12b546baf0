package graph

import "testing"

func TestMayHaveEventHandler(t *testing.T) {
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
		if got := mayHaveEventHandler([]byte(src)); got != want {
			t.Errorf("mayHaveEventHandler(%q) = %v, want %v", src, got, want)
		}
	}
}
