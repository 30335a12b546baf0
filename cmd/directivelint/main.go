// Command directivelint checks the 'use server', 'use client' and
// 'use cache' directives of React Server Components code.
//
// Usage:
//
//	directivelint [flags] [PATH...]
//	directivelint rules
//	directivelint explain RULE
//	directivelint init
//
// Exit status: 0 when nothing is at error level, 1 when errors were found
// (or more warnings than --max-warnings), 2 for a usage error or a failed run.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/cleanpath"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/directivelint/directivelint/lint/graph"
	"github.com/directivelint/directivelint/lint/report"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
	"github.com/directivelint/directivelint/rules"
)

// version and commit are set at build time with
// -ldflags "-X main.version=1.2.3 -X main.commit=abc1234" (see .goreleaser.yaml).
var (
	version = ""
	commit  = ""
)

// Exit statuses.
const (
	exitOK       = 0
	exitProblems = 1
	exitFailure  = 2
)

func main() {
	stop := startProfile()
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs the command line args with the built-in rules and returns the
// exit status.
func run(args []string, stdout, stderr io.Writer) int {
	return execute(args, stdout, stderr, rules.All())
}

// flags holds the values of the root command's flags.
type flags struct {
	format      string
	color       string
	quiet       bool
	maxWarnings int
	outputFile  string
	rules       []string
	integ       integrationFlags
	baseline    baselineFlags
	cache       cacheFlags
}

// execute runs the command line args with the given rules and returns the
// exit status.
func execute(args []string, stdout, stderr io.Writer, ruleset []*lint.Rule) int {
	status := exitOK
	var f flags
	root := &cobra.Command{
		Use:   "directivelint [flags] [PATH...]",
		Short: "Check React Server Components directives ('use server', 'use client', 'use cache')",
		Long: `directivelint checks the 'use server', 'use client' and 'use cache' directives
of JavaScript and TypeScript files (.js .jsx .ts .tsx .mjs .cjs .mts .cts).

With no PATH it lints the current directory. Directories are walked skipping
node_modules, .git, .next, dist, build, out, coverage and what .gitignore
files exclude; a file named explicitly is always linted.

Exit status: 0 when nothing is at error level; 1 when errors were found or
there are more warnings than --max-warnings (and with --diff, also when there
is a diff to show); 2 for a usage error or when the run itself failed.`,
		Version:       versionString(),
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, paths []string) error {
			f.integ.formatSet = cmd.Flags().Changed("format")
			code, err := lintPaths(paths, f, cmd.OutOrStdout(), cmd.ErrOrStderr(), ruleset)
			status = code
			return err
		},
	}
	root.SetVersionTemplate("directivelint {{.Version}}\n")
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	fl := root.Flags()
	fl.StringVar(&f.format, "format", "stylish", "output format: "+strings.Join(report.Names(), ", "))
	fl.StringVarP(&f.outputFile, "output-file", "o", "", "write the report to this file instead of stdout (as ESLint's -o)")
	fl.StringVar(&f.color, "color", "auto", "colour the output: auto, always or never (auto: only on a terminal, and NO_COLOR unset)")
	fl.BoolVar(&f.quiet, "quiet", false, "report errors only: warnings are neither run nor shown")
	fl.IntVar(&f.maxWarnings, "max-warnings", -1, "exit with status 1 when there are more warnings than this (-1: no limit)")
	fl.StringSliceVar(&f.rules, "rule", nil, "set a rule's severity: ID=error|warn|off (repeatable)")
	fl.StringVar(&f.integ.preset, "preset", "", "rule preset: recommended or strict (default: the config file's, else recommended); --rule wins over it")
	addIntegrationFlags(root, &f.integ)
	f.baseline.add(root)
	f.cache.add(root)
	root.AddCommand(explainCommand(ruleset))
	root.AddCommand(initCommand())
	root.AddCommand(lspCommand(ruleset))
	root.AddCommand(cacheCommand())

	root.AddCommand(newGraphCommand())
	root.AddCommand(rulesCommand(ruleset))
	completeFlags(root, ruleset)

	if err := root.Execute(); err != nil {
		fmt.Fprintf(stderr, "directivelint: %v\n", err)
		var rf runFailure
		if !errors.As(err, &rf) {
			fmt.Fprintln(stderr, "Run 'directivelint --help' for usage.")
		}
		return exitFailure
	}
	return status
}

// runFailure is an error of the run itself rather than of the command line.
type runFailure struct{ err error }

func (e runFailure) Error() string { return e.err.Error() }
func (e runFailure) Unwrap() error { return e.err }

// lintPaths lints paths and writes the report; it returns the exit status.
func lintPaths(paths []string, f flags, stdout, stderr io.Writer, ruleset []*lint.Rule) (int, error) {
	start := time.Now().UnixNano() // what is read after this may be in the run's snapshot
	if f.outputFile != "" && f.integ.diff {
		return exitFailure, errors.New("--output-file and --diff do not go together: --diff prints a diff, not a report")
	}
	if err := f.baseline.check(f.integ); err != nil {
		return exitFailure, err
	}
	base, err := f.baseline.load()
	if err != nil {
		return exitFailure, err
	}
	useColor, err := colorEnabled(f.color, reportTarget(f.outputFile, stdout))
	if err != nil {
		return exitFailure, err
	}
	reporter, err := newReporter(f.format, f.integ, useColor, ruleset)
	if err != nil {
		return exitFailure, err
	}
	opts, rc, err := configure(f.integ, f.rules, f.quiet, ruleset)
	if err != nil {
		return exitFailure, err
	}
	if f.integ.printConfig != "" {
		if len(paths) > 0 {
			return exitFailure, errors.New("--print-config takes a file and no paths")
		}
		if err := printConfig(stdout, f.integ.printConfig, f.integ, rc, ruleset); err != nil {
			return exitFailure, err
		}
		return exitOK, nil
	}
	res, err := lintFiles(paths, f, opts, rc, start, stderr)
	if err != nil {
		return exitFailure, err
	}
	if f.baseline.write != "" {
		return f.baseline.record(res, stderr)
	}
	filterBaseline(res, base, f.integ.stdin, stderr)
	if f.integ.diff {
		return showDiff(res, f, stdout, stderr)
	}
	out, done, code, err := finishFixes(res, f.integ, opts, stdout, stderr)
	if done {
		return code, err
	}
	sum := fixSummary(res, opts.Fix)
	if err := writeReport(reporter, out, f.outputFile, res.Diagnostics, sum); err != nil {
		return exitFailure, runFailure{err}
	}
	// Stylish says it in its summary; with --stdin, stderr is the report's.
	if (f.format != "stylish" || f.outputFile != "") && !f.integ.stdin && sum.Fixed > 0 {
		fmt.Fprintf(stderr, "directivelint: fixed %s\n", fixedIn(sum))
	}
	return exitStatus(res, f.maxWarnings, stderr)
}

// lintFiles lints the files of paths, or gives the last run with this
// command line again when nothing it read changed since (see replay). It
// prints what the run noticed on stderr.
func lintFiles(paths []string, f flags, opts lint.Options, rc *runConfig, start int64, stderr io.Writer) (*lint.Result, error) {
	opts.Start = start
	snapPath := snapshotPath(f, paths)
	rp, store := replay(snapPath, f, opts, rc, stderr)
	if rp != nil {
		if f.integ.verbose {
			printConfigFiles(stderr, rp.snap.ConfigFiles)
			rp.say(stderr)
		}
		printFound(stderr, rp.snap.Notices, len(rp.snap.Targets) == 0)
		files := len(rp.snap.Targets) + rp.snap.Context
		return finishRun(rp.res, stderr, rp.snap.Aliases, f.integ.verbose, fmt.Sprintf("%d of %d files", rp.res.Reused, files), cleanpath.Dir(snapPath)), nil
	}
	tuneGC(0, 0) // no collection while the files are found: it keeps little
	targets, notices, err := lintTargets(paths, f.integ, rc, &opts)
	if err != nil {
		return nil, err
	}
	if f.integ.verbose {
		printConfigFiles(stderr, rc.tree.Loaded())
	}
	printFound(stderr, notices, len(targets) == 0 && !f.integ.stdin)
	opts.ConfigFiles = rc.tree.Loaded()
	if store == nil {
		store = openCache(f.cache, f, &opts, stderr)
	} else {
		opts.Records = store
	}
	tuneGC(len(targets), cacheMemory(store, len(targets)+len(opts.Context)))
	res := lint.Run(targets, opts)
	aliases := unresolvedAliases(res.Graph)
	res.Graph = nil // all the rest needs of it: its memory goes before the cache is written
	saveCache(store, stderr)
	if store != nil {
		takeSnapshot(snapPath, res, targets, notices, opts, store, aliases, stderr)
	}
	writeHeapProfile()
	var cacheDir string
	if store != nil {
		cacheDir = cleanpath.Dir(store.Path())
	}
	return finishRun(res, stderr, aliases, f.integ.verbose && store != nil,
		fmt.Sprintf("%d of %d files", res.Reused, len(targets)+len(opts.Context)), cacheDir), nil
}

// printFound prints what finding the files to lint noticed, and says when
// none were found.
func printFound(stderr io.Writer, notices []source.Notice, none bool) {
	for _, n := range notices {
		fmt.Fprintln(stderr, n)
	}
	if none {
		fmt.Fprintln(stderr, "directivelint: no JavaScript or TypeScript files found")
	}
}

// finishRun prints what the run res noticed, how many imports look like
// path aliases but resolve to no file (aliases) and, when verbose, how
// much came from the cache in cacheDir.
func finishRun(res *lint.Result, stderr io.Writer, aliases int, verbose bool, reused, cacheDir string) *lint.Result {
	if verbose {
		fmt.Fprintf(stderr, "directivelint: %s taken from the cache in %s\n", reused, cacheDir)
	}
	for _, n := range res.Notices {
		fmt.Fprintln(stderr, n)
	}
	if aliases > 0 {
		what := fmt.Sprintf("%d imports look like path aliases (@/, ~/, #) but resolve", aliases)
		if aliases == 1 {
			what = "1 import looks like a path alias (@/, ~/, #) but resolves"
		}
		fmt.Fprintf(stderr, "directivelint: %s to no file: the module graph stops there (`directivelint graph --verbose` lists them)\n", what)
	}
	return res
}

// exitStatus is the exit status of a run whose result is res, and the
// error of a run that failed.
func exitStatus(res *lint.Result, maxWarnings int, stderr io.Writer) (int, error) {
	errorsFound, warnings := countSeverities(res.Diagnostics)
	switch {
	case res.InternalErrors > 0:
		return exitFailure, runFailure{fmt.Errorf("%d file(s) could not be checked because of an internal error", res.InternalErrors)}
	case errorsFound > 0:
		return exitProblems, nil
	case maxWarnings >= 0 && warnings > maxWarnings:
		fmt.Fprintf(stderr, "directivelint: too many warnings (%d; the maximum is %d)\n", warnings, maxWarnings)
		return exitProblems, nil
	}
	return exitOK, nil
}

// colorEnabled decides whether to colour the output written to stdout.
// --color always wins over NO_COLOR, as https://no-color.org asks.
func colorEnabled(mode string, stdout io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if os.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		file, ok := stdout.(*os.File)
		return ok && (isatty.IsTerminal(file.Fd()) || isatty.IsCygwinTerminal(file.Fd())), nil
	}
	return false, fmt.Errorf("invalid --color %q: want auto, always or never", mode)
}

// listRules writes the rule table of `directivelint rules`.
func listRules(w io.Writer, ruleset []*lint.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	strict, _ := rules.Preset("strict")
	fmt.Fprintln(tw, "RULE\tDEFAULT\tSTRICT\tFIX\tSUMMARY")
	for _, r := range ruleset {
		inStrict, ok := strict[r.ID]
		if !ok {
			inStrict = r.Default
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Default, inStrict, fixKind(r.Fix), r.Doc.Summary)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing rule list: %w", err)
	}
	return nil
}

func fixKind(k lint.FixKind) string {
	switch k {
	case lint.FixSafe:
		return "safe"
	case lint.FixUnsafe:
		return "unsafe"
	case lint.FixSometimes:
		return "sometimes"
	}
	return "none"
}

// versionString returns the version set at build time, else the module
// version recorded by go install, else "dev"; followed by the commit when
// one was set at build time.
func versionString() string {
	v := version
	if v == "" {
		v = "dev"
		if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
	}
	if commit != "" {
		v += " (commit " + commit + ")"
	}
	return v
}

// unresolvedAliases counts the unresolved imports of linted files that
// look like path aliases (@/x, ~/x, #x): a tsconfig paths entry or a
// package.json imports entry missing, or pointing at the wrong place.
func unresolvedAliases(g *graph.Graph) int {
	if g == nil {
		return 0
	}
	n := 0
	for _, m := range g.Modules {
		if !m.Linted {
			continue
		}
		for i := range m.Imports {
			im := &m.Imports[i]
			if im.Resolution == resolve.Unresolved && (strings.HasPrefix(im.Source, "@/") || strings.HasPrefix(im.Source, "~/") || strings.HasPrefix(im.Source, "#")) {
				n++
			}
		}
	}
	return n
}
