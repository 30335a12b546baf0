package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/config"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/rules"

	"github.com/spf13/cobra"
)

// runConfig is the configuration of a run: the config files of the files
// (one chain a file, see config.Tree) and the flags that win over them.
type runConfig struct {
	tree      *config.Tree
	preset    map[string]lint.Severity // --preset's severities, when presetSet
	presetSet bool
	flags     map[string]lint.Severity // --rule
}

// newRunConfig returns the run's configuration: --config's file for every
// file, else each file's nearest directivelint.json and those above it.
func newRunConfig(f integrationFlags, flags map[string]lint.Severity, ruleset []*lint.Rule) (*runConfig, error) {
	rc := &runConfig{tree: config.NewTree(ruleset, rules.Preset, rules.PresetNames()), flags: flags}
	if f.preset != "" {
		rc.preset, rc.presetSet = rules.Preset(f.preset)
	}
	if f.config != "" {
		if err := rc.tree.Use(f.config); err != nil {
			return nil, err
		}
	}
	return rc, nil
}

// presetName is the preset of the files of chain: --preset's, else the
// nearest config file's, else recommended.
func (rc *runConfig) presetName(f integrationFlags, ch *config.Chain) string {
	switch {
	case rc.presetSet:
		return f.preset
	case ch.Preset() != "":
		return ch.Preset()
	}
	return "recommended"
}

// base returns the preset severities of the files of chain: --preset's,
// else the nearest config file's preset, else none (the rules' defaults).
func (rc *runConfig) base(ch *config.Chain) map[string]lint.Severity {
	if rc.presetSet {
		return rc.preset
	}
	if name := ch.Preset(); name != "" {
		sev, _ := rules.Preset(name)
		return sev
	}
	return nil
}

// severities returns the severities of the file at path, whose chain is ch.
func (rc *runConfig) severities(ch *config.Chain, path string) map[string]lint.Severity {
	return ch.Severities(rc.tree.Abs(path), rc.base(ch), rc.flags)
}

// runChain returns the chain the settings that hold for the whole run come
// from (serverOnlyModules and cacheKinds: the module graph is one for the
// run): --config's file, else the chain of the working directory, else
// that of the first path (a run from outside the project).
func (rc *runConfig) runChain(paths []string) (*config.Chain, error) {
	ch, err := rc.tree.ForDir(".")
	if err != nil || ch != nil || len(paths) == 0 {
		return ch, err
	}
	if info, err := os.Stat(paths[0]); err == nil && info.IsDir() {
		return rc.tree.ForDir(paths[0])
	}
	return rc.tree.For(paths[0])
}

// apply sets the options that come from the configuration: the
// severities of each target, whose chains are among used, and from the
// run's chain the server-only modules and cache kinds.
func (rc *runConfig) apply(opts *lint.Options, run *config.Chain, used map[*config.Chain]bool) {
	opts.ServerOnlyModules = run.ServerOnlyModules()
	opts.CacheKinds = run.CacheKinds()
	// opts.Severity decides which rules run at all (and whether the module
	// graph is built): every rule that is on for some file.
	opts.Severity = map[string]lint.Severity{}
	perFile := len(used) > 1
	for ch := range used {
		for id, s := range ch.Highest(rc.base(ch), rc.flags) {
			if old, ok := opts.Severity[id]; !ok || s > old {
				opts.Severity[id] = s
			}
		}
		if ch != nil && slices.ContainsFunc(ch.Layers, func(c *config.Config) bool { return len(c.Overrides) > 0 }) {
			perFile = true
		}
	}
	if perFile {
		opts.SeverityFor = func(t discover.Target) map[string]lint.Severity {
			ch, _ := rc.tree.For(t.Path) // found before the run, without error
			return rc.severities(ch, t.Path)
		}
	}
}

// printConfigFiles says on stderr which config files the run used (files,
// each once).
func printConfigFiles(stderr io.Writer, files []string) {
	if len(files) == 0 {
		fmt.Fprintf(stderr, "directivelint: no config file (%s) applies: the preset and the rules' defaults\n", config.FileName)
	}
	for _, p := range files {
		fmt.Fprintf(stderr, "directivelint: config %s\n", p)
	}
}

// resolvedConfig is what --print-config prints: the configuration of one
// file, as a run from the working directory would lint it.
type resolvedConfig struct {
	File              string            `json:"file"`
	ConfigFiles       []string          `json:"configFiles"`
	Ignored           bool              `json:"ignored"`
	Preset            string            `json:"preset"`
	Rules             map[string]string `json:"rules"`
	ServerOnlyModules []string          `json:"serverOnlyModules"`
	CacheKinds        []string          `json:"cacheKinds"`
}

// printConfig writes the resolved configuration of the file at path as JSON.
func printConfig(w io.Writer, path string, f integrationFlags, rc *runConfig, ruleset []*lint.Rule) error {
	ch, err := rc.tree.For(path)
	if err != nil {
		return err
	}
	run, err := rc.runChain([]string{path})
	if err != nil {
		return err
	}
	abs := rc.tree.Abs(path)
	out := resolvedConfig{
		File:              path,
		ConfigFiles:       ch.Files(),
		Ignored:           ch.Ignored(abs),
		Preset:            rc.presetName(f, ch),
		Rules:             map[string]string{},
		ServerOnlyModules: run.ServerOnlyModules(),
		CacheKinds:        run.CacheKinds(),
	}
	if out.ConfigFiles == nil {
		out.ConfigFiles = []string{}
	}
	if out.ServerOnlyModules == nil {
		out.ServerOnlyModules = lint.DefaultServerOnlyModules
	}
	if out.CacheKinds == nil {
		out.CacheKinds = []string{}
	}
	sev := rc.severities(ch, path)
	for _, r := range ruleset {
		s, ok := sev[r.ID]
		if !ok {
			s = r.Default
		}
		out.Rules[r.ID] = s.String()
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// localSchema is where the npm package puts the JSON Schema, from the
// project that installed it.
const localSchema = "./node_modules/directivelint/schema/directivelint.schema.json"

// starterConfig is what `directivelint init` writes; %s is the schema.
const starterConfig = `{
  "$schema": %q,
  // "recommended" or "strict"
  "preset": "recommended",
  // Severities by rule ID: "error", "warn" or "off" (directivelint rules lists them).
  "rules": {},
  // Glob patterns, relative to this file, of files never linted.
  "ignore": [],
}
`

// initCommand is `directivelint init`: it writes a starter
// directivelint.json in the working directory, never over an existing one.
func initCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Write a starter " + config.FileName + " in the working directory",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			schema := config.SchemaURL
			if info, err := os.Stat(localSchema); err == nil && info.Mode().IsRegular() {
				schema = localSchema
			}
			file, err := os.OpenFile(config.FileName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return runFailure{fmt.Errorf("%s already exists: init does not overwrite it", config.FileName)}
			}
			if err != nil {
				return runFailure{err}
			}
			_, err = fmt.Fprintf(file, starterConfig, schema)
			if cerr := file.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return runFailure{fmt.Errorf("writing %s: %w", config.FileName, err)}
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", config.FileName)
			return err
		},
	}
}
