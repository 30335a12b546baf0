package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/config"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"

	"github.com/aymanbagabas/go-udiff"
	"github.com/spf13/cobra"

	"github.com/directivelint/directivelint/lint/report"
	"github.com/directivelint/directivelint/rules"
)

// stdinReader is where --stdin reads from; tests replace it.
var stdinReader io.Reader = os.Stdin

// integrationFlags are the flags of the integrations: config file, fixes,
// standard input, suppressions.
type integrationFlags struct {
	formatSet     bool // --format was given
	config        string
	preset        string // --preset, registered with --rule in main.go
	fix           bool
	unsafeFixes   bool
	diff          bool
	stdin         bool
	stdinFilename string
	reportUnused  bool
	printConfig   string // --print-config FILE
	verbose       bool
}

// addIntegrationFlags registers the integration flags on the root command.
func addIntegrationFlags(cmd *cobra.Command, f *integrationFlags) {
	fl := cmd.Flags()
	fl.StringVar(&f.config, "config", "", "configuration file for every file (default: each file's nearest directivelint.json, over those above it)")
	fl.BoolVar(&f.fix, "fix", false, "apply safe fixes and rewrite the files")
	fl.BoolVar(&f.unsafeFixes, "unsafe-fixes", false, "with --fix or --diff, apply unsafe fixes too")
	fl.BoolVar(&f.diff, "diff", false, "print what --fix would change as a unified diff, and write nothing")
	fl.BoolVar(&f.stdin, "stdin", false, "lint standard input (name it with --stdin-filename)")
	fl.StringVar(&f.stdinFilename, "stdin-filename", "", "with --stdin, the path standard input is linted as (language, config, messages)")
	fl.BoolVar(&f.reportUnused, "report-unused-disable", false, "report suppression comments that suppress nothing")
	fl.StringVar(&f.printConfig, "print-config", "", "print the configuration of this file as JSON, and lint nothing")
	fl.BoolVar(&f.verbose, "verbose", false, "say on stderr which config files the run used, how many files came from the cache, and whether the last run's result was given again")
}

// newReporter returns the reporter of --format. In GitHub Actions
// (GITHUB_ACTIONS=true) with no --format, it writes stylish output followed
// by workflow-command annotations, as golangci-lint does.
func newReporter(format string, f integrationFlags, color bool, ruleset []*lint.Rule) (report.Reporter, error) {
	opts := report.Options{Color: color, Rules: ruleset, Version: versionString()}
	r, err := report.New(format, opts)
	if err != nil {
		return nil, err
	}
	if !f.formatSet && os.Getenv("GITHUB_ACTIONS") == "true" {
		gh, err := report.New("github", opts)
		if err != nil {
			return nil, err
		}
		return bothReporters{r, gh}, nil
	}
	return r, nil
}

// bothReporters writes two reports one after the other.
type bothReporters [2]report.Reporter

func (b bothReporters) Report(w io.Writer, diags []lint.Diagnostic, sum report.Summary) error {
	for _, r := range b {
		if err := r.Report(w, diags, sum); err != nil {
			return err
		}
	}
	return nil
}

// configure builds the run options from the flags and finds the config
// files (see runConfig); lintTargets applies them once the files are known.
func configure(f integrationFlags, ruleFlags []string, quiet bool, ruleset []*lint.Rule) (lint.Options, *runConfig, error) {
	opts := lint.Options{Rules: ruleset, Quiet: quiet, ReportUnusedDisable: f.reportUnused, ScanWhole: scanWholeEnv()}
	flags, err := config.ParseRuleSettings(ruleFlags, ruleset)
	if err != nil {
		return opts, nil, err
	}
	// --preset wins over the config files' presets; --rule wins over both.
	if f.preset != "" {
		if _, ok := rules.Preset(f.preset); !ok {
			return opts, nil, fmt.Errorf("unknown preset %q: want %s", f.preset, strings.Join(rules.PresetNames(), " or "))
		}
	}
	switch {
	case f.unsafeFixes && !f.fix && !f.diff:
		return opts, nil, errors.New("--unsafe-fixes needs --fix or --diff")
	case f.fix && f.diff:
		return opts, nil, errors.New("--fix and --diff do not go together: --diff shows what --fix would write")
	case f.stdinFilename != "" && !f.stdin:
		return opts, nil, errors.New("--stdin-filename needs --stdin")
	case f.unsafeFixes:
		opts.Fix = lint.FixAll
	case f.fix || f.diff:
		opts.Fix = lint.FixSafeOnly
	}
	rc, err := newRunConfig(f, flags, ruleset)
	return opts, rc, err
}

// lintTargets finds the files to lint: standard input with --stdin, else the
// paths; files their config files ignore are dropped, and the severities
// of the rest set in opts. The rest of the projects those files belong to
// goes to opts.Context, for the module graph (see lint.ProjectContext).
func lintTargets(paths []string, f integrationFlags, rc *runConfig, opts *lint.Options) ([]discover.Target, []source.Notice, error) {
	opts.Resolver = resolve.NewResolver(source.ReadProjectFile)
	rc.tree.SetAbsent(opts.Resolver.ListedAbsent) // the walk lists directories for both
	run, err := rc.runChain(paths)
	if err != nil {
		return nil, nil, err
	}
	used := map[*config.Chain]bool{run: true} // the chains of the linted files, and the run's
	// keep tells whether t is linted, and notes its chain.
	// Targets come sorted: most share their directory, and its chain,
	// with the one before.
	lastDir, lastChain := "\x00", (*config.Chain)(nil)
	keep := func(t discover.Target) (bool, error) {
		if dir := filepath.Dir(t.Path); dir != lastDir {
			ch, err := rc.tree.ForDir(dir)
			if err != nil {
				return false, err
			}
			lastDir, lastChain = dir, ch
		}
		ch := lastChain
		if ch != nil && ch.Ignored(rc.tree.Abs(t.Path)) {
			return false, nil
		}
		used[ch] = true
		return true, nil
	}
	if f.stdin {
		if len(paths) > 0 {
			return nil, nil, errors.New("--stdin takes no paths")
		}
		name := f.stdinFilename
		if name == "" {
			name = "stdin.tsx"
		}
		t := discover.Stdin(name)
		// Standard input has the limit of a file read from disk.
		src, err := source.ReadAllLimited(stdinReader, source.DefaultMaxFileSize)
		if errors.Is(err, source.ErrTooLarge) {
			return nil, []source.Notice{{Path: t.Display, Text: "skipped: standard input " + err.Error()}}, nil
		}
		if err != nil {
			return nil, nil, runFailure{fmt.Errorf("reading standard input: %w", err)}
		}
		targets, err := bufferTargets(t, src, f.stdinFilename != "", rc, run, opts)
		return targets, nil, err
	}
	found, notices, err := discover.TargetsWithListings(paths, opts.Resolver.AddListing)
	if err != nil {
		return nil, nil, runFailure{err}
	}
	kept, ignored := make([]discover.Target, 0, len(found)), []discover.Target(nil)
	for _, t := range found {
		ok, err := keep(t)
		switch {
		case err != nil:
			return nil, nil, err
		case ok:
			kept = append(kept, t)
		default:
			ignored = append(ignored, t)
		}
	}
	rc.apply(opts, run, used)
	var walked []string
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			walked = append(walked, p)
		}
	}
	if len(paths) == 0 {
		walked = []string{"."}
	}
	context, more := lint.ProjectContext(kept, ignored, walked, opts.Resolver)
	opts.Context = context
	return kept, append(notices, more...), nil
}

// bufferTargets sets opts up to lint src, an unsaved buffer (standard
// input, an editor's open document), as the file t: its config's
// severities, with those of run for the whole run. With inProject the
// buffer stands in for a file of a project, whose other files go to
// opts.Context for the module graph. It returns no target when t's config
// ignores it. opts.Resolver must be set.
func bufferTargets(t discover.Target, src []byte, inProject bool, rc *runConfig, run *config.Chain, opts *lint.Options) ([]discover.Target, error) {
	opts.Sources = map[string][]byte{t.Path: src}
	ch, err := rc.tree.For(t.Path)
	if err != nil || ch.Ignored(rc.tree.Abs(t.Path)) {
		return nil, err
	}
	rc.apply(opts, run, map[*config.Chain]bool{run: true, ch: true})
	targets := []discover.Target{t}
	if inProject {
		opts.Context, _ = lint.ProjectContext(targets, nil, nil, opts.Resolver)
	}
	return targets, nil
}

// finishFixes writes the fixed files (--fix). With --stdin, --fix prints
// the fixed source on stdout and the report goes to stderr. It returns done
// when nothing more is to be printed, with the exit status.
func finishFixes(res *lint.Result, f integrationFlags, opts lint.Options, stdout, stderr io.Writer) (reportTo io.Writer, done bool, code int, err error) {
	if !f.fix {
		return stdout, false, 0, nil
	}
	if f.stdin {
		var src []byte
		for _, s := range opts.Sources {
			src = s
		}
		if len(res.Fixed) > 0 {
			src = res.Fixed[0].After
		}
		if _, err := stdout.Write(src); err != nil {
			return nil, true, exitFailure, runFailure{fmt.Errorf("writing standard output: %w", err)}
		}
		return stderr, false, 0, nil
	}
	var failed []error
	for i := range res.Fixed {
		if err := res.Fixed[i].Write(); err != nil {
			failed = append(failed, err)
		}
	}
	if len(failed) > 0 {
		return nil, true, exitFailure, runFailure{errors.Join(failed...)}
	}
	return stdout, false, 0, nil
}

// diffName writes a file name for a diff header as git does: in double
// quotes with C escapes when it holds a quote, a backslash or a control
// character (a line break would end the header), else as it is.
func diffName(name string) string {
	if !strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '"' || r == '\\' }) {
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(name); i++ {
		switch c := name[i]; c {
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\v':
			b.WriteString(`\v`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			if c < 0x20 || c == 0x7f {
				fmt.Fprintf(&b, "\\%03o", c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// unifiedDiff shows a fixed file as a unified diff with a/ and b/ labels,
// as git does. Line endings are kept as they are.
func unifiedDiff(ff lint.FixedFile) string {
	d := udiff.Unified(diffName("a/"+ff.Target.Display), diffName("b/"+ff.Target.Display), string(ff.Before), string(ff.After))
	if d != "" && !bytes.HasSuffix([]byte(d), []byte("\n")) {
		d += "\n"
	}
	return d
}

// explainCommand is `directivelint explain RULE`: the rule's documentation.
func explainCommand(ruleset []*lint.Rule) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Print a rule's documentation: what it reports, why, an example and what to write instead",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			all := append(append([]*lint.Rule{}, ruleset...), lint.SuppressionRules...)
			r := lint.FindRule(all, args[0])
			if r == nil {
				_, err := config.ParseRuleSettings([]string{args[0] + "=off"}, all)
				return err
			}
			_, err := fmt.Fprint(cmd.OutOrStdout(), lint.RuleMarkdown(r))
			return err
		},
	}
}
