package rules_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/rules"
)

// nextjsDir is a Next.js project of small fixtures, each with what Next.js's
// own compiler says about it beside it (FIXTURE.nextjs.json, written by
// scripts/nextjs-swc/run.sh).
var nextjsDir = filepath.Join("..", "testdata", "nextjs")

// nextjsVerdict is a FIXTURE.nextjs.json file: the errors Next.js's SWC
// transform stops on, over the layers the build compiles the fixture for.
type nextjsVerdict struct {
	Next   string   `json:"next"`
	Layers []string `json:"layers"`
	Errors []struct {
		Line    int      `json:"line"`
		Column  int      `json:"column"`
		Message string   `json:"message"`
		Layers  []string `json:"layers"`
	} `json:"errors"`
}

// nextjsDifference is a line where directivelint and Next.js deliberately
// disagree: we report an error with rule where Next.js compiles the file,
// or (rule "") Next.js stops where we report no error.
type nextjsDifference struct {
	file   string // relative to testdata/nextjs
	line   int
	rule   string
	reason string
}

// nextjsDifferences lists the deliberate differences, sorted by file.
var nextjsDifferences = []nextjsDifference{
	{"app/generate-viewport-client/layout.tsx", 3, "client-route-exports",
		"generateViewport is documented as Server Components only; the transform does not check it and the export is silently ignored"},
	{"app/static-params-client/[slug]/page.tsx", 3, "client-route-exports",
		`Next.js stops later in the build, when it reads the route's exports ("cannot use both \"use client\" and export function \"generateStaticParams()\""), not in the SWC transform`},
	{"app/viewport-client/page.tsx", 3, "client-route-exports",
		"viewport is documented as Server Components only; the transform does not check it and the export is silently ignored"},
	{"components/async-client-component.tsx", 3, "async-client-component",
		"React rejects an async Client Component when it renders, not when Next.js compiles it"},
	{"components/position-client.tsx", 1, "",
		"Next.js compiles every module of the server graph as a Server Component; this one is reached by no route file, so missing-use-client leaves it alone (RULES.md: unknown modules are never called server code)"},
	{"components/scope-client-in-function.tsx", 2, "directive-scope",
		`Next.js ignores "use client" in a function body without a word`},
	{"components/typo-client-transposed.tsx", 1, "directive-typo",
		`Next.js suggests only for "use server" and "use cache" misspellings: "use clinet" is silently ignored and the component stays a Server Component`},
	{"components/typo-client.tsx", 1, "directive-typo",
		`Next.js suggests only for "use server" and "use cache" misspellings: "use-client" is silently ignored and the component stays a Server Component`},
	{"lib/cache-exports-value.ts", 3, "server-file-exports",
		`RULES.md reports a literal exported from a "use cache" module (only object literals are spared); Next.js compiles it and exports the value uncached`},
	{"lib/position-in-block.ts", 3, "directive-position",
		`Next.js ignores a directive inside an if block without a word`},
	{"lib/scope-constructor.ts", 3, "directive-scope",
		`Next.js ignores "use cache" in a constructor without a word (a constructor can be neither async nor cached)`},
	{"lib/server-exports-object.ts", 3, "server-file-exports",
		`Next.js checks the object when the module loads (ensureServerEntryExports: "A \"use server\" file can only export async functions"), not when it compiles it`},
	{"lib/server-exports-satisfies.ts", 5, "server-file-exports",
		`RULES.md judges a wrapped function as the function it wraps; Next.js compiles it and fails when the module loads (ensureServerEntryExports), as for any non-async export`},
	{"lib/syntax-concatenation.ts", 1, "directive-syntax",
		"Next.js ignores a concatenation without a word"},
	{"lib/syntax-template.ts", 1, "directive-syntax",
		"Next.js ignores a template literal without a word"},
}

// nextjsMoved is a finding that Next.js and we both make, at different
// lines: Next.js at nextLine, our rule at line.
type nextjsMoved struct {
	file     string
	nextLine int
	line     int
	rule     string
	reason   string
}

var nextjsMovedFindings = []nextjsMoved{
	{"lib/scope-getter.ts", 2, 3, "directive-scope",
		"Next.js points at the getter, we at the directive"},
	{"lib/scope-instance-method.ts", 2, 3, "directive-scope",
		"Next.js points at the method, we at the directive (RULES.md: directive rules report at the directive)"},
	{"lib/server-exports-local.ts", 3, 7, "server-file-exports",
		"Next.js points at the function declaration, we at the export { helper } that makes it a Server Action (RULES.md: at the export statement)"},
}

// TestNextjsVerdicts lints testdata/nextjs with the recommended rules and
// compares each fixture with Next.js's verdict: on every line where Next.js
// stops, one of our errors must start, and every error of ours must be on
// such a line, but for the differences listed in nextjsDifferences.
// Warnings are not compared.
func TestNextjsVerdicts(t *testing.T) {
	targets, _, err := discover.Targets([]string{nextjsDir})
	if err != nil {
		t.Fatal(err)
	}
	if len(targets) == 0 {
		t.Fatalf("no fixtures under %s", nextjsDir)
	}
	for i := range targets {
		rel, err := filepath.Rel(nextjsDir, targets[i].Path)
		if err != nil {
			t.Fatal(err)
		}
		targets[i].Display = filepath.ToSlash(rel)
	}
	severity, _ := rules.Preset("recommended")
	res := lint.Run(targets, lint.Options{Rules: presetRules(t, "recommended"), Severity: severity})
	ours := map[string]map[int][]string{} // file → line → rules reporting an error there
	for _, d := range res.Diagnostics {
		if d.Severity != lint.SeverityError {
			continue
		}
		if ours[d.File] == nil {
			ours[d.File] = map[int][]string{}
		}
		ours[d.File][d.Pos.Line] = append(ours[d.File][d.Pos.Line], d.Rule)
	}

	used := make([]bool, len(nextjsDifferences))
	listed := func(file string, line int, rule string) bool {
		for i, d := range nextjsDifferences {
			if d.file == file && d.line == line && d.rule == rule {
				used[i] = true
				return true
			}
		}
		return false
	}
	usedMoves := make([]bool, len(nextjsMovedFindings))
	moved := func(file string, nextLine, line int, rule string, nextLines map[int]bool) bool {
		for i, m := range nextjsMovedFindings {
			if m.file != file || (nextLine != 0 && m.nextLine != nextLine) || (line != 0 && (m.line != line || m.rule != rule)) {
				continue
			}
			if slices.Contains(ours[file][m.line], m.rule) && nextLines[m.nextLine] {
				usedMoves[i] = true
				return true
			}
		}
		return false
	}
	var agreeing, failing int
	for _, tg := range targets {
		file := tg.Display
		v, err := readVerdict(tg.Path + ".nextjs.json")
		if err != nil {
			t.Errorf("%s: %v (run scripts/nextjs-swc/run.sh)", file, err)
			continue
		}
		if len(v.Errors) > 0 {
			failing++
		}
		nextLines := map[int]bool{}
		for _, e := range v.Errors {
			if e.Line == 0 {
				t.Errorf("%s: Next.js failed without a place: %s", file, e.Message)
				continue
			}
			nextLines[e.Line] = true
		}
		for _, e := range v.Errors {
			if e.Line != 0 && len(ours[file][e.Line]) == 0 && !moved(file, e.Line, 0, "", nextLines) && !listed(file, e.Line, "") {
				t.Errorf("%s:%d: Next.js stops (%s), we report no error", file, e.Line, e.Message)
			}
		}
		same := true
		for line, ids := range ours[file] {
			if nextLines[line] {
				continue
			}
			for _, id := range ids {
				same = false
				if !moved(file, 0, line, id, nextLines) && !listed(file, line, id) {
					t.Errorf("%s:%d: we report %s, Next.js compiles the line", file, line, id)
				}
			}
		}
		if same && len(ours[file]) == len(nextLines) {
			agreeing++
		}
	}
	for i, d := range nextjsDifferences {
		if !used[i] {
			t.Errorf("nextjsDifferences lists %s:%d %q, which no longer differs", d.file, d.line, d.rule)
		}
	}
	for i, m := range nextjsMovedFindings {
		if !usedMoves[i] {
			t.Errorf("nextjsMovedFindings lists %s:%d→%d %q, which no longer holds", m.file, m.nextLine, m.line, m.rule)
		}
	}
	t.Logf("%d fixtures (%d that Next.js stops on): %d agree line for line, %d findings at other lines, %d listed differences",
		len(targets), failing, agreeing, len(nextjsMovedFindings), len(nextjsDifferences))
}

func readVerdict(path string) (*nextjsVerdict, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var v nextjsVerdict
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if v.Next == "" || !slices.Contains(v.Layers, "rsc") {
		return nil, fmt.Errorf("%s: not a verdict of scripts/nextjs-swc", path)
	}
	return &v, nil
}
