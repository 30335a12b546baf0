// Package graph links the imports of scanned files into the module graph
// and classifies each module as client or server code. A Builder collects
// the modules while files are scanned; Build reads the files outside the
// run that imports lead to and returns the Graph. It knows no rule,
// diagnostic or severity.
package graph

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/directivelint/directivelint/lint/cleanpath"
	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
)

// ModuleKind is where a module's code runs, as the graph decides it.
type ModuleKind uint8

// The kinds of module.
const (
	// KindUnknown: reached from neither a client module nor a route file.
	KindUnknown ModuleKind = iota
	// KindClient: a 'use client' module or a module reachable from one.
	KindClient
	// KindServer: a route file or a module reachable from route files
	// without crossing a client boundary, and from no client module.
	KindServer
	// KindShared: both client and server. The rules treat it as client.
	KindShared
)

// String names the kind for graph output.
func (k ModuleKind) String() string {
	switch k {
	case KindClient:
		return "client"
	case KindServer:
		return "server"
	case KindShared:
		return "shared"
	}
	return "unknown"
}

// link is how the graph search reached a module: from which module,
// through which of its imports. A zero link (from == nil) marks a root.
type link struct {
	from *Module
	imp  int
}

// Step is one import of an import chain: the module Module imports the
// next module of the chain with its import number Import.
type Step struct {
	Module *Module
	Import int
	// Skipped is the number of steps of a long chain left out after this
	// one (see ClientChain); 0 when the next step follows.
	Skipped int
}

// Graph is the module graph of a run: every linted module, the workspace
// modules they reach, the import edges between them and each module's
// client/server classification.
type Graph struct {
	// Modules are sorted by path.
	Modules []*Module
	byAbs   map[string]*Module // also holds files only named by imports
}

// Module returns the module with the absolute path, or nil.
func (g *Graph) Module(abs string) *Module {
	if m := g.byAbs[abs]; m != nil && m.inGraph {
		return m
	}
	return nil
}

// Kind returns the module's classification.
func (g *Graph) Kind(m *Module) ModuleKind {
	switch {
	case m.inClient && m.inServer:
		return KindShared
	case m.inClient:
		return KindClient
	case m.inServer:
		return KindServer
	}
	return KindUnknown
}

// InClient reports whether the module is client code: a 'use client'
// module or one reachable from one without passing a 'use server' module.
func (m *Module) InClient() bool { return m.inClient }

// ServerOnly reports whether the module is only ever server code: reached
// from route files and from no client module.
func (m *Module) ServerOnly() bool { return m.inServer && !m.inClient }

// MaxChainSteps is how many steps of an import chain ClientChain and
// ServerChain return: a longer chain is cut in the middle, so that the
// chains of a long line of modules, and what is written of them, take
// space linear in its length, not its square.
const MaxChainSteps = 50

// ClientChain returns the shortest import chain by which a client module
// reaches m: the steps from the 'use client' module to the import that
// brings in m. It is empty when m is itself a 'use client' module or not
// client code. A chain of more than MaxChainSteps steps keeps its first
// and last halves, the last step of the first half telling how many it
// Skipped.
func (m *Module) ClientChain() []Step {
	return cutChain(m, func(x *Module) link { return x.clientVia })
}

// ServerChain returns the shortest import chain from a route file to m;
// empty when m is a route file or not server code. A long chain is cut as
// ClientChain's is.
func (m *Module) ServerChain() []Step {
	return cutChain(m, func(x *Module) link { return x.serverVia })
}

// cutChain returns the chain by which via reaches m, cut to MaxChainSteps.
func cutChain(m *Module, via func(*Module) link) []Step {
	head, tail, omitted := chainEnds(m, MaxChainSteps/2, via)
	if omitted == 0 {
		return head
	}
	head[len(head)-1].Skipped = omitted
	return append(head, tail...)
}

// chain returns the whole chain by which via reaches m.
func chain(m *Module, via func(*Module) link) []Step {
	var steps []Step
	for l := via(m); l.from != nil; l = via(l.from) {
		steps = append(steps, Step{Module: l.from, Import: l.imp})
	}
	slices.Reverse(steps)
	return steps
}

// ClientChainEnds is ClientChain cut to its first and last n steps, with
// the number of steps left out between them (all steps are in head when
// there are at most 2n). It keeps no more than 2n steps: the chains of a
// long line of modules, one a module, take linear memory.
func (m *Module) ClientChainEnds(n int) (head, tail []Step, omitted int) {
	return chainEnds(m, n, func(x *Module) link { return x.clientVia })
}

// ServerChainEnds is ServerChain cut as ClientChainEnds cuts ClientChain.
func (m *Module) ServerChainEnds(n int) (head, tail []Step, omitted int) {
	return chainEnds(m, n, func(x *Module) link { return x.serverVia })
}

func chainEnds(m *Module, n int, via func(*Module) link) (head, tail []Step, omitted int) {
	total := 0 // counted first: the walk back stores only the steps kept
	for l := via(m); l.from != nil; l = via(l.from) {
		total++
	}
	if total <= 2*n {
		return chain(m, via), nil, 0
	}
	i := total // the index in the chain of the step met next, walking back
	for l := via(m); l.from != nil; l = via(l.from) {
		i--
		switch {
		case i >= total-n:
			tail = append(tail, Step{Module: l.from, Import: l.imp})
		case i < n:
			head = append(head, Step{Module: l.from, Import: l.imp})
		}
	}
	slices.Reverse(head)
	slices.Reverse(tail)
	return head, tail, total - 2*n
}

// ChainShown is how many steps of an import chain a message shows: a
// longer chain shows its first and last ChainShown/2 steps.
const ChainShown = 10

// ChainText writes a chain as paths joined by arrows, ending with m:
// "components/Button.tsx → lib/helpers.ts". A chain of more than
// ChainShown steps (counting those it Skipped) is cut in the middle:
// "a → … 7 more → z".
func ChainText(steps []Step, m *Module) string {
	total := len(steps)
	for _, s := range steps {
		total += s.Skipped
	}
	if k := ChainShown / 2; total > ChainShown {
		return ChainEndsText(steps[:k], steps[len(steps)-k:], total-2*k, m)
	}
	return ChainEndsText(steps, nil, 0, m)
}

// ChainEndsText writes a chain cut to its ends (see ClientChainEnds) as
// ChainText does.
func ChainEndsText(head, tail []Step, omitted int, m *Module) string {
	var b strings.Builder
	for _, s := range head {
		b.WriteString(s.Module.Path)
		b.WriteString(" → ")
	}
	if omitted > 0 {
		fmt.Fprintf(&b, "… %d more → ", omitted)
	}
	for _, s := range tail {
		b.WriteString(s.Module.Path)
		b.WriteString(" → ")
	}
	b.WriteString(m.Path)
	return b.String()
}

// Builder collects modules while the runner checks files, then
// builds the graph.
type Builder struct {
	resolver *resolve.Resolver
	wd       string
	// packages are those whose imports the graph keeps (see reported).
	packages []string

	// files holds the module of each file of the run, linted or context,
	// by its order: the files come sorted, and the graph lists modules in
	// that order.
	files []*Module

	mu    sync.Mutex
	nodes map[string]*Module // by absolute path: the checked files and every file an import names
	specs map[string]string  // interned import specifiers
}

// NewBuilder returns an empty builder that resolves imports with r
// (nil: a new Resolver). files is how many files the run reads, linted
// and context ones (see Keep and KeepContext); packages
// are the packages whose imports the graph keeps, their subpaths too (see
// Module.Imports): those some rule reports.
func NewBuilder(r *resolve.Resolver, files int, packages []string) *Builder {
	wd, _ := os.Getwd()
	if r == nil {
		r = resolve.NewResolver(source.ReadProjectFile)
	}
	return &Builder{resolver: r, wd: wd, packages: packages, files: make([]*Module, files),
		nodes: make(map[string]*Module, files), specs: map[string]string{}}
}

// reported reports whether a graph rule may report an import of spec: it
// names one of the builder's packages, or a subpath of one. The graph keeps
// the bindings and the code frame of those imports, and keeps no import of
// any other external package.
func (b *Builder) reported(spec string) bool {
	return matchesModule(spec, b.packages)
}

// matchesModule reports whether spec is one of modules or a subpath of one.
func matchesModule(spec string, modules []string) bool {
	for _, mod := range modules {
		if spec == mod || len(spec) > len(mod) && spec[len(mod)] == '/' && spec[:len(mod)] == mod {
			return true
		}
	}
	return false
}

// node returns the module of the absolute path, creating an empty one the
// first time a path is named. b.mu must be held.
func (b *Builder) node(abs string) *Module {
	m := b.nodes[abs]
	if m == nil {
		m = &Module{Abs: abs}
		b.nodes[abs] = m
	}
	return m
}

// intern returns the one copy of an import specifier. b.mu must be held.
func (b *Builder) intern(spec string) string {
	if s, ok := b.specs[spec]; ok {
		return s
	}
	b.specs[spec] = spec
	return spec
}

// Abs returns the absolute, clean form of a target path.
func (b *Builder) Abs(p string) string {
	return cleanpath.Abs(b.wd, p)
}

// Keep records the module of a checked file, the order-th of the run's
// files; f must still hold its source, fi is what is known of its imports
// (see NewFileImports). When a file is scanned more than once (fixes), the
// last scan wins. It returns the module, for AppendRecord.
func (b *Builder) Keep(order int, abs string, f *js.File, fi *FileImports) *Module {
	return b.keep(order, abs, f, fi, true)
}

// KeepContext is Keep for a file that is part of the graph but not linted
// (a file of the project outside the paths given): its module gets no
// diagnostics.
func (b *Builder) KeepContext(order int, abs string, f *js.File, fi *FileImports) *Module {
	return b.keep(order, abs, f, fi, false)
}

func (b *Builder) keep(order int, abs string, f *js.File, fi *FileImports, linted bool) *Module {
	m := b.claim(abs)
	b.record(m, f, fi, linted)
	b.files[order] = m // each file has its own slot: no lock
	return m
}

// claim returns the node of the file at abs, to be filled by its scan or
// its record.
func (b *Builder) claim(abs string) *Module {
	b.mu.Lock()
	defer b.mu.Unlock()
	m := b.node(abs)
	// An import may have named the file first, with the resolver's copy of
	// its path: use the target's instead, which the run keeps anyway.
	delete(b.nodes, abs)
	m.Abs = abs
	b.nodes[abs] = m
	return m
}

// display returns the path shown for a file that was not a target.
func (b *Builder) display(abs string) string {
	if b.wd != "" {
		if rel, err := filepath.Rel(b.wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(abs)
}

// maxExtraModules bounds how many files outside the lint targets the graph
// reads to follow imports.
const maxExtraModules = 20000

// Build links the modules, reading the source files outside the targets
// that imports lead to (workspace packages, files outside the linted
// paths), and classifies every module.
//
// Build may be called again after Keep or KeepRecord replaced the modules of
// some files (an editor's change): it lists and classifies the modules
// anew, and reads only the files it never read.
func (b *Builder) Build(workers int, maxSize int64) *Graph {
	for _, m := range b.nodes { // from an earlier Build
		m.listed, m.inClient, m.inServer, m.clientVia, m.serverVia = false, false, false, link{}, link{}
	}
	g := &Graph{byAbs: b.nodes, Modules: make([]*Module, 0, len(b.files))}
	for _, m := range b.files {
		// Two targets may name one file: the module is listed once.
		if m != nil && !m.listed {
			m.listed = true
			g.Modules = append(g.Modules, m)
		}
	}
	// Follow imports into files that were not linted, a wave at a time.
	pending := g.Modules
	extra := 0
	for len(pending) > 0 && extra < maxExtraModules {
		var wanted, again []*Module
		seen := map[*Module]bool{}
		for _, m := range pending {
			for i := range m.Imports {
				t := m.Imports[i].target
				if t == nil || t.listed || seen[t] || inNodeModules(t.Abs) {
					continue
				}
				seen[t] = true
				if t.inGraph { // read by an earlier Build
					t.listed = true
					again = append(again, t)
					continue
				}
				wanted = append(wanted, t)
			}
		}
		extra += len(again)
		slices.SortFunc(wanted, func(x, y *Module) int { return strings.Compare(x.Abs, y.Abs) })
		if room := max(0, maxExtraModules-extra); len(wanted) > room {
			wanted = wanted[:room]
		}
		extra += len(wanted)
		b.load(wanted, workers, maxSize)
		g.Modules = append(g.Modules, again...)
		pending = again
		for _, m := range wanted {
			if m.inGraph {
				m.listed = true
				g.Modules = append(g.Modules, m)
				pending = append(pending, m)
			}
		}
	}
	byPath := func(a, b *Module) int { return cmp.Compare(a.Path, b.Path) }
	if !slices.IsSortedFunc(g.Modules, byPath) { // sorted already when the targets were and no file was added
		slices.SortFunc(g.Modules, byPath)
	}
	g.classify()
	return g
}

// inNodeModules reports whether a path lies in a node_modules directory.
func inNodeModules(p string) bool {
	return strings.Contains(filepath.ToSlash(p), "/node_modules/")
}

// load reads and scans files outside the targets, in parallel, and records
// the modules of those that could be read.
func (b *Builder) load(nodes []*Module, workers int, maxSize int64) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, len(nodes))) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(nodes); i = int(next.Add(1) - 1) {
				b.loadOne(nodes[i], maxSize)
			}
		})
	}
	wg.Wait()
}

func (b *Builder) loadOne(m *Module, maxSize int64) {
	lang, ok := js.LangOf(m.Abs)
	if !ok {
		return
	}
	src, reason := source.Read(m.Abs, maxSize)
	if reason != "" {
		return
	}
	defer func() {
		_ = recover() // a scanner crash on a file nobody asked to lint: leave it out
	}()
	f := js.Scan(b.display(m.Abs), src, lang)
	imports := b.NewFileImports(m.Abs)
	b.record(m, f, imports, false)
	imports.Release()
}

// classify marks the client and server modules with breadth-first
// searches, so each module's link gives a shortest chain.
func (g *Graph) classify() {
	var queue []*Module
	for _, m := range g.Modules {
		if m.UseClient && !m.UseServer {
			m.inClient = true
			queue = append(queue, m)
		}
	}
	g.spread(queue, func(m *Module) bool { return m.inClient }, func(m *Module, l link) {
		m.inClient, m.clientVia = true, l
	}, func(m *Module) bool { return m.UseServer })

	queue = queue[:0]
	for _, m := range g.Modules {
		if m.Route && !m.UseClient {
			m.inServer = true
			queue = append(queue, m)
		}
	}
	g.spread(queue, func(m *Module) bool { return m.inServer }, func(m *Module, l link) {
		m.inServer, m.serverVia = true, l
	}, func(m *Module) bool { return m.UseClient })
}

// spread runs a breadth-first search from queue along import edges,
// marking each newly reached module, and not entering the modules that
// stop says are boundaries.
func (g *Graph) spread(queue []*Module, marked func(*Module) bool, mark func(*Module, link), stop func(*Module) bool) {
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		for i := range m.Imports {
			im := &m.Imports[i]
			if !im.Edge() {
				continue
			}
			t := im.Target()
			if marked(t) || stop(t) {
				continue
			}
			mark(t, link{from: m, imp: i})
			queue = append(queue, t)
		}
	}
}

// Unresolved lists the imports of linted modules that could not be
// resolved, as notices, sorted by path and position.
func (g *Graph) Unresolved() []source.Notice {
	var out []source.Notice
	for _, m := range g.Modules {
		if !m.Linted {
			continue
		}
		for i := range m.Imports {
			im := &m.Imports[i]
			if im.Resolution != resolve.Unresolved {
				continue
			}
			out = append(out, source.Notice{Path: m.Path, Pos: im.Pos(), Text: "unresolved import " + quoteSpec(im.Source)})
		}
	}
	return out
}

func quoteSpec(s string) string { return "\"" + s + "\"" }

// BoundaryKind tells which way an import crosses between client and server.
type BoundaryKind uint8

// The kinds of boundary edge.
const (
	// ClientBoundary: server (or unclassified) code imports a 'use client'
	// module; the import becomes a client reference.
	ClientBoundary BoundaryKind = iota
	// ServerReference: client code imports a 'use server' module; its
	// functions become references called over the network.
	ServerReference
)

// String names the boundary kind for graph output.
func (k BoundaryKind) String() string {
	if k == ServerReference {
		return "server-reference"
	}
	return "client-boundary"
}

// Boundary is an import edge where code changes sides.
type Boundary struct {
	From   *Module
	Import int
	To     *Module
	Kind   BoundaryKind
}

// Boundaries lists the import edges that cross between client and server,
// in module and import order.
func (g *Graph) Boundaries() []Boundary {
	var out []Boundary
	for _, m := range g.Modules {
		for i := range m.Imports {
			im := &m.Imports[i]
			if !im.Edge() {
				continue
			}
			switch t := im.Target(); {
			case t.UseClient && !m.inClient:
				out = append(out, Boundary{From: m, Import: i, To: t, Kind: ClientBoundary})
			case t.UseServer && m.inClient:
				out = append(out, Boundary{From: m, Import: i, To: t, Kind: ServerReference})
			}
		}
	}
	return out
}
