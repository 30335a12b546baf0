package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

var graphFixture = filepath.Join("..", "..", "testdata", "graph", "next-app")

func TestGraphText(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"graph", "--verbose", graphFixture}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	got := out.String()
	for _, want := range []string{
		"client modules (10):",
		"next-app/lib/cycle-b.ts  (client via ",
		"lib/cycle-a.ts → ",
		"shared modules (1):",
		"next-app/app/page.tsx  (route file)",
		"components/button.tsx → ../../testdata/graph/next-app/app/actions.ts  server-reference",
		"modules: 20 (client 10, shared 1, server 5, unknown 4); boundary edges: 3; unresolved imports: 1\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("graph output lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(errb.String(), `app/page.tsx:6:1: unresolved import "./does-not-exist"`) {
		t.Errorf("--verbose does not list the unresolved import; stderr:\n%s", errb.String())
	}
}

func TestGraphJSON(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"graph", "--format", "json", graphFixture}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	var g struct {
		Modules []struct {
			Path        string   `json:"path"`
			Kind        string   `json:"kind"`
			ClientChain []string `json:"clientChain"`
		} `json:"modules"`
		Boundaries []struct{ Kind string } `json:"boundaries"`
		Summary    map[string]int          `json:"summary"`
	}
	if err := json.Unmarshal(out.Bytes(), &g); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if g.Summary["client"] != 10 || g.Summary["server"] != 5 || g.Summary["shared"] != 1 || g.Summary["unresolved"] != 1 {
		t.Errorf("summary = %v", g.Summary)
	}
	if len(g.Boundaries) != 3 {
		t.Errorf("boundaries = %v, want 3", g.Boundaries)
	}
	for _, m := range g.Modules {
		if strings.HasSuffix(m.Path, "lib/ui/format.ts") {
			if m.Kind != "client" || len(m.ClientChain) != 3 {
				t.Errorf("lib/ui/format.ts = %+v, want client through a chain of 3", m)
			}
			return
		}
	}
	t.Error("lib/ui/format.ts missing from the graph")
}

func TestGraphDot(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"graph", "--format", "dot", graphFixture}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	got := out.String()
	if !strings.HasPrefix(got, "digraph modules {") || !strings.Contains(got, `\n\"use client\"", fillcolor="#f4b183"];`) ||
		!strings.Contains(got, `[style=dashed, label="client-boundary"];`) {
		t.Errorf("dot output:\n%s", got)
	}
}

func TestGraphBadFormat(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"graph", "--format", "xml", graphFixture}, &out, &errb); code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	if !strings.Contains(errb.String(), `invalid --format "xml": want text, dot or json`) {
		t.Errorf("stderr = %s", errb.String())
	}
}

// TestLintGraphRelated runs the linter on the graph fixture: graph reports
// carry their import chain as related positions in JSON.
func TestLintGraphRelated(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"--format", "json", graphFixture}, &out, &errb); code != exitProblems {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	var rep struct {
		Diagnostics []struct {
			File    string
			Rule    string
			Related []struct {
				File    string
				Line    int
				Message string
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	for _, d := range rep.Diagnostics {
		if strings.HasSuffix(d.File, "lib/ui/format.ts") {
			if len(d.Related) != 2 || !strings.HasSuffix(d.Related[0].File, "components/button.tsx") ||
				d.Related[0].Line != 5 || !strings.HasSuffix(d.Related[1].Message, "lib/ui/format.ts") {
				t.Errorf("related = %+v", d.Related)
			}
			return
		}
	}
	t.Errorf("no diagnostic for lib/ui/format.ts:\n%s", out.String())
}
