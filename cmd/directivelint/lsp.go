package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/url"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aymanbagabas/go-udiff"
	"github.com/spf13/cobra"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/config"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
)

// lspDebounce is how long the language server waits after a change before
// it lints: typing a word lints once.
const lspDebounce = 150 * time.Millisecond

// fixAllKind is the code action kind that applies the safe fixes of a
// document (an editor's "fix all on save").
const fixAllKind protocol.CodeActionKind = "source.fixAll.directivelint"

// lspCommand is `directivelint lsp`: a language server on standard input
// and output, for editors.
func lspCommand(ruleset []*lint.Rule) *cobra.Command {
	return &cobra.Command{
		Use:   "lsp",
		Short: "Run a language server on standard input and output, for editors",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return serveLSP(cmd.Context(), stdio{cmd.InOrStdin(), cmd.OutOrStdout()}, ruleset, lspDebounce)
		},
	}
}

// stdio is standard input and output as one stream; closing it closes neither.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }

// serveLSP serves the language server protocol on rwc until the client
// sends exit or closes the stream. Changes are linted delay after the last one.
func serveLSP(ctx context.Context, rwc io.ReadWriteCloser, ruleset []*lint.Rule, delay time.Duration) error {
	conn := jsonrpc2.NewConn(jsonrpc2.NewStream(rwc))
	s := &lspServer{conn: conn, ruleset: ruleset, delay: delay, docs: map[string]*lspDoc{}, dirty: map[string]bool{}, exited: make(chan struct{}),
		workspaces: map[string]*lspWorkspace{}, changed: map[string]map[string]bool{}, rebuild: map[string]bool{}}
	conn.Go(ctx, cancellable(jsonrpc2.AsyncHandler(jsonrpc2.ReplyHandler(s.handle))))
	// After exit, the connection's reader may still wait on standard
	// input, which the client need not close: do not wait for it.
	select {
	case <-conn.Done():
	case <-s.exited:
	}
	s.stop()
	s.mu.Lock()
	shut := s.shut
	s.mu.Unlock()
	if err := conn.Err(); err != nil && !exited(s.exited) && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrClosedPipe) && !strings.Contains(err.Error(), "closed") {
		return runFailure{fmt.Errorf("language server: %w", err)}
	}
	if !shut { // the protocol's exit status when the client did not shut down first
		return runFailure{errors.New("language server: the client left without a shutdown request")}
	}
	return nil
}

// exited reports whether ch is closed.
func exited(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// cancellable honours $/cancelRequest: the context of the request it
// names is cancelled. (protocol.CancelHandler expects the id decoded as
// int32, which JSON decoding does not give.)
func cancellable(h jsonrpc2.Handler) jsonrpc2.Handler {
	h, cancel := jsonrpc2.CancelHandler(h)
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() != protocol.MethodCancelRequest {
			return h(ctx, reply, req)
		}
		var p struct {
			ID json.RawMessage `json:"id"`
		}
		var n int32
		var str string
		if json.Unmarshal(req.Params(), &p) == nil {
			if json.Unmarshal(p.ID, &n) == nil {
				cancel(jsonrpc2.NewNumberID(n))
			} else if json.Unmarshal(p.ID, &str) == nil {
				cancel(jsonrpc2.NewStringID(str))
			}
		}
		return reply(ctx, nil, nil)
	}
}

// lspServer is the state of the language server: the open documents and
// the lints waiting for the debounce.
type lspServer struct {
	conn    jsonrpc2.Conn
	ruleset []*lint.Rule
	delay   time.Duration

	mu    sync.Mutex
	docs  map[string]*lspDoc // the open documents, by absolute path
	dirty map[string]bool    // the open documents the next pass lints
	timer *time.Timer
	shut  bool // shutdown was asked: only exit is served
	watch bool // the client watches files for us when asked (workspace/didChangeWatchedFiles)

	passMu sync.Mutex // one lint pass at a time
	// workspaces are the lints of the projects of open documents, kept
	// between passes (see lint.Workspace); changed are the files, by
	// project root, whose buffer or content on disk changed since the
	// last pass. Both are the pass's: passMu guards workspaces, s.mu
	// changed.
	workspaces map[string]*lspWorkspace
	changed    map[string]map[string]bool
	rebuild    map[string]bool // project roots whose workspace is out of date ("": all)

	exited   chan struct{} // closed on exit
	exitOnce sync.Once
}

// lspDoc is an open document: the editor's buffer and what its last lint found.
type lspDoc struct {
	uri     protocol.DocumentURI
	version int32
	text    []byte
	root    string // its project's root, "" for none

	linted []byte            // the text diags were found in
	diags  []lint.Diagnostic // valid when linted is not nil
}

// handle answers one request or notification.
func (s *lspServer) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	s.mu.Lock()
	shut := s.shut
	s.mu.Unlock()
	if _, call := req.(*jsonrpc2.Call); shut && call && req.Method() != protocol.MethodShutdown {
		return reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "%s after shutdown", req.Method()))
	}
	if shut && req.Method() != protocol.MethodExit {
		return reply(ctx, nil, nil) // a notification after shutdown: dropped
	}
	switch req.Method() {
	case protocol.MethodInitialize:
		var p protocol.InitializeParams
		if err := decodeParams(req, &p); err != nil {
			return reply(ctx, nil, err)
		}
		if w := p.Capabilities.Workspace; w != nil && w.DidChangeWatchedFiles != nil && w.DidChangeWatchedFiles.DynamicRegistration {
			s.mu.Lock()
			s.watch = true
			s.mu.Unlock()
		}
		return reply(ctx, initializeResult(), nil)
	case protocol.MethodInitialized:
		s.mu.Lock()
		watch := s.watch
		s.mu.Unlock()
		if watch { // a request to the client: not while it waits for us
			go s.registerWatchers(context.WithoutCancel(ctx))
		}
		return reply(ctx, nil, nil)
	case protocol.MethodSetTrace:
		return reply(ctx, nil, nil)
	case protocol.MethodShutdown:
		s.stop()
		s.mu.Lock()
		s.shut = true
		s.mu.Unlock()
		return reply(ctx, nil, nil)
	case protocol.MethodExit:
		err := reply(ctx, nil, nil)
		s.conn.Close()
		s.exitOnce.Do(func() { close(s.exited) })
		return err
	case protocol.MethodTextDocumentDidOpen:
		var p protocol.DidOpenTextDocumentParams
		if err := decodeParams(req, &p); err != nil {
			return reply(ctx, nil, err)
		}
		s.open(p.TextDocument.URI, p.TextDocument.Version, []byte(p.TextDocument.Text))
	case protocol.MethodTextDocumentDidChange:
		var p protocol.DidChangeTextDocumentParams
		if err := decodeParams(req, &p); err != nil {
			return reply(ctx, nil, err)
		}
		if n := len(p.ContentChanges); n > 0 { // full sync: the last change is the whole text
			s.change(p.TextDocument.URI, p.TextDocument.Version, []byte(p.ContentChanges[n-1].Text))
		}
	case protocol.MethodTextDocumentDidSave:
		var p protocol.DidSaveTextDocumentParams
		if err := decodeParams(req, &p); err != nil {
			return reply(ctx, nil, err)
		}
		s.save(p.TextDocument.URI, p.Text)
	case protocol.MethodTextDocumentDidClose:
		var p protocol.DidCloseTextDocumentParams
		if err := decodeParams(req, &p); err != nil {
			return reply(ctx, nil, err)
		}
		s.close(ctx, p.TextDocument.URI)
	case protocol.MethodWorkspaceDidChangeWatchedFiles:
		var p protocol.DidChangeWatchedFilesParams
		if err := decodeParams(req, &p); err != nil {
			return reply(ctx, nil, err)
		}
		s.filesChanged(p.Changes)
	case protocol.MethodWorkspaceDidChangeConfiguration:
		s.filesChanged(nil)
	case protocol.MethodTextDocumentCodeAction:
		var p protocol.CodeActionParams
		if err := decodeParams(req, &p); err != nil {
			return reply(ctx, nil, err)
		}
		actions, err := s.codeActions(ctx, &p)
		return reply(ctx, actions, err)
	default:
		return jsonrpc2.MethodNotFoundHandler(ctx, reply, req)
	}
	return reply(ctx, nil, nil)
}

// decodeParams reads the parameters of req into v.
func decodeParams(req jsonrpc2.Request, v any) error {
	if err := json.Unmarshal(req.Params(), v); err != nil {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s: %v", req.Method(), err)
	}
	return nil
}

// initializeResult says what the server does: full document sync, code
// actions (quick fixes and fix-all).
func initializeResult() *protocol.InitializeResult {
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: true,
				Change:    protocol.TextDocumentSyncKindFull,
				Save:      &protocol.SaveOptions{IncludeText: true},
			},
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix, fixAllKind},
			},
		},
		ServerInfo: &protocol.ServerInfo{Name: "directivelint", Version: versionString()},
	}
}

// watchedFiles are the files whose change may change a lint: sources
// (next.config.* among them), configs, tsconfig.json, package.json and
// pnpm-workspace.yaml (resolution, workspaces), .gitignore (which files
// are linted).
var watchedFiles = []string{
	"**/" + config.FileName,
	"**/{tsconfig,jsconfig}*.json",
	"**/package.json",
	"**/pnpm-workspace.yaml",
	"**/.gitignore",
	"**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}",
}

// registerWatchers asks the client to send workspace/didChangeWatchedFiles
// for watchedFiles: editors watch files only when a server asks.
func (s *lspServer) registerWatchers(ctx context.Context) {
	watchers := make([]protocol.FileSystemWatcher, 0, len(watchedFiles))
	for _, g := range watchedFiles {
		watchers = append(watchers, protocol.FileSystemWatcher{GlobPattern: g})
	}
	params := &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:              "directivelint-watched-files",
		Method:          protocol.MethodWorkspaceDidChangeWatchedFiles,
		RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: watchers},
	}}}
	if _, err := s.conn.Call(ctx, protocol.MethodClientRegisterCapability, params, nil); err != nil {
		s.logMessage(ctx, protocol.MessageTypeWarning, "directivelint: watching files: "+err.Error())
	}
}

// stop cancels the lint waiting for the debounce (shutdown).
func (s *lspServer) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
	}
	clear(s.dirty)
}

// open notes a document the editor opened and lints its project.
func (s *lspServer) open(u protocol.DocumentURI, version int32, text []byte) {
	path, ok := docPath(u)
	if !ok {
		return
	}
	root := resolve.NewResolver(source.ReadProjectFile).ProjectRoot(filepath.Dir(path))
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[path] = &lspDoc{uri: u, version: version, text: text, root: root}
	s.markProject(path)
}

// change notes the new text of an open document and lints its project:
// the change may change what the other open documents import.
func (s *lspServer) change(u protocol.DocumentURI, version int32, text []byte) {
	path, _ := docPath(u)
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[path]; d != nil {
		d.version, d.text = version, text
		s.markProject(path)
	}
}

// save lints the project of a saved document: the files on disk changed.
func (s *lspServer) save(u protocol.DocumentURI, text string) {
	path, _ := docPath(u)
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[path]; d != nil {
		if text != "" {
			d.text = []byte(text)
		}
		s.markProject(path)
	}
}

// close forgets a document, clears its diagnostics and lints the rest of
// its project, which now sees the file on disk instead of the buffer.
func (s *lspServer) close(ctx context.Context, u protocol.DocumentURI) {
	path, ok := docPath(u)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.docs[path] != nil {
		s.markProject(path)
		delete(s.docs, path)
		delete(s.dirty, path)
	}
	s.publish(ctx, u, 0, nil)
}

// docPath returns the path of the file a document is; ok is false for a
// document that is not a file (untitled:, a diff view's git:), which the
// server does not lint. (uri.URI.Filename panics on those.)
func docPath(u protocol.DocumentURI) (path string, ok bool) {
	if p, err := url.ParseRequestURI(string(u)); err != nil || p.Scheme != uri.FileScheme {
		return "", false
	}
	return u.Filename(), true
}

// markProject marks the open documents of path's project to be linted
// after the debounce. s.mu is held.
func (s *lspServer) markProject(path string) {
	root := s.docs[path].root
	s.noteChange(root, path)
	for p, d := range s.docs {
		if p == path || (root != "" && d.root == root) {
			s.dirty[p] = true
		}
	}
	s.resetTimer()
}

// noteChange notes that the file at path, of the project at root, changed:
// the next pass checks it again. s.mu is held.
func (s *lspServer) noteChange(root, path string) {
	if s.changed[root] == nil {
		s.changed[root] = map[string]bool{}
	}
	s.changed[root][path] = true
}

// resetTimer starts the debounce again. s.mu is held.
func (s *lspServer) resetTimer() {
	if s.timer == nil {
		s.timer = time.AfterFunc(s.delay, s.pass)
		return
	}
	s.timer.Reset(s.delay)
}

// pass lints the documents marked dirty and publishes their diagnostics:
// those of a project through its workspace, brought up to date with the
// files that changed; a document in no project on its own.
func (s *lspServer) pass() {
	s.passMu.Lock()
	defer s.passMu.Unlock()
	s.mu.Lock()
	roots := map[string]bool{}
	var alone []string
	for p := range s.dirty {
		if d := s.docs[p]; d != nil && d.root != "" {
			roots[d.root] = true
		} else if d != nil {
			alone = append(alone, p)
		}
	}
	clear(s.dirty)
	changed, rebuild := s.changed, s.rebuild
	s.changed, s.rebuild = map[string]map[string]bool{}, map[string]bool{}
	s.mu.Unlock()
	for root := range s.workspaces {
		if rebuild[""] || rebuild[root] {
			delete(s.workspaces, root)
		}
	}
	ctx := context.Background()
	for _, root := range slices.Sorted(maps.Keys(roots)) {
		s.passProject(ctx, root, changed[root])
	}
	slices.Sort(alone)
	for _, path := range alone {
		s.passAlone(ctx, path)
	}
}

// passProject brings the workspace of the project at root up to date with
// the files of changed and publishes the diagnostics of its open
// documents that changed.
func (s *lspServer) passProject(ctx context.Context, root string, changed map[string]bool) {
	s.mu.Lock()
	open := map[string][]byte{}
	for p, d := range s.docs {
		if d.root == root {
			open[p] = d.text
		}
	}
	s.mu.Unlock()
	lw := s.workspaces[root]
	for path := range changed {
		if lw != nil && !lw.ws.Update(path, open[path]) && open[path] != nil && !lw.ignored[path] {
			lw = nil // a new file: read the project again
		}
	}
	if lw == nil {
		var err error
		if lw, err = s.newWorkspace(root, open); err != nil {
			s.logMessage(ctx, protocol.MessageTypeError, fmt.Sprintf("directivelint: %s: %v", root, err))
			return
		}
		s.workspaces[root] = lw
	}
	// The documents that changed first, published before the others are
	// linted: each document costs a run of the graph rules.
	var first, rest []string
	for p := range open {
		if lw.ignored[p] {
			continue
		}
		if changed[p] {
			first = append(first, p)
		} else {
			rest = append(rest, p)
		}
	}
	slices.Sort(first)
	slices.Sort(rest)
	for _, paths := range [][]string{first, rest} {
		s.publishProject(ctx, lw, paths, open)
	}
}

// publishProject lints the open documents of paths, with texts open, in
// their workspace, and publishes the diagnostics that changed.
func (s *lspServer) publishProject(ctx context.Context, lw *lspWorkspace, paths []string, open map[string][]byte) {
	if len(paths) == 0 {
		return
	}
	pathOf := map[string]string{} // display → path
	displays := make([]string, 0, len(paths))
	for _, p := range paths {
		display := lw.ws.Display(p)
		pathOf[display] = p
		displays = append(displays, display)
	}
	byPath := map[string][]lint.Diagnostic{}
	for display, diags := range lw.ws.DiagnosticsOf(displays) {
		byPath[pathOf[display]] = diags
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range paths {
		text := open[p]
		d := s.docs[p]
		if d == nil || !bytes.Equal(d.text, text) {
			continue // closed or changed since: the next pass publishes it
		}
		diags := byPath[p]
		if d.linted != nil && reflect.DeepEqual(d.diags, diags) {
			d.linted = text
			continue // nothing new to say
		}
		d.linted, d.diags = text, diags
		s.publish(ctx, d.uri, d.version, diags)
	}
}

// lspWorkspace is the workspace of a project, with its open documents that
// its config ignores (they get no diagnostics).
type lspWorkspace struct {
	ws      *lint.Workspace
	ignored map[string]bool
}

// newWorkspace lints the project at root, with the buffers of its open
// documents (those not on disk yet too), into a workspace.
func (s *lspServer) newWorkspace(root string, open map[string][]byte) (*lspWorkspace, error) {
	opts, rc, err := configure(integrationFlags{}, nil, false, s.ruleset)
	if err != nil {
		return nil, err
	}
	targets, _, err := lintTargets([]string{root}, integrationFlags{}, rc, &opts)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, t := range targets {
		known[t.Path] = true
	}
	lw := &lspWorkspace{ignored: map[string]bool{}}
	for _, t := range opts.Context {
		lw.ignored[t.Path] = true
	}
	for p := range open {
		if !known[p] && !lw.ignored[p] {
			if ch, err := rc.tree.For(p); err == nil && ch.Ignored(rc.tree.Abs(p)) {
				lw.ignored[p] = true
				continue
			}
			targets = append(targets, discover.Stdin(p)) // a buffer not saved yet
		}
	}
	opts.Sources = open
	lw.ws = lint.NewWorkspace(targets, opts)
	return lw, nil
}

// passAlone lints an open document that belongs to no project, and
// publishes its diagnostics.
func (s *lspServer) passAlone(ctx context.Context, path string) {
	s.mu.Lock()
	d := s.docs[path]
	if d == nil {
		s.mu.Unlock()
		return
	}
	u, version, text, open := d.uri, d.version, d.text, s.buffers()
	s.mu.Unlock()
	res, err := s.lint(path, text, open, lint.FixOff)
	if err != nil {
		s.logMessage(ctx, protocol.MessageTypeError, fmt.Sprintf("directivelint: %s: %v", path, err))
		return
	}
	display := discover.DisplayPath(path)
	for _, n := range res.Notices { // the document's own
		if n.Path == display {
			s.logMessage(ctx, protocol.MessageTypeWarning, "directivelint: "+n.Path+": "+n.Text)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.docs[path] == d { // still open: published under s.mu, so a close cannot come in between
		d.linted, d.diags = text, res.Diagnostics
		s.publish(ctx, u, version, res.Diagnostics)
	}
}

// filesChanged notes files changed outside the editor (nil: the
// configuration): a file's content is checked again at the next pass; a
// file created or deleted, or a project file (package.json, tsconfig.json,
// directivelint.json, next.config), makes its project be read again.
func (s *lspServer) filesChanged(events []*protocol.FileEvent) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if events == nil {
		s.rebuild[""] = true
	}
	for _, e := range events {
		path, ok := docPath(e.URI)
		if !ok {
			continue
		}
		for _, d := range s.docs {
			if d.root == "" || !strings.HasPrefix(path, d.root+string(filepath.Separator)) {
				continue
			}
			if e.Type != protocol.FileChangeTypeChanged || isProjectFile(filepath.Base(path)) {
				s.rebuild[d.root] = true
			} else if s.docs[path] == nil { // an open document's buffer wins
				s.noteChange(d.root, path)
			}
		}
	}
	for path := range s.docs {
		s.dirty[path] = true
	}
	s.resetTimer()
}

// isProjectFile reports whether a file of this name configures the
// project: a change to it may change every file's diagnostics.
func isProjectFile(name string) bool {
	switch name {
	case "package.json", "pnpm-workspace.yaml", config.FileName, ".gitignore":
		return true
	}
	return strings.HasSuffix(name, ".json") && (strings.HasPrefix(name, "tsconfig") || strings.HasPrefix(name, "jsconfig")) ||
		strings.HasPrefix(name, "next.config.")
}

// buffers returns the text of every open document, by path. s.mu is held.
func (s *lspServer) buffers() map[string][]byte {
	open := make(map[string][]byte, len(s.docs))
	for p, d := range s.docs {
		open[p] = d.text
	}
	return open
}

// lint lints text as the file at path, with the rest of its project (the
// open documents' buffers, else the files on disk) for the module graph,
// as a run of the command line would with --stdin-filename.
func (s *lspServer) lint(path string, text []byte, open map[string][]byte, fix lint.FixMode) (*lint.Result, error) {
	opts, rc, err := configure(integrationFlags{}, nil, false, s.ruleset)
	if err != nil {
		return nil, err
	}
	opts.Fix = fix
	opts.Resolver = resolve.NewResolver(source.ReadProjectFile)
	run, err := rc.tree.For(path) // the document's config holds for the whole lint
	if err != nil {
		return nil, err
	}
	targets, err := bufferTargets(discover.Stdin(path), text, true, rc, run, &opts)
	if err != nil || len(targets) == 0 { // an error, or a file its config ignores
		return &lint.Result{}, err
	}
	for p, src := range open {
		if p != path {
			opts.Sources[p] = src
		}
	}
	return lint.Run(targets, opts), nil
}

// publish sends the diagnostics of a document.
func (s *lspServer) publish(ctx context.Context, u protocol.DocumentURI, version int32, diags []lint.Diagnostic) {
	out := make([]protocol.Diagnostic, 0, len(diags))
	for _, d := range diags {
		out = append(out, lspDiagnostic(d))
	}
	_ = s.conn.Notify(ctx, protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{
		URI: u, Version: uint32(max(version, 0)), Diagnostics: out,
	})
}

// logMessage shows text in the editor's log.
func (s *lspServer) logMessage(ctx context.Context, typ protocol.MessageType, text string) {
	_ = s.conn.Notify(ctx, protocol.MethodWindowLogMessage, &protocol.LogMessageParams{Type: typ, Message: text})
}

// lspDiagnostic converts a diagnostic: the rule ID as its code, linked to
// the rule's page, and the import chain as related information.
func lspDiagnostic(d lint.Diagnostic) protocol.Diagnostic {
	end := d.End
	if end.Line == 0 {
		end = d.Pos
	}
	out := protocol.Diagnostic{
		Range:           protocol.Range{Start: lspPosition(d.Pos), End: lspPosition(end)},
		Severity:        protocol.DiagnosticSeverityWarning,
		Code:            d.Rule,
		CodeDescription: &protocol.CodeDescription{Href: uri.URI(lint.DocsURL + d.Rule + ".md")},
		Source:          "directivelint",
		Message:         d.Message,
	}
	if d.Severity == lint.SeverityError {
		out.Severity = protocol.DiagnosticSeverityError
	}
	for _, r := range d.Related {
		abs, err := filepath.Abs(r.File)
		if err != nil {
			continue
		}
		p := lspPosition(r.Pos)
		out.RelatedInformation = append(out.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: uri.File(abs), Range: protocol.Range{Start: p, End: p}},
			Message:  r.Message,
		})
	}
	return out
}

// lspPosition converts a 1-based line and UTF-16 column to the protocol's
// 0-based ones.
func lspPosition(p js.Position) protocol.Position {
	return protocol.Position{Line: uint32(max(p.Line-1, 0)), Character: uint32(max(p.Column-1, 0))}
}

// codeActions returns, for the diagnostics in the requested range, the
// rule's fix and "Disable RULE for this line", and the document's fix-all.
func (s *lspServer) codeActions(ctx context.Context, p *protocol.CodeActionParams) ([]protocol.CodeAction, error) {
	path, _ := docPath(p.TextDocument.URI)
	s.mu.Lock()
	d := s.docs[path]
	if d == nil {
		s.mu.Unlock()
		return []protocol.CodeAction{}, nil
	}
	text, diags, fresh, open := d.text, d.diags, d.linted != nil && bytes.Equal(d.linted, d.text), s.buffers()
	s.mu.Unlock()
	if !fresh { // a change not linted yet: the positions would be wrong
		res, err := s.lint(path, text, open, lint.FixOff)
		if err != nil {
			return nil, err
		}
		diags = res.Diagnostics
	}
	if ctx.Err() != nil {
		return nil, protocol.ErrRequestCancelled
	}
	f := &js.File{Source: text}
	edit := func(edits ...protocol.TextEdit) *protocol.WorkspaceEdit {
		return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{p.TextDocument.URI: edits}}
	}
	actions := []protocol.CodeAction{}
	safeFixes := false
	for _, d := range diags {
		safeFixes = safeFixes || (d.Fix != nil && d.Fix.Safe)
		ld := lspDiagnostic(d)
		if ld.Range.End.Line < p.Range.Start.Line || ld.Range.Start.Line > p.Range.End.Line || !wants(p.Context.Only, protocol.QuickFix) {
			continue
		}
		if d.Fix != nil && len(d.Fix.Edits) > 0 {
			a := protocol.CodeAction{Title: d.Fix.Message, Kind: protocol.QuickFix, Diagnostics: []protocol.Diagnostic{ld}, IsPreferred: d.Fix.Safe}
			if !d.Fix.Safe {
				a.Title += " (unsafe)"
			}
			var edits []protocol.TextEdit
			for _, e := range d.Fix.Edits {
				edits = append(edits, protocol.TextEdit{Range: spanRange(f, e.Span), NewText: e.NewText})
			}
			a.Edit = edit(edits...)
			actions = append(actions, a)
		}
		actions = append(actions, protocol.CodeAction{
			Title:       "Disable " + d.Rule + " for this line",
			Kind:        protocol.QuickFix,
			Diagnostics: []protocol.Diagnostic{ld},
			Edit:        edit(disableNextLine(text, d)),
		})
	}
	if explicit := slices.ContainsFunc(p.Context.Only, func(k protocol.CodeActionKind) bool { return wants([]protocol.CodeActionKind{k}, fixAllKind) }); explicit || (len(p.Context.Only) == 0 && safeFixes) {
		res, err := s.lint(path, text, open, lint.FixSafeOnly)
		if err != nil {
			return nil, err
		}
		if len(res.Fixed) > 0 {
			var edits []protocol.TextEdit
			for _, e := range udiff.Strings(string(text), string(res.Fixed[0].After)) {
				edits = append(edits, protocol.TextEdit{Range: spanRange(f, js.Span{Start: e.Start, End: e.End}), NewText: e.New})
			}
			actions = append(actions, protocol.CodeAction{Title: "Fix all safely fixable directivelint problems", Kind: fixAllKind, Edit: edit(edits...)})
		}
	}
	return actions, nil
}

// wants reports whether a code action of kind is asked for by only (the
// request's filter; empty asks for all): a kind covers its sub-kinds.
func wants(only []protocol.CodeActionKind, kind protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	return slices.ContainsFunc(only, func(o protocol.CodeActionKind) bool {
		return kind == o || strings.HasPrefix(string(kind), string(o)+".")
	})
}

// spanRange converts a byte range of f's source to a protocol range.
func spanRange(f *js.File, sp js.Span) protocol.Range {
	return protocol.Range{Start: lspPosition(f.Position(sp.Start)), End: lspPosition(f.Position(sp.End))}
}

// disableNextLine is the edit that suppresses d: a
// directivelint-disable-next-line comment above its line, indented like it.
func disableNextLine(text []byte, d lint.Diagnostic) protocol.TextEdit {
	start := min(max(d.Span.Start, 0), len(text))
	for start > 0 && text[start-1] != '\n' && text[start-1] != '\r' {
		start--
	}
	indent := start
	for indent < len(text) && (text[indent] == ' ' || text[indent] == '\t') {
		indent++
	}
	eol := "\n"
	if bytes.Contains(text, []byte("\r\n")) {
		eol = "\r\n"
	}
	at := lspPosition(js.Position{Line: d.Pos.Line, Column: 1})
	return protocol.TextEdit{
		Range:   protocol.Range{Start: at, End: at},
		NewText: string(text[start:indent]) + "// directivelint-disable-next-line " + d.Rule + eol,
	}
}
