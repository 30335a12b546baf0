package lint

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/graph"
	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/source"
)

// finishGraph builds the graph from the modules b kept and runs the graph
// rules. fixed are the files the run fixed: rules that read a module's file
// again read its fixed content. It returns the graph, the reports and the
// files the rules read again, by absolute path.
func finishGraph(b *graph.Builder, targets []discover.Target, settings []ruleSetting, opts Options, fixed []FixedFile, workers int, maxSize int64) (*graph.Graph, []Diagnostic, []string) {
	g := b.Build(workers, maxSize)
	files := &moduleFiles{maxSize: maxSize, workers: workers, sources: make(map[string][]byte, len(opts.Sources))}
	for path, src := range opts.Sources {
		files.sources[b.Abs(path)] = src
	}
	for _, ff := range fixed { // the graph was built from the fixed content
		files.sources[b.Abs(ff.Target.Path)] = ff.After
	}
	diags := graphDiagnostics(g, b, targets, settings, opts, files, maxSize)
	return g, diags, files.read
}

// graphDiagnostics runs the graph rules over g, built by b, whose rules
// read the files of modules through files.
func graphDiagnostics(g *graph.Graph, b *graph.Builder, targets []discover.Target, settings []ruleSetting, opts Options, files *moduleFiles, maxSize int64) []Diagnostic {
	var byDisplay map[string]discover.Target // built at the first report that needs it
	target := func(path string) (discover.Target, bool) {
		if byDisplay == nil {
			byDisplay = make(map[string]discover.Target)
			for _, t := range targets {
				if m := g.Module(t.AbsPath(b.Abs)); m != nil && m.Linted {
					byDisplay[t.Display] = t
				}
			}
		}
		t, ok := byDisplay[path]
		return t, ok
	}
	diags := runGraphRules(g, settings, opts, target, files)
	for i := range diags {
		if d := &diags[i]; d.Excerpt.Column == 0 { // no excerpt: Excerpt gives a column
			if t, ok := target(d.File); ok {
				fillFrame(d, t, opts, maxSize)
			}
		}
	}
	return diags
}

// fillFrame reads the end position and the excerpt of d, a graph report
// whose module kept no code frame for its span (a report moved to the
// import of a linted file, see GraphPass.Report), from t's source.
func fillFrame(d *Diagnostic, t discover.Target, opts Options, maxSize int64) {
	src, reason := opts.Sources[t.Path], ""
	if src == nil {
		src, reason = source.Read(t.Path, maxSize)
	}
	if reason != "" || d.Span.End > len(src) {
		return
	}
	f := &js.File{Path: t.Display, Source: src}
	d.End = f.Position(d.Span.End)
	d.Excerpt = f.Excerpt(d.Span.Start)
}

// GraphPass gives a graph rule the module graph and a way to report.
type GraphPass struct {
	Graph *graph.Graph
	Rule  *Rule
	// ServerOnlyModules are the specifiers server-only-in-client checks
	// for (DefaultServerOnlyModules unless configured).
	ServerOnlyModules []string
	report            func(Diagnostic)
	files             *moduleFiles // nil: File returns nil
}

// NewGraphPass returns a GraphPass over g for rule whose reports go to report.
func NewGraphPass(g *graph.Graph, rule *Rule, serverOnly []string, report func(Diagnostic)) *GraphPass {
	return &GraphPass{Graph: g, Rule: rule, ServerOnlyModules: serverOnly, report: report}
}

// Report records a problem in module m at span (an import of m, or a
// directive of one of its Functions), explained by the import chain steps
// that lead to m. The code frame (end position and excerpt) is there for
// the spans a module keeps one for (see graph.Module.Locate).
//
// When m is not linted (a file of the project outside the paths given),
// the problem is reported at the import of the first linted module of the
// chain, and the message says where it lands; when no module of the chain
// is linted, it is dropped.
func (p *GraphPass) Report(m *graph.Module, span js.Span, message string, steps []graph.Step) {
	p.ReportFix(m, span, message, steps, nil)
}

// ReportFix is Report with a fix: edits of m's file (see GraphPass.File
// for its content). A report moved to another file's import has none.
func (p *GraphPass) ReportFix(m *graph.Module, span js.Span, message string, steps []graph.Step, fix *Fix) {
	if !m.Linted {
		p.reportThrough(m, span, message, steps)
		return
	}
	pos, end, excerpt := p.locate(m, span)
	d := Diagnostic{
		File: m.Path, Rule: p.Rule.ID, Severity: p.Rule.Default, Message: message,
		Span: span, Pos: pos, End: end, Excerpt: excerpt,
		Related: chainRelated(steps, m), Fix: fix,
	}
	p.report(d)
}

// reportThrough reports a problem in m, a module that is not linted, at
// the import of the first linted module of its chain.
func (p *GraphPass) reportThrough(m *graph.Module, span js.Span, message string, steps []graph.Step) {
	for i, s := range steps {
		if !s.Module.Linted {
			continue
		}
		im := &s.Module.Imports[s.Import]
		pos, end, excerpt, _ := s.Module.Locate(im.Span())
		at, _, _ := p.locate(m, span)
		d := Diagnostic{
			File: s.Module.Path, Rule: p.Rule.ID, Severity: p.Rule.Default,
			Message: fmt.Sprintf("%s:%d:%d (not linted, reached through this import): %s", m.Path, at.Line, at.Column, message),
			Span:    im.Span(), Pos: pos, End: end, Excerpt: excerpt,
			Related: chainRelated(steps[i:], m),
		}
		d.Related = append(d.Related, Related{File: m.Path, Span: span, Pos: at, Message: "the problem"})
		p.report(d)
		return
	}
}

// chainRelated returns the steps of an import chain leading to m as
// related positions: each import, and the module it imports. A long chain
// comes cut (see graph.Module.ClientChain): the step before the cut says
// how many imports were left out.
func chainRelated(steps []graph.Step, m *graph.Module) []Related {
	var out []Related
	for i, s := range steps {
		im := &s.Module.Imports[s.Import]
		next := m
		if i+1 < len(steps) {
			next = steps[i+1].Module
		}
		msg := "imports " + next.Path
		if s.Skipped > 0 {
			msg = fmt.Sprintf("… %d more imports (directivelint graph shows each module's chain)", s.Skipped)
		}
		out = append(out, Related{File: s.Module.Path, Span: im.Span(), Pos: im.Pos(), Message: msg})
	}
	return out
}

// DefaultServerOnlyModules are the modules server-only-in-client reports
// when a client module reaches an import of them.
var DefaultServerOnlyModules = []string{"server-only", "next/headers"}

// runGraphRules runs the graph part of the enabled rules. target finds the
// target of a module path, for per-file severities.
func runGraphRules(g *graph.Graph, settings []ruleSetting, opts Options, target func(string) (discover.Target, bool), files *moduleFiles) []Diagnostic {
	serverOnly := serverOnlyModules(opts)
	var out []Diagnostic
	for _, s := range settings {
		if s.rule.RunGraph == nil {
			continue
		}
		pass := NewGraphPass(g, s.rule, serverOnly, func(d Diagnostic) {
			configured := s.severity
			if t, ok := target(d.File); ok && opts.SeverityFor != nil {
				configured = s.rule.Default
				if sev, ok := opts.SeverityFor(t)[s.rule.ID]; ok {
					configured = sev
				}
				if configured == SeverityOff {
					return
				}
			}
			d.Severity = adjustSeverity(d.Severity, s.rule.Default, configured)
			if opts.Quiet && d.Severity < SeverityError {
				return
			}
			out = append(out, d)
		})
		pass.files = files
		s.rule.RunGraph(pass)
	}
	return out
}

// File returns the file of module m scanned whole with its JSX (see
// js.ScanJSX), for a graph rule that needs more of a module than the graph
// keeps: read again, once a run, so rules should ask only for the few
// modules they need. It returns nil when the file cannot be read.
func (p *GraphPass) File(m *graph.Module) *js.File {
	if p.files == nil {
		return nil
	}
	return p.files.get(m)
}

// Prefetch reads the files of mods, as File would one by one, on all the
// run's workers: for a rule about to ask for each of them.
func (p *GraphPass) Prefetch(mods []*graph.Module) {
	if p.files != nil {
		p.files.prefetch(mods)
	}
}

// locate returns the position, end and excerpt of span in m: from the
// code frames the module kept, else from its file when a rule read it.
func (p *GraphPass) locate(m *graph.Module, span js.Span) (pos, end js.Position, excerpt js.Excerpt) {
	pos, end, excerpt, ok := m.Locate(span)
	if ok || p.files == nil {
		return pos, end, excerpt
	}
	if f := p.files.cached(m); f != nil && span.End <= len(f.Source) {
		return f.Position(span.Start), f.Position(span.End), f.Excerpt(span.Start)
	}
	return pos, end, excerpt
}

// moduleFiles reads and scans the files of modules for GraphPass.File,
// once each.
type moduleFiles struct {
	sources map[string][]byte // by absolute path: the content given instead of the file (Options.Sources)
	maxSize int64
	workers int // how many files prefetch reads at once
	files   map[*graph.Module]*js.File
	read    []string // the absolute paths of the files get has read, in the order read
}

// get returns m's file, reading and scanning it the first time.
func (mf *moduleFiles) get(m *graph.Module) *js.File {
	if f, ok := mf.files[m]; ok {
		return f
	}
	f := mf.scan(m)
	mf.keep(m, f)
	return f
}

// scan reads m's file and scans it with its JSX; nil when it cannot be
// read. It only reads mf.
func (mf *moduleFiles) scan(m *graph.Module) *js.File {
	src, reason := mf.sources[m.Abs], ""
	if src == nil {
		src, reason = source.Read(m.Abs, mf.maxSize)
	}
	if lang, ok := js.LangOf(m.Abs); ok && reason == "" {
		return js.ScanJSX(m.Path, src, lang)
	}
	return nil
}

// keep records f as m's file.
func (mf *moduleFiles) keep(m *graph.Module, f *js.File) {
	if mf.files == nil {
		mf.files = map[*graph.Module]*js.File{}
	}
	mf.files[m] = f
	mf.read = append(mf.read, m.Abs)
}

// prefetch reads and scans the files of mods not read yet, mf.workers at
// a time, and keeps them in the order of mods, as get one by one would.
func (mf *moduleFiles) prefetch(mods []*graph.Module) {
	var todo []*graph.Module
	seen := make(map[*graph.Module]bool, len(mods))
	for _, m := range mods {
		if _, ok := mf.files[m]; !ok && !seen[m] {
			seen[m] = true
			todo = append(todo, m)
		}
	}
	files := make([]*js.File, len(todo))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(max(mf.workers, 1), len(todo)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(todo); i = int(next.Add(1) - 1) {
				files[i] = mf.scan(todo[i])
			}
		})
	}
	wg.Wait()
	for i, m := range todo {
		mf.keep(m, files[i])
	}
}

// forget drops what mf read of the file at abs, whose content is now src
// (nil: the file on disk).
func (mf *moduleFiles) forget(abs string, src []byte) {
	for m := range mf.files {
		if m.Abs == abs {
			delete(mf.files, m)
		}
	}
	if src == nil {
		delete(mf.sources, abs)
	} else {
		mf.sources[abs] = src
	}
}

// cached returns m's file when a rule read it, else nil.
func (mf *moduleFiles) cached(m *graph.Module) *js.File { return mf.files[m] }

// needsGraph reports whether any enabled rule has a graph part.
func needsGraph(settings []ruleSetting) bool {
	for _, s := range settings {
		if s.rule.RunGraph != nil {
			return true
		}
	}
	return false
}

// serverOnlyModules returns the server-only modules of a run.
func serverOnlyModules(opts Options) []string {
	if opts.ServerOnlyModules == nil {
		return DefaultServerOnlyModules
	}
	return opts.ServerOnlyModules
}

// graphImports returns the packages whose imports the graph rules of
// settings report (see Rule.GraphImports): the module graph keeps those.
func graphImports(settings []ruleSetting, serverOnly []string) []string {
	var out []string
	for _, s := range settings {
		if s.rule.RunGraph == nil {
			continue
		}
		out = append(out, s.rule.GraphImports...)
		if s.rule.GraphServerOnlyImports {
			out = append(out, serverOnly...)
		}
	}
	return out
}
