package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/report"
)

// reportTarget is where the report goes, for deciding on colour: stdout,
// or nowhere a terminal can be with --output-file.
func reportTarget(outputFile string, stdout io.Writer) io.Writer {
	if outputFile != "" {
		return io.Discard
	}
	return stdout
}

// writeReport writes the report to out, or with --output-file to that file,
// as ESLint's --output-file does: the file is written even when the report
// is empty, its directory is made when missing, and stdout gets nothing,
// except the GitHub Actions annotations that go with the stylish report
// (see newReporter), which must reach the runner.
func writeReport(r report.Reporter, out io.Writer, outputFile string, diags []lint.Diagnostic, sum report.Summary) error {
	if outputFile == "" {
		if err := r.Report(out, diags, sum); err != nil {
			return runFailure{err}
		}
		return nil
	}
	var toFile, toOut report.Reporter = r, nil
	if both, ok := r.(bothReporters); ok {
		toFile, toOut = both[0], both[1]
	}
	var buf bytes.Buffer
	if err := toFile.Report(&buf, diags, sum); err != nil {
		return runFailure{err}
	}
	if err := writeOutputFile(outputFile, buf.Bytes()); err != nil {
		return runFailure{err}
	}
	if toOut != nil {
		if err := toOut.Report(out, diags, sum); err != nil {
			return runFailure{err}
		}
	}
	return nil
}

// writeOutputFile writes the report to path, making its directory.
func writeOutputFile(path string, data []byte) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("cannot write the report to %s: it is a directory", path)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("writing the report: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	return nil
}
