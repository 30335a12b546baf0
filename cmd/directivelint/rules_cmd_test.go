package main

import (
	"encoding/json"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/rules"
)

func TestRulesJSON(t *testing.T) {
	code, out, errOut := cli(t, rules.All(), "rules", "--format", "json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); code != 0 || errOut != "" || err != nil {
		t.Fatalf("status %d, stderr %q, %v:\n%s", code, errOut, err, out)
	}
	all := rules.All()
	if len(list) != len(all) {
		t.Fatalf("%d rules listed, %d exist", len(list), len(all))
	}
	for i, r := range all {
		got := list[i]
		if got["id"] != r.ID || got["default"] != r.Default.String() || got["fix"] != r.Fix.String() ||
			got["summary"] != r.Doc.Summary || got["url"] != lint.DocsURL+r.ID+".md" || got["strict"] == "" ||
			len(got) != 6+min(len(r.Aliases), 1) {
			t.Errorf("rule %d = %v", i, got)
		}
		if aliases, _ := got["aliases"].([]any); len(aliases) != len(r.Aliases) {
			t.Errorf("rule %s: aliases %v, want %v", r.ID, got["aliases"], r.Aliases)
		}
	}
	if code, _, errOut = cli(t, rules.All(), "rules", "--format", "yaml"); code != 2 || errOut == "" {
		t.Errorf("--format yaml: status %d, %q", code, errOut)
	}
}
