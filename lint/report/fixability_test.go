package report

import (
	"encoding/json"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// fixable is sample with a safe fix on its first diagnostic and an unsafe
// one on its second; the third has none.
func fixable() []lint.Diagnostic {
	diags := append([]lint.Diagnostic{}, sample...)
	diags[0].Fix = &lint.Fix{Message: "move it", Safe: true, Edits: []lint.TextEdit{{Span: js.Span{Start: 0, End: 1}, NewText: "x"}}}
	diags[1].Fix = &lint.Fix{Message: "rename it", Edits: []lint.TextEdit{{Span: js.Span{Start: 2, End: 3}}}}
	return diags
}

func TestFixKindInJSONAndSARIF(t *testing.T) {
	want := []string{"safe", "unsafe", "none"}
	var doc struct {
		Diagnostics []struct{ Rule, Fix, URL string }
	}
	if err := json.Unmarshal([]byte(render(t, "json", Options{}, fixable(), Summary{})), &doc); err != nil {
		t.Fatal(err)
	}
	for i, d := range doc.Diagnostics {
		if d.Fix != want[i] || d.URL != lint.DocsURL+d.Rule+".md" {
			t.Errorf("json diagnostic %d: fix %q url %q", i, d.Fix, d.URL)
		}
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Properties struct{ Fix string }
				Fixes      []any
			}
		}
	}
	if err := json.Unmarshal([]byte(render(t, "sarif", Options{}, fixable(), Summary{})), &log); err != nil {
		t.Fatal(err)
	}
	for i, r := range log.Runs[0].Results {
		if r.Properties.Fix != want[i] || (len(r.Fixes) > 0) != (want[i] != "none") {
			t.Errorf("sarif result %d: properties.fix %q, %d fixes", i, r.Properties.Fix, len(r.Fixes))
		}
	}
}
