package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/baseline"

	"github.com/spf13/cobra"
)

// baselineFlags are --baseline and --write-baseline.
type baselineFlags struct {
	read  string // --baseline FILE
	write string // --write-baseline FILE
}

// add declares the flags on root.
func (b *baselineFlags) add(root *cobra.Command) {
	fl := root.Flags()
	fl.StringVar(&b.write, "write-baseline", "", "record the current findings in this file (JSON) and exit 0, reporting nothing")
	fl.StringVar(&b.read, "baseline", "", "report only findings that are not in this file (see --write-baseline)")
	_ = root.MarkFlagFilename("write-baseline", "json")
	_ = root.MarkFlagFilename("baseline", "json")
}

// filterBaseline drops from res the findings base holds, and says on stderr how
// many (not with --stdin, whose stderr belongs to the editor).
func filterBaseline(res *lint.Result, base *baseline.File, stdin bool, stderr io.Writer) {
	if base == nil {
		return
	}
	var dropped int
	res.Diagnostics, dropped = base.Filter(res.Diagnostics)
	if dropped > 0 && !stdin {
		fmt.Fprintf(stderr, "directivelint: %s in the baseline not reported\n", plural(dropped, "finding"))
	}
}

// check says which other flags they do not go with.
func (b *baselineFlags) check(integ integrationFlags) error {
	switch {
	case b.read != "" && b.write != "":
		return errors.New("--baseline and --write-baseline do not go together: write the baseline, then lint with it")
	case b.write != "" && (integ.fix || integ.diff):
		return errors.New("--write-baseline records the findings as they are: run --fix first, then --write-baseline")
	}
	return nil
}

// load reads the --baseline file, or returns nil without one.
func (b *baselineFlags) load() (*baseline.File, error) {
	if b.read == "" {
		return nil, nil
	}
	base, err := baseline.Read(b.read)
	if err != nil {
		return nil, runFailure{err}
	}
	return base, nil
}

// record writes the --write-baseline file with the findings of res and
// says so on stderr. The exit status is 0, unless a file could not be
// checked.
func (b *baselineFlags) record(res *lint.Result, stderr io.Writer) (int, error) {
	if err := baseline.New(res.Diagnostics).Write(b.write); err != nil {
		return exitFailure, runFailure{err}
	}
	files := map[string]bool{}
	for _, d := range res.Diagnostics {
		files[d.File] = true
	}
	fmt.Fprintf(stderr, "directivelint: wrote %s: %s in %s; with --baseline %s, only new ones are reported\n",
		b.write, plural(len(res.Diagnostics), "finding"), plural(len(files), "file"), b.write)
	if res.InternalErrors > 0 {
		return exitFailure, runFailure{fmt.Errorf("%d file(s) could not be checked because of an internal error: their findings are not in the baseline", res.InternalErrors)}
	}
	return exitOK, nil
}
