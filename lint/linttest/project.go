package linttest

import (
	"os"
	"path/filepath"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"
)

// RunProject lints the directory dir as one project, the way the command
// line does: it discovers the files, runs the whole pipeline (every rule's
// single-file part, then the module graph and the graph rules) and compares
// each file's diagnostics with the `want` expectations written in it. Paths
// in diagnostics and messages are relative to dir, so a fixture can expect
// an import chain such as "components/button.tsx → lib/helpers.ts".
//
// It returns the run's result, graph included, for further checks.
func RunProject(t TB, dir string, rules ...*lint.Rule) *lint.Result {
	t.Helper()
	return RunProjectWith(t, dir, lint.Options{Rules: rules})
}

// RunProjectWith is RunProject with the run's options given in full
// (opts.Rules are the rules that run).
func RunProjectWith(t TB, dir string, opts lint.Options) *lint.Result {
	t.Helper()
	targets, notices, err := discover.Targets([]string{dir})
	if err != nil {
		t.Errorf("linttest: %v", err)
		return nil
	}
	for _, n := range notices {
		t.Errorf("linttest: %s", n)
	}
	if len(targets) == 0 {
		t.Errorf("linttest: no fixture files under %s", dir)
		return nil
	}
	for i := range targets {
		if rel, err := filepath.Rel(dir, targets[i].Path); err == nil {
			targets[i].Display = filepath.ToSlash(rel)
		}
	}
	opts.Graph = true
	res := lint.Run(targets, opts)
	for _, n := range res.Notices {
		t.Errorf("linttest: %s", n)
	}
	byFile := map[string][]lint.Diagnostic{}
	for _, d := range res.Diagnostics {
		byFile[d.File] = append(byFile[d.File], d)
	}
	ids := make(map[string]bool, len(opts.Rules))
	for _, r := range opts.Rules {
		ids[r.ID] = true
	}
	for _, tg := range targets {
		src, err := os.ReadFile(tg.Path)
		if err != nil {
			t.Errorf("linttest: %v", err)
			continue
		}
		file := js.Scan(tg.Display, src, tg.Lang)
		wants, errs := parseExpectations(file, ids)
		for _, err := range errs {
			t.Errorf("%s: %v", dir, err)
		}
		compare(t, filepath.Join(dir, filepath.FromSlash(tg.Display)), byFile[tg.Display], wants)
		delete(byFile, tg.Display)
	}
	for file, ds := range byFile {
		for _, d := range ds {
			t.Errorf("%s: diagnostic in a file that is not a fixture: %s:%d:%d: %s: %s", dir, file, d.Pos.Line, d.Pos.Column, d.Rule, d.Message)
		}
	}
	return res
}
