package lint

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/directivelint/directivelint/lint/cleanpath"
	"github.com/directivelint/directivelint/lint/codec"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/graph"
	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
)

// Options control a run.
type Options struct {
	// Rules are the rules that may run.
	Rules []*Rule
	// Severity overrides a rule's default severity, by rule ID. A rule at
	// SeverityOff does not run.
	Severity map[string]Severity
	// Quiet drops warnings: rules set to warn do not run, and warnings
	// from other rules are not kept.
	Quiet bool
	// MaxFileSize is the largest file read, in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Workers is how many files are checked at once; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// SeverityFor, when set, gives the severities for one file (config
	// overrides); it replaces Severity for that file.
	SeverityFor func(discover.Target) map[string]Severity
	// Fix says which fixes to apply; the fixed files are returned in
	// Result.Fixed, never written.
	Fix FixMode
	// ReportUnusedDisable reports suppression comments that suppress nothing.
	ReportUnusedDisable bool
	// Sources gives the content to lint instead of reading the file, by
	// Target.Path (standard input linted as a given file name).
	Sources map[string][]byte
	// ServerOnlyModules are the import specifiers server-only-in-client
	// reports; nil means DefaultServerOnlyModules.
	ServerOnlyModules []string
	// Graph builds the module graph (Result.Graph) even when no enabled
	// rule has a graph part.
	Graph bool
	// Resolver resolves the imports of the module graph and finds the
	// Next.js projects (Pass.Route, Pass.CacheKinds); nil means a new
	// one. Give the one whose AddListing discover.TargetsWithListings was given.
	Resolver *resolve.Resolver
	// Context are files that are not linted but belong to the module graph:
	// the rest of the projects the targets belong to (see ProjectContext).
	// They are read only when a graph is built, only as far as it needs.
	Context []discover.Target
	// CacheKinds are cache kinds ("use cache: KIND") the project has
	// besides the built-in ones and its Next.js config's cacheHandlers.
	CacheKinds []string
	// ScanWhole scans every file whole. By default a file whose rest holds
	// no import and no string a rule looks at is scanned only as far as
	// that (File.Partial): the results are the same, faster. This is for
	// checking that.
	ScanWhole bool
	// Records, when set, keeps what checking each file found for the next
	// run, and gives what the last run found for the files unchanged since
	// (a cache). Runs that fix files neither use nor keep records.
	Records Records
	// ConfigFiles are the configuration files the severities of files come
	// from (see SeverityFor): records depend on them.
	ConfigFiles []string
	// Start is when the run started, in nanoseconds since the epoch:
	// before its targets were found (see TakeSnapshot); 0 means when Run
	// is called. A file changed less than a few seconds before it has a
	// racy stamp (source.Stamp.Racy).
	Start int64
}

// Result is the outcome of a run.
type Result struct {
	// Diagnostics are sorted by file, line, column and rule.
	Diagnostics []Diagnostic
	// Files is the number of files checked.
	Files int
	// Reused is how many of the files linted and of the context files
	// were taken from Options.Records, unread.
	Reused int
	// Notices are in the order of the targets, then those of the project
	// files (tsconfig.json, package.json, …) that could not be read.
	Notices []source.Notice
	// InternalErrors counts files whose check crashed (a bug in
	// directivelint, reported as a notice).
	InternalErrors int
	// Fixed lists the files whose content fixes changed (with Options.Fix),
	// in the order of the targets. Diagnostics are those of the fixed content.
	Fixed []FixedFile
	// Graph is the module graph, when a graph rule ran or Options.Graph
	// asked for it; else nil.
	Graph *graph.Graph

	// What a snapshot of the run keeps (see TakeSnapshot): the graph
	// rules' reports before suppression comments applied, the files they
	// read again (absolute paths), and the SHA-256 of each file read whose
	// stamp was racy, by absolute path.
	graphDiags []Diagnostic
	graphRead  []string
	racyReads  map[string][sha256.Size]byte
	// inputFiles are the project files the records depend on (see
	// collectInputs).
	inputFiles []string
	// listingUses is what this run and those its records came from looked
	// at in each directory listing (see projectInputs.uses).
	listingUses map[string]resolve.ListingUse
	// read are the files read, by their order in the targets then the
	// context (the zero value for those not read), and followed the
	// modules of the graph that are not linted: the context, and the
	// files the graph followed imports into (absolute paths).
	read     []fileRead
	followed []string
}

// fileRead is a file a run read: its absolute path, and the stamp it was
// read under.
type fileRead struct {
	abs   string
	stamp source.Stamp
}

// ruleSetting is a rule with the severity it runs at.
type ruleSetting struct {
	rule     *Rule
	severity Severity
}

// maxFileDiagnostics bounds the problems reported in one file: a generated
// or hostile file made of nothing but directives (a minified bundle, a
// crafted pull request) would otherwise cost hundreds of bytes of memory a
// problem. The rest are counted in a notice.
const maxFileDiagnostics = 1000

// runner is the state of one Run that every file's check shares.
type runner struct {
	opts     Options
	settings []ruleSetting     // the rules that run, unless SeverityFor says otherwise for a file
	names    *suppressionNames // what suppression comments may name
	maxSize  int64
	graph    *graph.Builder // nil when no module graph is built
	// env tells the route files (Pass.Route) and the cache kinds; its
	// resolver is the graph's, when there is one.
	env   *Env
	wd    string // the working directory, for the absolute paths of targets
	start int64  // when the run started, in nanoseconds since the epoch
	// records is Options.Records when the run uses them, else nil; reused
	// counts the files taken from a record.
	records Records
	reused  atomic.Int64
	// sameListings is set when every directory listing the records'
	// imports were resolved with is unchanged: their resolutions hold.
	sameListings bool
	// racyReads are the files read with a racy stamp, when records are
	// kept (see Result.racyReads).
	racyMu    sync.Mutex
	racyReads map[string][sha256.Size]byte
	// read are the files read, when records are kept (see Result.read).
	read []fileRead
}

// fileResult is what checking one target produced.
type fileResult struct {
	checked  bool
	diags    []Diagnostic
	notices  []source.Notice
	internal bool
	supp     *suppressions
	fixed    *FixedFile
}

// Run checks every target with the enabled rules, in parallel, and returns
// the sorted diagnostics. Files that cannot be read or are not text give a
// notice and are skipped; the run goes on.
func Run(targets []discover.Target, opts Options) *Result {
	r, context := newRunner(targets, opts)
	resolver := r.env.Resolver()
	settings, maxSize, workers := r.settings, r.maxSize, r.workers(len(targets)+len(context))
	var oldInputs projectInputs
	if opts.Fix == FixOff && opts.Records != nil {
		r.records = opts.Records
		r.read = make([]fileRead, len(targets)+len(context))
		var ok bool
		oldInputs, ok = decodeInputs(r.records.Inputs())
		if !ok || !filesHold(oldInputs.files, nil, nil) {
			r.records.Reset() // a project input changed: no record holds
		} else {
			r.sameListings = listingsHold(oldInputs.listings, resolver)
		}
	}
	results, checked := r.checkAll(targets, context, workers)

	res := &Result{Diagnostics: []Diagnostic{}, Files: checked}
	supps := map[string]*suppressions{}
	for _, fr := range results {
		if fr == nil {
			continue
		}
		if fr.supp != nil {
			supps[fr.supp.path] = fr.supp
		}
		if fr.fixed != nil {
			res.Fixed = append(res.Fixed, *fr.fixed)
		}
		if fr.internal {
			res.InternalErrors++
		}
		res.Diagnostics = append(res.Diagnostics, fr.diags...)
		res.Notices = append(res.Notices, fr.notices...)
	}
	if r.graph != nil {
		var diags []Diagnostic
		res.Graph, diags, res.graphRead = finishGraph(r.graph, targets, settings, opts, res.Fixed, workers, maxSize)
		if r.records != nil { // for a snapshot of the run
			res.graphDiags = slices.Clone(diags)
		}
		if opts.Fix != FixOff {
			diags = r.applyGraphFixes(res, diags, targets, supps)
		}
		res.Diagnostics = append(res.Diagnostics, diags...)
	}
	res.Reused = int(r.reused.Load())
	if r.records != nil && !r.keepInputs(res, targets, oldInputs) {
		// A project file appeared that the records were made without:
		// check every file again.
		r.records.Reset()
		return Run(targets, opts)
	}
	res.Notices = append(res.Notices, projectFileNotices(resolver)...)
	res.Diagnostics = applySuppressions(res.Diagnostics, supps, opts.ReportUnusedDisable, opts.Quiet)
	SortDiagnostics(res.Diagnostics)
	return res
}

// keepInputs has the records keep what they were made from (see
// projectInputs), with oldInputs those they had, and notes in res what a
// snapshot of the run needs besides. It returns false when a project file
// appeared that the records taken this run were made without.
func (r *runner) keepInputs(res *Result, targets []discover.Target, oldInputs projectInputs) bool {
	resolver := r.env.Resolver()
	res.racyReads, res.read = r.racyReads, r.read
	if res.Graph != nil {
		for _, m := range res.Graph.Modules {
			if !m.Linted {
				res.followed = append(res.followed, m.Abs)
			}
		}
	}
	dirs := []string{r.wd}
	for _, dir := range discover.TargetDirs(targets) {
		dirs = append(dirs, r.abs(dir))
	}
	listDirsAbove(resolver, dirs)
	files, settled := collectInputs(resolver, r.opts.ConfigFiles, r.start, oldInputs.files)
	if r.reused.Load() > 0 && !filesHold(oldInputs.files, files, oldInputs.listings) {
		return false
	}
	for _, in := range files {
		res.inputFiles = append(res.inputFiles, in.path)
	}
	if !r.sameListings {
		r.records.Prune()
	}
	res.listingUses = mergeUses(oldInputs.uses, resolver.ListingUses())
	if !settled {
		r.records.Reset()
		return true
	}
	listings := mergeListings(oldInputs.listings, resolver.ListingHashes())
	r.records.SetInputs(encodeInputs(projectInputs{files: files, listings: listings, uses: res.listingUses}))
	return true
}

// newRunner returns the runner of a run over targets with opts, and the
// context files it reads for the module graph (none when no graph is
// built).
func newRunner(targets []discover.Target, opts Options) (*runner, []discover.Target) {
	settings := enabledRules(opts)
	maxSize := opts.MaxFileSize
	if maxSize <= 0 {
		maxSize = source.DefaultMaxFileSize
	}
	resolver := opts.Resolver
	if resolver == nil {
		resolver = resolve.NewResolver(source.ReadProjectFile)
	}
	r := &runner{opts: opts, settings: settings, maxSize: maxSize, env: NewEnv(resolver, opts.CacheKinds), names: newSuppressionNames(opts.Rules)}
	r.wd, _ = os.Getwd()
	r.start = opts.Start
	if r.start == 0 {
		r.start = time.Now().UnixNano()
	}
	var context []discover.Target // read for the graph only, after the targets
	if opts.Graph || needsGraph(settings) {
		context = opts.Context
		r.graph = graph.NewBuilder(resolver, len(targets)+len(context), graphImports(settings, serverOnlyModules(opts)))
	}
	return r, context
}

// workers returns how many files are checked at once, for a run of files.
func (r *runner) workers(files int) int {
	workers := r.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return max(1, min(workers, files))
}

// checkAll checks the targets and reads the context files for the graph,
// with workers goroutines. It returns the result of each target, nil for
// those that gave nothing to keep, and how many were checked.
func (r *runner) checkAll(targets, context []discover.Target, workers int) ([]*fileResult, int) {
	files := len(targets) + len(context)
	// Most files give nothing to keep: only the others take memory here.
	results := make([]*fileResult, len(targets))
	var checked atomic.Int64
	// Each worker takes the next run of targets itself: handing targets
	// over a channel kept workers waiting for the goroutine that sends
	// them, and taking one at a time split each directory's files between
	// the workers (see runLength).
	var next atomic.Int64
	run := runLength(files, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			// Fixes keep the bytes they were made from: only a plain run
			// reuses one buffer for every file.
			reader := &source.Reader{Reuse: r.opts.Fix == FixOff}
			var records recordWriter
			for start := int(next.Add(run) - run); start < files; start = int(next.Add(run) - run) {
				for i := start; i < min(start+int(run), files); i++ {
					if i >= len(targets) {
						r.keepContext(context[i-len(targets)], i, reader, &records)
						continue
					}
					fr := r.check(targets[i], i, reader, &records)
					if fr.checked {
						checked.Add(1)
					}
					if fr.keep() {
						results[i] = &fr
					}
				}
			}
		})
	}
	wg.Wait()
	return results, int(checked.Load())
}

// keep reports whether the result holds anything to keep.
func (fr *fileResult) keep() bool {
	return len(fr.diags) > 0 || len(fr.notices) > 0 || fr.internal || fr.supp != nil || fr.fixed != nil
}

// listDirsAbove has the resolver list each of dirs (absolute) and the
// directories above it, once: config and project files are looked for
// there (the working directory's, each target's), and a run that keeps
// records must see one added there (see collectInputs).
func listDirsAbove(resolver *resolve.Resolver, dirs []string) {
	seen := map[string]bool{}
	for _, dir := range dirs {
		for d := dir; !seen[d]; d = cleanpath.Dir(d) {
			seen[d] = true
			resolver.ReadListing(d)
			if cleanpath.Dir(d) == d {
				break
			}
		}
	}
}

// runLength returns how many targets, next to one another, a worker takes
// at a time: up to 64, and few enough that each worker gets about 16 runs.
// Targets are sorted by path, so a run is mostly files of one directory:
// they import the same modules, which the worker then resolves from its
// resolve.RecentResolutions, and the workers touch the shared counter 64 times
// less often. Taking one target at a time, two workers over commerce +
// shadcn-ui/ui + ai-chatbot took 99.0 ms; runs of 16, 32 and 64, 94.1,
// 93.8 and 93.2 (medians of 40 interleaved runs); over the tree copied
// ten times, 1.040 s against 0.950 s with runs of 64.
func runLength(targets, workers int) int64 {
	return int64(max(1, min(64, targets/(16*workers))))
}

// SortDiagnostics sorts diagnostics by file, line, column, rule and message.
func SortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			strings.Compare(a.File, b.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			strings.Compare(a.Rule, b.Rule),
			strings.Compare(a.Message, b.Message),
		)
	})
}

// enabledRules returns the rules that run, with their severity.
func enabledRules(opts Options) []ruleSetting {
	var out []ruleSetting
	for _, r := range opts.Rules {
		sev := r.Default
		if s, ok := opts.Severity[r.ID]; ok {
			sev = s
		}
		if sev == SeverityOff || (opts.Quiet && sev < SeverityError) {
			continue
		}
		out = append(out, ruleSetting{rule: r, severity: sev})
	}
	return out
}

// check reads, scans and checks one file, the order-th target (from 0),
// and fixes it when asked.
func (r *runner) check(t discover.Target, order int, reader *source.Reader, rw *recordWriter) (res fileResult) {
	opts := r.opts
	records := r.records
	if opts.Sources[t.Path] != nil {
		records = nil // a buffer, not the file
	}
	var abs string
	if records != nil {
		abs = t.AbsPath(r.abs)
		if res, ok := r.fromRecord(t, order, abs, records.Lookup(abs), true); ok {
			return res
		}
	}
	src, reason := opts.Sources[t.Path], ""
	if src == nil {
		src, reason = reader.Read(t.Path, r.maxSize)
	}
	if reason != "" {
		res.notices = append(res.notices, source.Notice{Path: t.Display, Text: "skipped: " + reason})
		return res
	}
	stamp := reader.Stamp()
	defer func() {
		if v := recover(); v != nil {
			res = fileResult{
				internal: true,
				notices: []source.Notice{{Path: t.Display, Text: fmt.Sprintf(
					"internal error, file not checked (please report this bug): %v\n%s", v, debug.Stack())}},
			}
		}
	}()
	res.checked = true
	settings := r.settings
	if opts.SeverityFor != nil {
		settings = enabledRules(Options{Rules: opts.Rules, Severity: opts.SeverityFor(t), Quiet: opts.Quiet})
	}
	fixable := opts.Fix != FixOff
	if fixable && opts.Sources[t.Path] == nil && isSymlink(t.Path) {
		// Fixes are written only to regular files: through a link they
		// could reach a file outside the tree, or the same file twice.
		fixable = false
		res.notices = append(res.notices, source.Notice{Path: t.Display, Text: "not fixed: " + errSymlink.Error()})
	}
	if fixable {
		res.fixed = r.fix(t, order, src, settings)
		if res.fixed != nil {
			src = res.fixed.After
		}
	}
	var notices []source.Notice
	var module *codec.Encoder // what the graph keeps of the file, for its record
	if records != nil && r.graph != nil {
		module = rw.startModule()
	}
	res.diags, notices, res.supp = r.lint(t, order, src, settings, module)
	res.notices = append(res.notices, notices...)
	if records != nil && !fixable {
		records.Keep(abs, stamp, src, rw.finish(t, &res, module != nil))
		r.noteRead(order, abs, stamp, src)
	}
	return res
}

// fromRecord gives the file t, the order-th of the run, from rec, its
// record (nil: none): the result of checking it when linted, and its
// module when a graph is built. ok is false when rec lacks what the run
// needs, or the file's imports lead elsewhere now: the file must be read.
func (r *runner) fromRecord(t discover.Target, order int, abs string, rec []byte, linted bool) (res fileResult, ok bool) {
	if rec == nil {
		return res, false
	}
	d := readRecord(rec, t, linted, r.graph != nil, &res)
	if d == nil {
		return fileResult{}, false
	}
	if r.graph != nil && !r.graph.KeepRecord(order, abs, t.Display, d, r.records.Strings(), linted, r.sameListings) {
		return fileResult{}, false
	}
	res.checked = linted
	r.reused.Add(1)
	return res, true
}

// noteRead notes the stamp of the order-th file of the run, at abs, read
// as src under stamp, and its content's hash when its stamp is racy: a
// snapshot of the run can tell it unchanged only by its content then.
func (r *runner) noteRead(order int, abs string, stamp source.Stamp, src []byte) {
	if order < len(r.read) {
		r.read[order] = fileRead{abs: abs, stamp: stamp}
	}
	if !stamp.Racy(r.start) {
		return
	}
	h := sha256.Sum256(src)
	r.racyMu.Lock()
	defer r.racyMu.Unlock()
	if r.racyReads == nil {
		r.racyReads = map[string][sha256.Size]byte{}
	}
	r.racyReads[abs] = h
}

// abs returns the absolute path of a target path.
func (r *runner) abs(p string) string {
	if r.graph != nil {
		return r.graph.Abs(p)
	}
	return cleanpath.Abs(r.wd, p)
}

// keepContext reads a file of Options.Context, the order-th file of the
// run, and gives the graph its module, scanned no further than the graph
// needs. The file is not linted: a file that cannot be read or scanned is
// left out without a word.
func (r *runner) keepContext(t discover.Target, order int, reader *source.Reader, rw *recordWriter) {
	abs := t.AbsPath(r.graph.Abs)
	records := r.records
	if r.opts.Sources[t.Path] != nil {
		records = nil
	}
	if records != nil {
		if _, ok := r.fromRecord(t, order, abs, records.Lookup(abs), false); ok {
			return
		}
	}
	src, reason := r.opts.Sources[t.Path], ""
	if src == nil {
		src, reason = reader.Read(t.Path, r.maxSize)
	}
	if reason != "" {
		return
	}
	stamp := reader.Stamp()
	defer func() {
		_ = recover() // a scanner crash on a file nobody asked to lint: leave it out
	}()
	imports := r.graph.NewFileImports(abs)
	defer imports.Release()
	f := js.ScanFor(t.Display, src, t.Lang, js.Plan{WantTokens: func(f *js.File) int { return r.graph.TokensUpTo(f, imports) }})
	m := r.graph.KeepContext(order, abs, f, imports)
	if records != nil {
		r.graph.AppendRecord(rw.startModule(), records.Strings(), m, f, imports)
		records.Keep(abs, stamp, src, rw.finish(t, nil, true))
		r.noteRead(order, abs, stamp, src)
	}
	f.Recycle()
}

// lint scans src, the content of the order-th target t, and runs the rules
// of settings over it. It returns the diagnostics, the notices and the
// file's suppression comments.
// When module is set, what the graph keeps of the file is appended to it.
func (r *runner) lint(t discover.Target, order int, src []byte, settings []ruleSetting, module *codec.Encoder) (diags []Diagnostic, notices []source.Notice, supp *suppressions) {
	opts := r.opts
	quiet := opts.Quiet
	var wantTokens func(*js.File) int
	var abs string
	var imports *graph.FileImports // what the graph learns of the file's imports
	graph := r.graph
	if graph != nil {
		abs = t.AbsPath(graph.Abs)
		imports = graph.NewFileImports(abs)
		if t.Lang != js.LangJS { // JavaScript has no type-only imports to tell
			wantTokens = func(f *js.File) int { return graph.TokensUpTo(f, imports) }
		}
	}
	if abs == "" {
		abs = t.AbsPath(r.abs)
	}
	route := r.env.Route(abs)
	f := js.ScanFor(t.Display, src, t.Lang, js.Plan{
		Whole: opts.ScanWhole, WantTokens: wantTokens, Marker: r.names.mayHold,
		ClientExports: route != "",
	})
	notices = scanNotices(f)
	// One report function and one Pass serve every rule of the file.
	var cur ruleSetting
	var lastMessage string
	dropped := 0 // reports past maxFileDiagnostics
	report := func(d Diagnostic) {
		d.Severity = adjustSeverity(d.Severity, cur.rule.Default, cur.severity)
		if quiet && d.Severity < SeverityError {
			return
		}
		if len(diags) >= maxFileDiagnostics {
			dropped++
			return
		}
		if d.File == "" {
			d.File = t.Display
		}
		d.Pos = f.Position(d.Span.Start)
		d.End = f.Position(d.Span.End)
		d.Excerpt = f.Excerpt(d.Span.Start)
		if d.Message == lastMessage {
			// Keep one copy of a message a rule repeats (a minified
			// file can have thousands of the same).
			d.Message = lastMessage
		}
		lastMessage = d.Message
		for i := range d.Related {
			r := &d.Related[i]
			if (r.File == "" || r.File == t.Display) && r.Pos == (js.Position{}) {
				r.Pos = f.Position(r.Span.Start)
			}
		}
		diags = append(diags, d)
	}
	pass := NewPass(f, nil, report)
	pass.Route, pass.Env, pass.Abs = route, r.env, abs
	for _, s := range settings {
		if s.rule.Run != nil {
			cur, pass.Rule = s, s.rule
			s.rule.Run(pass)
		}
	}
	if dropped > 0 {
		notices = append(notices, source.Notice{Path: t.Display, Text: fmt.Sprintf(
			"%d more problems not reported: at most %d are reported a file", dropped, maxFileDiagnostics)})
	}
	supp = fileSuppressions(f, settings, r.names)
	if supp != nil && supp.unread {
		notices = append(notices, source.Notice{Path: t.Display, Text: fmt.Sprintf(
			"more than %d suppression comments: the rest are not read", maxFileSuppressions)})
	}
	if graph != nil {
		m := graph.Keep(order, abs, f, imports)
		if module != nil {
			graph.AppendRecord(module, r.records.Strings(), m, f, imports)
		}
		imports.Release()
	}
	f.Recycle() // the diagnostics, notices and graph keep only what they need
	return diags, notices, supp
}

// projectFileNotices returns a notice for each project file (tsconfig.json,
// package.json, …) the resolver could not read, sorted by path: the graph
// and the rules went on as if it were absent.
func projectFileNotices(r *resolve.Resolver) []source.Notice {
	var out []source.Notice
	for _, p := range r.Problems() {
		out = append(out, source.Notice{Path: discover.DisplayPath(p.Path), Text: "ignored: " + p.Reason})
	}
	return out
}

// isSymlink reports whether path is a symbolic link.
func isSymlink(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && info.Mode()&fs.ModeSymlink != 0
}

// scanNotices turns the places where the scanner lost track of the code
// into notices.
func scanNotices(f *js.File) []source.Notice {
	var out []source.Notice
	for _, p := range f.Problems {
		out = append(out, source.Notice{
			Path: f.Path,
			Pos:  f.Position(p.Offset),
			Text: "could not follow the code here: " + p.Message + "; results for this file may be incomplete",
		})
	}
	return out
}

// adjustSeverity maps the severity a rule reported at to the configured one.
// Reports at the rule's default level take the configured level; a report
// the rule made milder than its default stays milder unless the configured
// level is milder still.
func adjustSeverity(reported, def, configured Severity) Severity {
	if reported == SeverityOff || reported >= def || reported > configured {
		return configured
	}
	return reported
}
