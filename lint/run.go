package lint

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"unicode/utf8"
)

// DefaultMaxFileSize is the size above which a file is skipped unread.
const DefaultMaxFileSize = 8 << 20

// binaryProbe is how many leading bytes are searched for a NUL byte.
const binaryProbe = 8 << 10

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
	SeverityFor func(Target) map[string]Severity
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
	// Resolver resolves the imports of the module graph; nil means a new
	// one. Give the one DiscoverFor was given.
	Resolver *Resolver
	// ScanWhole scans every file whole. By default a file whose rest holds
	// no import and no string a rule looks at is scanned only as far as
	// that (File.Partial): the results are the same, faster. This is for
	// checking that.
	ScanWhole bool

	graph *graphBuilder // set by Run when the module graph is built
}

// Notice is a message about a file that could not be checked, or not
// checked completely. Notices are not diagnostics: they do not change the
// exit status.
type Notice struct {
	// Path is the file as shown to the user.
	Path string
	// Pos is where in the file the notice points; zero when it is about
	// the whole file.
	Pos Position
	// Text is the message.
	Text string
}

// String formats the notice as one line: "path: text" or "path:line:col: text".
func (n Notice) String() string {
	if n.Pos.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", n.Path, n.Pos.Line, n.Pos.Column, n.Text)
	}
	return n.Path + ": " + n.Text
}

// Result is the outcome of a run.
type Result struct {
	// Diagnostics are sorted by file, line, column and rule.
	Diagnostics []Diagnostic
	// Files is the number of files read and checked.
	Files int
	// Notices are in the order of the targets.
	Notices []Notice
	// InternalErrors counts files whose check crashed (a bug in
	// directivelint, reported as a notice).
	InternalErrors int
	// Fixed lists the files whose content fixes changed (with Options.Fix),
	// in the order of the targets. Diagnostics are those of the fixed content.
	Fixed []FixedFile
	// Graph is the module graph, when a graph rule ran or Options.Graph
	// asked for it; else nil.
	Graph *Graph
}

// ruleSetting is a rule with the severity it runs at.
type ruleSetting struct {
	rule     *Rule
	severity Severity
}

// fileResult is what checking one target produced.
type fileResult struct {
	checked  bool
	diags    []Diagnostic
	notices  []Notice
	internal bool
	supp     *suppressions
	fixed    *FixedFile
}

// Run checks every target with the enabled rules, in parallel, and returns
// the sorted diagnostics. Files that cannot be read or are not text give a
// notice and are skipped; the run goes on.
func Run(targets []Target, opts Options) *Result {
	settings := enabledRules(opts)
	maxSize := opts.MaxFileSize
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(targets)))
	if opts.Graph || needsGraph(settings) {
		opts.graph = newGraphBuilder(opts.ServerOnlyModules, opts.Resolver, len(targets))
	}

	// Most files give nothing to keep: only the others take memory here.
	results := make([]*fileResult, len(targets))
	var checked atomic.Int64
	// Each worker takes the next run of targets itself: handing targets
	// over a channel kept workers waiting for the goroutine that sends
	// them, and taking one at a time split each directory's files between
	// the workers (see runLength).
	var next atomic.Int64
	run := runLength(len(targets), workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			// Fixes keep the bytes they were made from: only a plain run
			// reuses one buffer for every file.
			reader := &sourceReader{reuse: opts.Fix == FixOff}
			for start := int(next.Add(run) - run); start < len(targets); start = int(next.Add(run) - run) {
				for i := start; i < min(start+int(run), len(targets)); i++ {
					r := checkTarget(targets[i], i, settings, opts, reader, maxSize)
					if r.checked {
						checked.Add(1)
					}
					if len(r.diags) > 0 || len(r.notices) > 0 || r.internal || r.supp != nil || r.fixed != nil {
						results[i] = &r
					}
				}
			}
		})
	}
	wg.Wait()

	res := &Result{Diagnostics: []Diagnostic{}, Files: int(checked.Load())}
	supps := map[string]*suppressions{}
	for _, r := range results {
		if r == nil {
			continue
		}
		if r.supp != nil {
			supps[r.supp.path] = r.supp
		}
		if r.fixed != nil {
			res.Fixed = append(res.Fixed, *r.fixed)
		}
		if r.internal {
			res.InternalErrors++
		}
		res.Diagnostics = append(res.Diagnostics, r.diags...)
		res.Notices = append(res.Notices, r.notices...)
	}
	if opts.graph != nil {
		var diags []Diagnostic
		res.Graph, diags = opts.graph.finish(targets, settings, opts, workers, maxSize)
		res.Diagnostics = append(res.Diagnostics, diags...)
	}
	res.Diagnostics = applySuppressions(res.Diagnostics, supps, opts.ReportUnusedDisable, opts.Quiet)
	SortDiagnostics(res.Diagnostics)
	return res
}

// runLength returns how many targets, next to one another, a worker takes
// at a time: up to 64, and few enough that each worker gets about 16 runs.
// Targets are sorted by path, so a run is mostly files of one directory:
// they import the same modules, which the worker then resolves from its
// recentResolutions, and the workers touch the shared counter 64 times
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

// checkTarget reads, scans and checks one file, the order-th target (from
// 0), and fixes it when asked.
func checkTarget(t Target, order int, settings []ruleSetting, opts Options, reader *sourceReader, maxSize int64) (res fileResult) {
	src, reason := opts.Sources[t.Path], ""
	if src == nil {
		src, reason = reader.read(t.Path, maxSize)
	}
	if reason != "" {
		res.notices = append(res.notices, Notice{Path: t.Display, Text: "skipped: " + reason})
		return res
	}
	defer func() {
		if v := recover(); v != nil {
			res = fileResult{
				internal: true,
				notices: []Notice{{Path: t.Display, Text: fmt.Sprintf(
					"internal error, file not checked (please report this bug): %v\n%s", v, debug.Stack())}},
			}
		}
	}()
	res.checked = true
	if opts.SeverityFor != nil {
		settings = enabledRules(Options{Rules: opts.Rules, Severity: opts.SeverityFor(t), Quiet: opts.Quiet})
	}
	if opts.Fix != FixOff {
		res.fixed = fixSource(t, order, src, settings, opts)
		if res.fixed != nil {
			src = res.fixed.After
		}
	}
	res.diags, res.notices, res.supp = lintSource(t, order, src, settings, opts)
	return res
}

// lintSource scans src, the content of the order-th target t, and runs the
// rules over it. It returns the diagnostics, the notices and the file's
// suppression comments.
func lintSource(t Target, order int, src []byte, settings []ruleSetting, opts Options) (diags []Diagnostic, notices []Notice, supp *suppressions) {
	quiet := opts.Quiet
	var wantTokens func(*File) bool
	var abs string
	var imports *fileImports // what the graph learns of the file's imports
	graph := opts.graph
	if graph != nil {
		abs = graph.absPath(t.Path)
		imports = graph.newFileImports(abs)
		wantTokens = func(f *File) bool { return graph.wantsTokens(f, imports) }
	}
	var f *File
	if opts.ScanWhole {
		f = scanWith(t.Display, src, t.Lang, scanPlan{limit: -1, tokens: wantTokens != nil})
	} else {
		f = scanForRules(t, src, wantTokens)
	}
	notices = scanNotices(f)
	// One report function and one Pass serve every rule of the file.
	var cur ruleSetting
	report := func(d Diagnostic) {
		d.Severity = adjustSeverity(d.Severity, cur.rule.Default, cur.severity)
		if quiet && d.Severity < SeverityError {
			return
		}
		if d.File == "" {
			d.File = t.Display
		}
		d.Pos = f.Position(d.Span.Start)
		d.End = f.Position(d.Span.End)
		d.SourceLine = f.LineText(d.Pos.Line)
		for i := range d.Related {
			r := &d.Related[i]
			if (r.File == "" || r.File == t.Display) && r.Pos == (Position{}) {
				r.Pos = f.Position(r.Span.Start)
			}
		}
		diags = append(diags, d)
	}
	pass := NewPass(f, nil, report)
	for _, s := range settings {
		if s.rule.Run != nil {
			cur, pass.Rule = s, s.rule
			s.rule.Run(pass)
		}
	}
	supp = fileSuppressions(f, settings, opts.Rules)
	if graph != nil {
		graph.keep(order, abs, f, imports)
		imports.release()
	}
	f.recycle() // the diagnostics, notices and graph keep only what they need
	return diags, notices, supp
}

// scanForRules scans src as far as the rules and the module graph need.
// Most files hold no string a rule looks at (see DirectiveLike) but their
// module prologue, and no import past their first lines: their bytes are
// skimmed, and only their start is scanned (File.Partial). The others are
// scanned whole. wantTokens, when set, asks at the end of a file's
// imports whether the graph needs all of the file's tokens after all
// (File.tokens): then the file is scanned to its end, and keeps them.
func scanForRules(t Target, src []byte, wantTokens func(*File) bool) *File {
	keep := wantTokens != nil
	sk := skimSource(src)
	if sk.suppressions || sk.nCandidates > len(sk.candidates) {
		return scanWith(t.Display, src, t.Lang, scanPlan{limit: -1, tokens: keep})
	}
	limit := max(sk.lastCandidate(), sk.lastImport)
	if limit < 0 {
		// Nothing to find: no scan at all.
		return &File{Path: t.Display, Source: src, Lang: t.Lang, Partial: true, noSuppressions: true}
	}
	f := scanWith(t.Display, src, t.Lang, scanPlan{limit: limit, more: wantTokens, tokens: keep})
	if f.Partial && !prologueHolds(f, &sk) {
		f.recycle()
		f = scanWith(t.Display, src, t.Lang, scanPlan{limit: -1, tokens: keep})
	}
	f.noSuppressions = true // sk.suppressions is false: the skim found none
	return f
}

// prologueHolds reports whether a partial scan of f is enough for the
// rules: each directive-like string the skim found is a "use client" of
// the module prologue (rules about a client module's exports need its
// whole code only when a function of it may be async).
func prologueHolds(f *File, sk *skim) bool {
	for _, offset := range sk.candidates[:sk.nCandidates] {
		found := false
		for _, d := range f.Prologue {
			if d.Span.Start == offset && d.Form == FormQuoted && d.Value == UseClient {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return !f.IsClient() || indexByTail(f.Source, 0, "async", "ync") < 0
}

// scanNotices turns the places where the scanner lost track of the code
// into notices.
func scanNotices(f *File) []Notice {
	var out []Notice
	for _, p := range f.Problems {
		out = append(out, Notice{
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

// readSource reads a file to lint into a new buffer. When the file cannot
// be linted it returns a short reason instead.
func readSource(path string, maxSize int64) ([]byte, string) {
	var r sourceReader
	return r.read(path, maxSize)
}

// sourceReader reads the files one worker lints. With reuse set, every file
// is read into the same buffer, grown as needed: the caller must be done
// with one file's bytes before it reads the next. Without it, each file
// gets a buffer of its own.
type sourceReader struct {
	reuse bool
	buf   []byte
}

// read reads path, or returns a short reason why it cannot be linted. The
// bytes have one spare byte of capacity, so the lexer needs no copy (see
// Scan).
func (r *sourceReader) read(path string, maxSize int64) ([]byte, string) {
	size, reason := r.readFile(path, maxSize)
	if reason != "" {
		return nil, reason
	}
	src := r.buf[: size : size+1]
	if !r.reuse {
		r.buf = nil
	}
	if bytes.IndexByte(src[:min(len(src), binaryProbe)], 0) >= 0 {
		return nil, "binary file (NUL byte)"
	}
	if !utf8.Valid(src) {
		return nil, "invalid UTF-8 (" + invalidUTF8At(src) + ")"
	}
	return src, ""
}

// grow makes r.buf hold at least n bytes (plus the spare one).
func (r *sourceReader) grow(n int64) {
	if int64(cap(r.buf)) < n+1 {
		r.buf = make([]byte, n+1, max(n+1, 64<<10))
	}
	r.buf = r.buf[:n+1]
}

// tooLarge is the reason given for a file over maxSize.
func tooLarge(size, maxSize int64) string {
	return fmt.Sprintf("file too large (%s; the limit is %s)", formatSize(size), formatSize(maxSize))
}

// describeOpenError explains why path cannot be opened.
func describeOpenError(path string, err error) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "symbolic link loop"
	case errors.Is(err, fs.ErrNotExist):
		if info, lerr := os.Lstat(path); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			return "unreadable: dangling symbolic link"
		}
		return "unreadable: file does not exist"
	}
	return "unreadable: " + describeError(err)
}

// describeError returns the cause of err without the path that the os
// package puts in front of it.
func describeError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// fileKind names the kind of a file that is not regular.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "irregular file"
}

// formatSize writes a byte count for people.
func formatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// invalidUTF8At says where the first invalid UTF-8 byte of src is.
func invalidUTF8At(src []byte) string {
	line := 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Sprintf("first bad byte on line %d", line)
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return "no bad byte found"
}
