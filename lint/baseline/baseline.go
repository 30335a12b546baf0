// Package baseline records a run's findings in a file and later drops the
// findings that file holds, so that a project adopting directivelint (or a
// new rule) sees only the problems it adds from then on.
//
// A finding matches when its rule, its file (the display path, with forward
// slashes) and its fingerprint (lint.Fingerprinter: the reported line's
// trimmed text and how many such findings come before it in the file) are
// the same: line numbers are not compared, so a finding still matches when
// lines above it are added or removed.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/directivelint/directivelint/lint"
)

// Version is the version of the file format this package writes and reads.
const Version = 1

// File is the content of a baseline file (JSON).
type File struct {
	// Version is the format's version: 1.
	Version int `json:"version"`
	// Findings are in the order of the run's diagnostics: by file, line,
	// column and rule.
	Findings []Finding `json:"findings"`
}

// Finding is one recorded diagnostic.
type Finding struct {
	Rule string `json:"rule"`
	// File is the display path, with forward slashes.
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
	// Line and Message say where and what the finding was when the file
	// was written, for people reading it; they are not compared.
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// key is what matching compares.
type key struct{ rule, file, fingerprint string }

// New records diags, a run's diagnostics in their sorted order.
func New(diags []lint.Diagnostic) *File {
	b := &File{Version: Version, Findings: make([]Finding, 0, len(diags))}
	var fp lint.Fingerprinter
	for _, d := range diags {
		b.Findings = append(b.Findings, Finding{
			Rule: d.Rule, File: filepath.ToSlash(d.File), Fingerprint: fp.Fingerprint(d),
			Line: d.Pos.Line, Message: d.Message,
		})
	}
	return b
}

// Write writes b to path as indented JSON.
func (b *File) Write(path string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return fmt.Errorf("writing baseline %s: %w", path, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing baseline: %w", err)
	}
	return nil
}

// Read reads the baseline file at path. A file that is missing, is not a
// baseline or has another version is an error.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("baseline %s does not exist: write it with --write-baseline %s", path, path)
		}
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var b File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline %s is not a directivelint baseline: %w", path, err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("baseline %s has version %d; this directivelint reads version %d: write it again with --write-baseline", path, b.Version, Version)
	}
	for i, f := range b.Findings {
		if f.Rule == "" || f.File == "" || f.Fingerprint == "" {
			return nil, fmt.Errorf("baseline %s: finding %d lacks its rule, file or fingerprint", path, i+1)
		}
	}
	return &b, nil
}

// Filter returns the diagnostics of diags, a run's diagnostics in their
// sorted order, that b does not hold, and how many it dropped. diags is
// reused.
func (b *File) Filter(diags []lint.Diagnostic) (kept []lint.Diagnostic, dropped int) {
	known := make(map[key]bool, len(b.Findings))
	for _, f := range b.Findings {
		known[key{f.Rule, f.File, f.Fingerprint}] = true
	}
	var fp lint.Fingerprinter
	kept = diags[:0]
	for _, d := range diags {
		if known[key{d.Rule, filepath.ToSlash(d.File), fp.Fingerprint(d)}] {
			dropped++
			continue
		}
		kept = append(kept, d)
	}
	return kept, dropped
}
