package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/graph"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"

	"github.com/spf13/cobra"
)

// graphFlags holds the flags of `directivelint graph`.
type graphFlags struct {
	format  string
	verbose bool
}

// newGraphCommand returns the `graph` command: it prints the client/server
// classification of the modules and the boundary edges.
func newGraphCommand() *cobra.Command {
	var f graphFlags
	cmd := &cobra.Command{
		Use:   "graph [flags] [PATH...]",
		Short: "Print the module graph: which modules are client or server code, and why",
		Long: `graph resolves the imports of the files under PATH (default: the current
directory), like TypeScript and bundlers do, and prints each module's
classification:

  client   a 'use client' module, or a module one reaches through imports
           (a 'use server' module stops the walk: it becomes a reference)
  server   a Next.js app/ route file (page, layout, route…) or a module one
           reaches without crossing a 'use client' module
  shared   both (the rules treat it as client code)
  unknown  reached from neither

with the shortest import chain that makes it so, and the boundary edges:
imports of 'use client' modules from server code, and of 'use server' modules
from client code. Imports that cannot be resolved are ignored; --verbose lists
them. A chain of more than 10 steps shows its first and last five, with
"… N more" between (in JSON, clientChainOmitted and serverChainOmitted count
the steps left out).`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, paths []string) error {
			return printGraph(cmd.OutOrStdout(), cmd.ErrOrStderr(), paths, f)
		},
	}
	cmd.Flags().StringVar(&f.format, "format", "text", "output format: text, dot or json")
	cmd.Flags().BoolVar(&f.verbose, "verbose", false, "also list the imports that could not be resolved")
	return cmd
}

// printGraph builds the graph of paths and writes it.
func printGraph(stdout, stderr io.Writer, paths []string, f graphFlags) error {
	var write func(io.Writer, *graph.Graph, []source.Notice, bool) error
	switch f.format {
	case "text":
		write = writeGraphText
	case "dot":
		write = writeGraphDot
	case "json":
		write = writeGraphJSON
	default:
		return fmt.Errorf("invalid --format %q: want text, dot or json", f.format)
	}
	resolver := resolve.NewResolver(source.ReadProjectFile)
	tuneGC(0, 0) // no collection while the files are found: it keeps little
	targets, notices, err := discover.TargetsWithListings(paths, resolver.AddListing)
	if err != nil {
		return runFailure{err}
	}
	for _, n := range notices {
		fmt.Fprintln(stderr, n)
	}
	tuneGC(len(targets), 0)
	res := lint.Run(targets, lint.Options{Graph: true, Resolver: resolver, ScanWhole: scanWholeEnv()})
	for _, n := range res.Notices {
		fmt.Fprintln(stderr, n)
	}
	unresolved := res.Graph.Unresolved()
	if f.verbose && f.format != "json" {
		for _, n := range unresolved {
			fmt.Fprintln(stderr, n)
		}
	}
	bw := bufio.NewWriter(stdout)
	if err := write(bw, res.Graph, unresolved, f.verbose); err != nil {
		return runFailure{err}
	}
	if err := bw.Flush(); err != nil {
		return runFailure{fmt.Errorf("writing graph: %w", err)}
	}
	return nil
}

// graphCounts counts modules by kind.
func graphCounts(g *graph.Graph) map[graph.ModuleKind]int {
	counts := map[graph.ModuleKind]int{}
	for _, m := range g.Modules {
		counts[g.Kind(m)]++
	}
	return counts
}

// why explains a module's classification in a few words.
func why(g *graph.Graph, m *graph.Module) string {
	var parts []string
	k := graph.ChainShown / 2
	if m.UseClient {
		parts = append(parts, `"use client"`)
	} else if head, tail, omitted := m.ClientChainEnds(k); len(head) > 0 {
		parts = append(parts, "client via "+graph.ChainEndsText(head, tail, omitted, m))
	}
	if m.Route && !m.UseClient {
		parts = append(parts, "route file")
	} else if head, tail, omitted := m.ServerChainEnds(k); len(head) > 0 && g.Kind(m) != graph.KindClient {
		parts = append(parts, "server via "+graph.ChainEndsText(head, tail, omitted, m))
	}
	if m.UseServer {
		parts = append(parts, `"use server"`)
	}
	if !m.Linted {
		parts = append(parts, "not linted")
	}
	return strings.Join(parts, "; ")
}

// writeGraphText writes the classification for people.
func writeGraphText(w io.Writer, g *graph.Graph, unresolved []source.Notice, _ bool) error {
	for _, kind := range []graph.ModuleKind{graph.KindClient, graph.KindShared, graph.KindServer} {
		var lines []string
		for _, m := range g.Modules {
			if g.Kind(m) == kind {
				lines = append(lines, fmt.Sprintf("  %s  (%s)", m.Path, why(g, m)))
			}
		}
		if len(lines) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s modules (%d):\n%s\n\n", kind, len(lines), strings.Join(lines, "\n"))
	}
	bs := g.Boundaries()
	if len(bs) > 0 {
		fmt.Fprintf(w, "boundary edges (%d):\n", len(bs))
		for _, b := range bs {
			fmt.Fprintf(w, "  %s → %s  %s\n", b.From.Path, b.To.Path, b.Kind)
		}
		fmt.Fprintln(w)
	}
	c := graphCounts(g)
	fmt.Fprintf(w, "modules: %d (client %d, shared %d, server %d, unknown %d); boundary edges: %d; unresolved imports: %d\n",
		len(g.Modules), c[graph.KindClient], c[graph.KindShared], c[graph.KindServer], c[graph.KindUnknown], len(bs), len(unresolved))
	return nil
}

// writeGraphDot writes the graph in Graphviz's dot language: classified
// modules as nodes coloured by kind, the import edges that explain their
// classification, and the boundary edges (dashed).
func writeGraphDot(w io.Writer, g *graph.Graph, _ []source.Notice, _ bool) error {
	colors := map[graph.ModuleKind]string{graph.KindClient: "#f4b183", graph.KindServer: "#9dc3e6", graph.KindShared: "#c5a0dc"}
	fmt.Fprintln(w, "digraph modules {")
	fmt.Fprintln(w, "  rankdir=LR;")
	fmt.Fprintln(w, `  node [shape=box, style=filled, fontname="monospace"];`)
	for _, m := range g.Modules {
		kind := g.Kind(m)
		if kind == graph.KindUnknown && !m.UseServer {
			continue
		}
		label := dotEscape(m.Path)
		switch {
		case m.UseClient:
			label += `\n\"use client\"`
		case m.UseServer:
			label += `\n\"use server\"`
		case m.Route:
			label += `\nroute`
		}
		fill := colors[kind]
		if fill == "" {
			fill = "#ffffff"
		}
		fmt.Fprintf(w, "  \"%s\" [label=\"%s\", fillcolor=%q];\n", dotEscape(m.Path), label, fill)
	}
	seen := map[[2]string]bool{}
	edge := func(from, to *graph.Module, attrs string) {
		key := [2]string{from.Path, to.Path}
		if seen[key] {
			return
		}
		seen[key] = true
		fmt.Fprintf(w, "  \"%s\" -> \"%s\"%s;\n", dotEscape(from.Path), dotEscape(to.Path), attrs)
	}
	for _, b := range g.Boundaries() {
		edge(b.From, b.To, fmt.Sprintf(" [style=dashed, label=%q]", b.Kind.String()))
	}
	for _, m := range g.Modules {
		// The last step of each chain: the import that brings m in.
		for _, ends := range []func(int) ([]graph.Step, []graph.Step, int){m.ClientChainEnds, m.ServerChainEnds} {
			if head, _, _ := ends(0); len(head) > 0 {
				edge(head[len(head)-1].Module, m, "")
			}
		}
	}
	fmt.Fprintln(w, "}")
	return nil
}

// dotEscape escapes s for a double-quoted dot ID.
func dotEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ").Replace(s)
}

type jsonGraph struct {
	Modules    []jsonModule     `json:"modules"`
	Boundaries []jsonBoundary   `json:"boundaries"`
	Unresolved []jsonUnresolved `json:"unresolved,omitempty"`
	Summary    jsonGraphSummary `json:"summary"`
}

type jsonModule struct {
	Path      string `json:"path"`
	Kind      string `json:"kind"`
	UseClient bool   `json:"useClient,omitempty"`
	UseServer bool   `json:"useServer,omitempty"`
	Route     bool   `json:"route,omitempty"`
	Linted    bool   `json:"linted"`
	// A chain of more than graph.ChainShown steps lists its first and last
	// graph.ChainShown/2 steps; ...Omitted counts the steps left out
	// between them. Its last step before the module, always listed, leads
	// to the chain of that module.
	ClientChain        []string `json:"clientChain,omitempty"`
	ClientChainOmitted int      `json:"clientChainOmitted,omitempty"`
	ServerChain        []string `json:"serverChain,omitempty"`
	ServerChainOmitted int      `json:"serverChainOmitted,omitempty"`
}

type jsonBoundary struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Kind   string `json:"kind"`
}

type jsonUnresolved struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Text   string `json:"message"`
}

type jsonGraphSummary struct {
	Modules    int `json:"modules"`
	Client     int `json:"client"`
	Shared     int `json:"shared"`
	Server     int `json:"server"`
	Unknown    int `json:"unknown"`
	Unresolved int `json:"unresolved"`
}

// chainPaths lists the paths of a chain cut to its ends (see
// graph.Module.ClientChainEnds), ending with m.
func chainPaths(head, tail []graph.Step, m *graph.Module) []string {
	if len(head) == 0 {
		return nil
	}
	out := make([]string, 0, len(head)+len(tail)+1)
	for _, s := range append(head[:len(head):len(head)], tail...) {
		out = append(out, s.Module.Path)
	}
	return append(out, m.Path)
}

// writeGraphJSON writes the graph for tools. Unresolved imports are listed
// with verbose; their count is always in the summary.
func writeGraphJSON(w io.Writer, g *graph.Graph, unresolved []source.Notice, verbose bool) error {
	out := jsonGraph{Modules: []jsonModule{}, Boundaries: []jsonBoundary{}}
	k := graph.ChainShown / 2
	for _, m := range g.Modules {
		jm := jsonModule{
			Path: m.Path, Kind: g.Kind(m).String(), UseClient: m.UseClient, UseServer: m.UseServer,
			Route: m.Route, Linted: m.Linted,
		}
		head, tail, omitted := m.ClientChainEnds(k)
		jm.ClientChain, jm.ClientChainOmitted = chainPaths(head, tail, m), omitted
		head, tail, omitted = m.ServerChainEnds(k)
		jm.ServerChain, jm.ServerChainOmitted = chainPaths(head, tail, m), omitted
		out.Modules = append(out.Modules, jm)
	}
	for _, b := range g.Boundaries() {
		pos := b.From.Imports[b.Import].Pos()
		out.Boundaries = append(out.Boundaries, jsonBoundary{From: b.From.Path, To: b.To.Path, Line: pos.Line, Column: pos.Column, Kind: b.Kind.String()})
	}
	if verbose {
		for _, n := range unresolved {
			out.Unresolved = append(out.Unresolved, jsonUnresolved{File: n.Path, Line: n.Pos.Line, Column: n.Pos.Column, Text: n.Text})
		}
	}
	c := graphCounts(g)
	out.Summary = jsonGraphSummary{Modules: len(g.Modules), Client: c[graph.KindClient], Shared: c[graph.KindShared],
		Server: c[graph.KindServer], Unknown: c[graph.KindUnknown], Unresolved: len(unresolved)}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing graph JSON: %w", err)
	}
	return nil
}
