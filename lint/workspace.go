package lint

import (
	"path/filepath"
	"sync"

	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/graph"
	"github.com/directivelint/directivelint/lint/source"
)

// Workspace is a lint of a set of files kept in memory and brought up to
// date one file at a time, for an editor: it checks every target once,
// then Update checks one file again (an unsaved buffer, or the file on
// disk) and Diagnostics runs the graph rules over the module graph with
// that file's new module. Nothing else is read again, so the diagnostics
// of a large project follow an edit in milliseconds.
//
// Fixes are not applied; Options.Records are not used.
type Workspace struct {
	mu      sync.Mutex
	r       *runner
	targets []discover.Target
	order   map[string]int // the targets, by absolute path
	results []*fileResult  // by target; nil when a file gave nothing to keep
	files   *moduleFiles   // the files graph rules read, kept from update to update
	reader  source.Reader
	records recordWriter
	workers int
	graph   *graph.Graph // linked at the last build; nil when a file changed since
}

// NewWorkspace checks targets with opts, as Run does, and keeps what it
// found.
func NewWorkspace(targets []discover.Target, opts Options) *Workspace {
	opts.Fix, opts.Records = FixOff, nil
	sources := make(map[string][]byte, len(opts.Sources))
	for p, src := range opts.Sources {
		sources[p] = src
	}
	opts.Sources = sources // Update changes it
	r, context := newRunner(targets, opts)
	w := &Workspace{r: r, targets: targets, order: make(map[string]int, len(targets)), workers: r.workers(len(targets) + len(context))}
	for i, t := range targets {
		w.order[t.AbsPath(r.abs)] = i
	}
	w.results, _ = r.checkAll(targets, context, w.workers)
	w.files = &moduleFiles{maxSize: r.maxSize, workers: w.workers, sources: make(map[string][]byte, len(sources))}
	for p, src := range sources {
		w.files.sources[r.abs(p)] = src
	}
	return w
}

// Update checks the target at path again, with src as its content (nil:
// the file on disk). It returns false, and does nothing, for a path that
// is not a target.
func (w *Workspace) Update(path string, src []byte) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	abs := w.r.abs(path)
	i, ok := w.order[abs]
	if !ok {
		return false
	}
	t := w.targets[i]
	if src == nil {
		delete(w.r.opts.Sources, t.Path)
	} else {
		w.r.opts.Sources[t.Path] = src
	}
	w.files.forget(abs, src)
	fr := w.r.check(t, i, &w.reader, &w.records)
	w.graph = nil
	w.results[i] = nil
	if fr.keep() {
		w.results[i] = &fr
	}
	return true
}

// Diagnostics returns the diagnostics of every file, sorted, with the
// graph rules run over the modules as they are now and the files'
// suppression comments applied, as Run returns them.
func (w *Workspace) Diagnostics() []Diagnostic {
	w.mu.Lock()
	defer w.mu.Unlock()
	if g := w.build(); g != nil {
		w.setLinted(g, nil)
		return w.diagnostics(nil, w.graphDiagnostics(g))
	}
	return w.diagnostics(nil, nil)
}

// DiagnosticsOf returns the diagnostics of each file of files (display
// paths), each as Run returns them for that file alone as its target and
// the others as Options.Context: a graph finding elsewhere that the file
// leads to is reported at its import that leads there. An editor asks
// this for its open documents.
func (w *Workspace) DiagnosticsOf(files []string) map[string][]Diagnostic {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make(map[string][]Diagnostic, len(files))
	g := w.build()
	for _, file := range files {
		only := map[string]bool{file: true}
		var graphDiags []Diagnostic
		if g != nil {
			w.setLinted(g, only)
			graphDiags = w.graphDiagnostics(g)
		}
		out[file] = w.diagnostics(only, graphDiags)
	}
	return out
}

// build links the modules as they are now, unless no file changed since
// the last time; nil when no graph is built.
func (w *Workspace) build() *graph.Graph {
	if w.r.graph == nil {
		return nil
	}
	if w.graph == nil {
		w.graph = w.r.graph.Build(w.workers, w.r.maxSize)
	}
	return w.graph
}

// setLinted marks the modules of the files of only as linted (nil: all
// targets), for the graph rules.
func (w *Workspace) setLinted(g *graph.Graph, only map[string]bool) {
	for _, t := range w.targets {
		if m := g.Module(t.AbsPath(w.r.abs)); m != nil {
			m.Linted = only == nil || only[t.Display]
		}
	}
}

func (w *Workspace) graphDiagnostics(g *graph.Graph) []Diagnostic {
	r := w.r
	return graphDiagnostics(g, r.graph, w.targets, r.settings, r.opts, w.files, r.maxSize)
}

// diagnostics returns the files' own diagnostics and graphDiags, those of
// the files of only (nil: all), with their suppression comments applied,
// sorted.
func (w *Workspace) diagnostics(only map[string]bool, graphDiags []Diagnostic) []Diagnostic {
	supps := map[string]*suppressions{}
	diags := []Diagnostic{}
	for _, fr := range w.results {
		if fr == nil {
			continue
		}
		if fr.supp != nil && (only == nil || only[fr.supp.path]) {
			fr.supp.resetUsed()
			supps[fr.supp.path] = fr.supp
		}
		for _, d := range fr.diags {
			if only == nil || only[d.File] {
				diags = append(diags, d)
			}
		}
	}
	for _, d := range graphDiags {
		if only == nil || only[d.File] {
			diags = append(diags, d)
		}
	}
	diags = applySuppressions(diags, supps, w.r.opts.ReportUnusedDisable, w.r.opts.Quiet)
	SortDiagnostics(diags)
	return diags
}

// Display returns the path the workspace shows for the file at path.
func (w *Workspace) Display(path string) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if i, ok := w.order[w.r.abs(path)]; ok {
		return w.targets[i].Display
	}
	return filepath.ToSlash(path)
}
