package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/rules"
)

// lspWait bounds every wait for a notification: a guard against a hang,
// not a timing assertion.
const lspWait = 30 * time.Second

// pipeRWC joins the read end of one pipe and the write end of another.
type pipeRWC struct {
	io.Reader
	io.WriteCloser
}

// lspClient is the editor side of a test: the library's client connection
// to a server running over pipes, and the diagnostics it was sent.
type lspClient struct {
	t      testing.TB
	server protocol.Server
	done   chan error

	mu         sync.Mutex
	latest     map[protocol.DocumentURI][]protocol.Diagnostic
	changed    chan struct{}
	registered chan protocol.RegistrationParams
}

// startLSP runs the language server over pipes, initialized.
func startLSP(t *testing.T) *lspClient {
	t.Helper()
	return startLSPWith(t, 10*time.Millisecond)
}

// startLSPWith is startLSP with the server's debounce delay.
func startLSPWith(t testing.TB, delay time.Duration) *lspClient {
	t.Helper()
	toServer, fromClient := io.Pipe()
	toClient, fromServer := io.Pipe()
	c := &lspClient{t: t, done: make(chan error, 1), latest: map[protocol.DocumentURI][]protocol.Diagnostic{}, changed: make(chan struct{}, 1), registered: make(chan protocol.RegistrationParams, 1)}
	go func() {
		c.done <- serveLSP(context.Background(), pipeRWC{toServer, fromServer}, rules.All(), delay)
		fromServer.Close()
	}()
	conn := jsonrpc2.NewConn(jsonrpc2.NewStream(pipeRWC{toClient, fromClient}))
	conn.Go(context.Background(), func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() == protocol.MethodClientRegisterCapability {
			var p protocol.RegistrationParams
			if err := json.Unmarshal(req.Params(), &p); err != nil {
				t.Errorf("registerCapability: %v", err)
			}
			c.registered <- p
		}
		if req.Method() == protocol.MethodTextDocumentPublishDiagnostics {
			var p protocol.PublishDiagnosticsParams
			if err := json.Unmarshal(req.Params(), &p); err != nil {
				t.Errorf("publishDiagnostics: %v", err)
			}
			c.mu.Lock()
			c.latest[p.URI] = p.Diagnostics
			c.mu.Unlock()
			select {
			case c.changed <- struct{}{}:
			default:
			}
		}
		return reply(ctx, nil, nil)
	})
	t.Cleanup(func() { conn.Close(); fromClient.Close() })
	c.server = protocol.ServerDispatcher(conn, zap.NewNop())
	res, err := c.server.Initialize(context.Background(), &protocol.InitializeParams{Capabilities: protocol.ClientCapabilities{
		Workspace: &protocol.WorkspaceClientCapabilities{DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesWorkspaceClientCapabilities{DynamicRegistration: true}},
	}})
	if err != nil {
		t.Fatalf("initialize: %v", err)
	}
	if res.ServerInfo == nil || res.ServerInfo.Name != "directivelint" {
		t.Fatalf("initialize: server info %+v", res.ServerInfo)
	}
	if err := c.server.Initialized(context.Background(), &protocol.InitializedParams{}); err != nil {
		t.Fatalf("initialized: %v", err)
	}
	return c
}

// waitDiags waits until the last diagnostics published for u satisfy ok.
func (c *lspClient) waitDiags(u protocol.DocumentURI, what string, ok func([]protocol.Diagnostic) bool) []protocol.Diagnostic {
	c.t.Helper()
	timeout := time.After(lspWait)
	for {
		c.mu.Lock()
		diags, seen := c.latest[u]
		c.mu.Unlock()
		if seen && ok(diags) {
			return diags
		}
		select {
		case <-c.changed:
		case <-timeout:
			c.t.Fatalf("%s: no such diagnostics were published for %s; the last: %+v", what, u, diags)
		}
	}
}

// hasRule returns a check that the diagnostics hold one of rule.
func hasRule(rule string) func([]protocol.Diagnostic) bool {
	return func(diags []protocol.Diagnostic) bool {
		return slices.ContainsFunc(diags, func(d protocol.Diagnostic) bool { return d.Code == rule })
	}
}

// none is a check that there are no diagnostics.
func none(diags []protocol.Diagnostic) bool { return len(diags) == 0 }

func (c *lspClient) open(u protocol.DocumentURI, text string) {
	c.t.Helper()
	err := c.server.DidOpen(context.Background(), &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: u, LanguageID: "typescriptreact", Version: 1, Text: text}})
	if err != nil {
		c.t.Fatal(err)
	}
}

func (c *lspClient) change(u protocol.DocumentURI, version int32, text string) {
	c.t.Helper()
	err := c.server.DidChange(context.Background(), &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: text}},
	})
	if err != nil {
		c.t.Fatal(err)
	}
}

func (c *lspClient) codeActions(u protocol.DocumentURI, r protocol.Range, only ...protocol.CodeActionKind) []protocol.CodeAction {
	c.t.Helper()
	actions, err := c.server.CodeAction(context.Background(), &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: r, Context: protocol.CodeActionContext{Only: only}})
	if err != nil {
		c.t.Fatalf("codeAction: %v", err)
	}
	return actions
}

// shutdown ends the session as an editor does, and checks the server stops.
func (c *lspClient) shutdown() {
	c.t.Helper()
	if err := c.server.Shutdown(context.Background()); err != nil {
		c.t.Fatalf("shutdown: %v", err)
	}
	if err := c.server.Exit(context.Background()); err != nil {
		c.t.Fatalf("exit: %v", err)
	}
	select {
	case err := <-c.done:
		if err != nil {
			c.t.Fatalf("server: %v", err)
		}
	case <-time.After(lspWait):
		c.t.Fatal("the server did not stop after exit")
	}
}

// applyEdits applies the protocol edits of one document to text, last first.
func applyEdits(t *testing.T, text string, edits []protocol.TextEdit) string {
	t.Helper()
	offset := func(p protocol.Position) int {
		lines := strings.SplitAfter(text, "\n")
		off := 0
		for i := 0; i < int(p.Line) && i < len(lines); i++ {
			off += len(lines[i])
		}
		return off + int(p.Character) // the fixtures are ASCII
	}
	slices.SortFunc(edits, func(a, b protocol.TextEdit) int { return offset(b.Range.Start) - offset(a.Range.Start) })
	for _, e := range edits {
		text = text[:offset(e.Range.Start)] + e.NewText + text[offset(e.Range.End):]
	}
	return text
}

// lspProject writes a small Next.js project and returns its directory.
func lspProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["package.json"] = `{"name": "p", "dependencies": {"next": "15.0.0"}}`
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLSPDocumentLifecycle(t *testing.T) {
	dir := lspProject(t, map[string]string{"page.tsx": "export const a = 1;\n"})
	c := startLSP(t)
	page := uri.File(filepath.Join(dir, "page.tsx"))

	c.open(page, "export const a = 1;\n")
	c.waitDiags(page, "open, clean", none)

	// The unsaved buffer is linted, not the file on disk.
	c.change(page, 2, "`use client`;\nexport const a = 1;\n")
	diags := c.waitDiags(page, "change", hasRule("directive-syntax"))
	d := diags[0]
	if d.Source != "directivelint" || d.Severity != protocol.DiagnosticSeverityError ||
		d.CodeDescription == nil || string(d.CodeDescription.Href) != lint.DocsURL+"directive-syntax.md" ||
		d.Range.Start != (protocol.Position{Line: 0, Character: 0}) || !strings.Contains(d.Message, "template literal") {
		t.Errorf("diagnostic: %+v", d)
	}

	// Saving the buffer keeps the report; closing clears it.
	if err := os.WriteFile(filepath.Join(dir, "page.tsx"), []byte("`use client`;\nexport const a = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.change(page, 3, "export const a = 1;\n") // cleared, then the save brings back the file on disk
	c.waitDiags(page, "change back", none)
	if err := c.server.DidSave(context.Background(), &protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: page}, Text: "`use client`;\nexport const a = 1;\n"}); err != nil {
		t.Fatal(err)
	}
	c.waitDiags(page, "save", hasRule("directive-syntax"))
	if err := c.server.DidClose(context.Background(), &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: page}}); err != nil {
		t.Fatal(err)
	}
	c.waitDiags(page, "close", none)
	c.shutdown()
}

func TestLSPCodeActions(t *testing.T) {
	text := "export function f() {\n  `use client`;\n}\n"
	moved := "import { a } from './a';\n'use client';\nexport const y = a;\n"
	dir := lspProject(t, map[string]string{"f.tsx": text, "a.ts": "export const a = 1;\n", "moved.tsx": moved})
	c := startLSP(t)
	f := uri.File(filepath.Join(dir, "f.tsx"))
	c.open(f, text)
	diag := c.waitDiags(f, "open", hasRule("directive-syntax"))[0]

	actions := c.codeActions(f, diag.Range)
	var fix, disable *protocol.CodeAction
	for i := range actions {
		switch a := &actions[i]; {
		case a.Kind == protocol.QuickFix && strings.HasPrefix(a.Title, "Disable directive-syntax"):
			disable = a
		case a.Kind == protocol.QuickFix:
			fix = a
		}
	}
	if fix == nil || disable == nil || !fix.IsPreferred || strings.Contains(fix.Title, "(unsafe)") {
		t.Fatalf("code actions: %+v", actions)
	}

	// The disable comment goes above the line, indented like it.
	disabled := applyEdits(t, text, disable.Edit.Changes[f])
	if want := "export function f() {\n  // directivelint-disable-next-line directive-syntax\n  `use client`;\n}\n"; disabled != want {
		t.Errorf("disable comment:\n%s\nwant:\n%s", disabled, want)
	}

	// Applying the fix clears the report.
	fixed := applyEdits(t, text, fix.Edit.Changes[f])
	if !strings.Contains(fixed, `"use client";`) {
		t.Errorf("fixed text:\n%s", fixed)
	}
	c.change(f, 2, fixed)
	c.waitDiags(f, "after the fix", func(diags []protocol.Diagnostic) bool { return !hasRule("directive-syntax")(diags) })

	// An unsafe fix says so in its title and is not preferred.
	m := uri.File(filepath.Join(dir, "moved.tsx"))
	c.open(m, moved)
	diag = c.waitDiags(m, "open moved", hasRule("directive-position"))[0]
	actions = c.codeActions(m, diag.Range, protocol.QuickFix)
	if !slices.ContainsFunc(actions, func(a protocol.CodeAction) bool {
		return strings.HasSuffix(a.Title, "(unsafe)") && !a.IsPreferred && a.Edit != nil
	}) {
		t.Errorf("no unsafe fix in %+v", actions)
	}
	c.shutdown()
}

func TestLSPFixAll(t *testing.T) {
	text := "`use client`;\nexport function f() {\n  `use server`;\n  return 1;\n}\n"
	dir := lspProject(t, map[string]string{})
	c := startLSP(t)
	f := uri.File(filepath.Join(dir, "f.tsx")) // never saved: the buffer only
	c.open(f, text)
	c.waitDiags(f, "open", func(diags []protocol.Diagnostic) bool { return len(diags) == 2 })
	actions := c.codeActions(f, protocol.Range{}, fixAllKind)
	if len(actions) != 1 || actions[0].Kind != fixAllKind {
		t.Fatalf("fix-all: %+v", actions)
	}
	fixed := applyEdits(t, text, actions[0].Edit.Changes[f])
	c.change(f, 2, fixed)
	c.waitDiags(f, "after fix-all", func(diags []protocol.Diagnostic) bool { return !hasRule("directive-syntax")(diags) })
	if got := c.codeActions(f, protocol.Range{}, fixAllKind); len(got) != 0 {
		t.Errorf("fix-all with nothing to fix: %+v", got)
	}
	c.shutdown()
}

func TestLSPGraphAcrossOpenDocuments(t *testing.T) {
	client := "'use client';\nimport { x } from './helper';\nexport function C() { return x; }\n"
	helper := "export const x = 1;\n"
	dir := lspProject(t, map[string]string{"client.tsx": client, "helper.ts": helper})
	c := startLSP(t)
	cu, hu := uri.File(filepath.Join(dir, "client.tsx")), uri.File(filepath.Join(dir, "helper.ts"))
	c.open(cu, client)
	c.open(hu, helper)
	c.waitDiags(cu, "open client", none)
	c.waitDiags(hu, "open helper", none)

	// The helper's unsaved buffer imports server-only: the client component lights up.
	c.change(hu, 2, "import 'server-only';\n"+helper)
	diags := c.waitDiags(cu, "client after the helper's change", hasRule("server-only-in-client"))
	if d := diags[0]; d.Range.Start.Line != 1 {
		t.Errorf("reported at %+v, want the import of the helper (line 2)", d.Range)
	}
	hd := c.waitDiags(hu, "helper after its change", hasRule("server-only-in-client"))
	if related := hd[0].RelatedInformation; len(related) == 0 || related[0].Location.URI != cu {
		t.Errorf("related information: %+v, want the client's import", related)
	}

	// Taking it out again clears both.
	c.change(hu, 3, helper)
	c.waitDiags(cu, "client after the undo", none)
	c.waitDiags(hu, "helper after the undo", none)
	c.shutdown()
}

func TestLSPConfigChange(t *testing.T) {
	text := "`use client`;\nexport const a = 1;\n"
	dir := lspProject(t, map[string]string{"f.tsx": text})
	c := startLSP(t)
	f := uri.File(filepath.Join(dir, "f.tsx"))
	c.open(f, text)
	c.waitDiags(f, "open", hasRule("directive-syntax"))

	// The server asked to be told of changes to config files.
	select {
	case p := <-c.registered:
		if len(p.Registrations) != 1 || p.Registrations[0].Method != protocol.MethodWorkspaceDidChangeWatchedFiles ||
			!strings.Contains(fmt.Sprint(p.Registrations[0].RegisterOptions), "**/directivelint.json") {
			t.Errorf("registration: %+v", p)
		}
	case <-time.After(lspWait):
		t.Fatal("the server registered no file watchers")
	}
	if err := os.WriteFile(filepath.Join(dir, "directivelint.json"), []byte(`{"rules": {"directive-syntax": "warn"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := c.server.DidChangeWatchedFiles(context.Background(), &protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{{URI: uri.File(filepath.Join(dir, "directivelint.json")), Type: protocol.FileChangeTypeCreated}}}); err != nil {
		t.Fatal(err)
	}
	c.waitDiags(f, "config: warn", func(diags []protocol.Diagnostic) bool {
		return len(diags) == 1 && diags[0].Severity == protocol.DiagnosticSeverityWarning
	})

	if err := os.WriteFile(filepath.Join(dir, "directivelint.json"), []byte(`{"rules": {"directive-syntax": "off"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := c.server.DidChangeConfiguration(context.Background(), &protocol.DidChangeConfigurationParams{}); err != nil {
		t.Fatal(err)
	}
	c.waitDiags(f, "config: off", none)
	c.shutdown()
}

func TestLSPUnknownMethodAndDocument(t *testing.T) {
	c := startLSP(t)
	if _, err := c.server.Request(context.Background(), "directivelint/unknown", nil); err == nil {
		t.Error("an unknown request was answered without an error")
	}
	// A document that is not a file is not linted, and does not stop the server.
	untitled := protocol.DocumentURI("untitled:Untitled-1")
	c.open(untitled, "`use client`;\n")
	c.change(untitled, 2, "`use server`;\n")
	if got := c.codeActions(untitled, protocol.Range{}); len(got) != 0 {
		t.Errorf("code actions of an untitled document: %+v", got)
	}
	dir := lspProject(t, map[string]string{})
	f := uri.File(filepath.Join(dir, "f.tsx"))
	c.open(f, "`use client`;\n")
	c.waitDiags(f, "open after the untitled document", hasRule("directive-syntax"))
	c.shutdown()
}

func TestLSPExitWithoutShutdown(t *testing.T) {
	c := startLSP(t)
	if err := c.server.Exit(context.Background()); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-c.done:
		if err == nil || !strings.Contains(err.Error(), "without a shutdown") {
			t.Errorf("server: %v, want an error", err)
		}
	case <-time.After(lspWait):
		t.Fatal("the server did not stop after exit")
	}
}

func TestLSPRequestAfterShutdown(t *testing.T) {
	c := startLSP(t)
	if err := c.server.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := c.server.CodeAction(context.Background(), &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri.File("/x.tsx")}}); err == nil {
		t.Error("a request after shutdown was answered without an error")
	}
	c.shutdown() // a second shutdown is answered, then exit
}

// BenchmarkLSPLint measures one lint of an open document after the first,
// the document's whole project read for the module graph: the file named
// by DIRECTIVELINT_LSP_BENCH (a file of a large project, read-only).
func BenchmarkLSPLint(b *testing.B) {
	path := os.Getenv("DIRECTIVELINT_LSP_BENCH")
	if path == "" {
		b.Skip("set DIRECTIVELINT_LSP_BENCH to a file of a large project")
	}
	text, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	s := &lspServer{ruleset: rules.All()}
	if _, err := s.lint(path, text, nil, lint.FixOff); err != nil { // the first: cold caches
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var res *lint.Result
	for b.Loop() {
		if res, err = s.lint(path, text, nil, lint.FixOff); err != nil {
			b.Fatal(err)
		}
	}
	// What stays in memory between two lints: the server keeps the
	// document and its diagnostics, nothing of the graph.
	b.StopTimer()
	diags := res.Diagnostics
	res = nil
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "MiB-held")
	runtime.KeepAlive(diags)
}

func TestLSPCancelRequest(t *testing.T) {
	started, cancelled := make(chan struct{}), make(chan error, 1)
	h := cancellable(func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		close(started)
		<-ctx.Done()
		cancelled <- ctx.Err()
		return reply(ctx, nil, ctx.Err())
	})
	noReply := func(context.Context, any, error) error { return nil }
	call, err := jsonrpc2.NewCall(jsonrpc2.NewNumberID(7), protocol.MethodTextDocumentCodeAction, nil)
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = h(context.Background(), noReply, call) }()
	<-started
	cancel, err := jsonrpc2.NewNotification(protocol.MethodCancelRequest, map[string]any{"id": 7})
	if err != nil {
		t.Fatal(err)
	}
	if err := h(context.Background(), noReply, cancel); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-cancelled:
		if err == nil {
			t.Error("the request's context was not cancelled")
		}
	case <-time.After(lspWait):
		t.Fatal("$/cancelRequest did not cancel the request")
	}
}

// TestLSPFileChangedOnDisk: a file that is not open changes on disk (a
// git checkout, another editor); the client tells the server, and the open
// client component that imports it lights up. Then a new file that the
// client component starts importing (created on disk) is read too.
func TestLSPFileChangedOnDisk(t *testing.T) {
	client := "'use client';\nimport { x } from './helper';\nexport function C() { return x; }\n"
	dir := lspProject(t, map[string]string{"client.tsx": client, "helper.ts": "export const x = 1;\n"})
	c := startLSP(t)
	cu := uri.File(filepath.Join(dir, "client.tsx"))
	c.open(cu, client)
	c.waitDiags(cu, "open", none)

	helper := filepath.Join(dir, "helper.ts")
	if err := os.WriteFile(helper, []byte("import 'server-only';\nexport const x = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	changed := func(path string, typ protocol.FileChangeType) {
		t.Helper()
		if err := c.server.DidChangeWatchedFiles(context.Background(), &protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{{URI: uri.File(path), Type: typ}}}); err != nil {
			t.Fatal(err)
		}
	}
	changed(helper, protocol.FileChangeTypeChanged)
	c.waitDiags(cu, "after the helper changed on disk", hasRule("server-only-in-client"))

	// The client now imports a file created on disk after the project was read.
	other := filepath.Join(dir, "other.ts")
	if err := os.WriteFile(other, []byte("import 'server-only';\nexport const y = 2;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	changed(other, protocol.FileChangeTypeCreated)
	if err := os.WriteFile(helper, []byte("export const x = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	changed(helper, protocol.FileChangeTypeChanged)
	c.change(cu, 2, "'use client';\nimport { y } from './other';\nexport function C() { return y; }\n")
	diags := c.waitDiags(cu, "importing the new file", hasRule("server-only-in-client"))
	if d := diags[0]; d.Range.Start.Line != 1 {
		t.Errorf("reported at %+v, want the import of other.ts (line 2)", d.Range)
	}
	c.shutdown()
}
