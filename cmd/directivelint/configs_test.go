package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint/config"
	"github.com/directivelint/directivelint/rules"
)

// monorepo is a fixture with a root config, a shared config and a package
// whose config extends it.
var monorepo = filepath.Join("..", "..", "testdata", "config-monorepo")

const (
	typoWarn  = `app/actions.ts:1:1: warning: "use sever" is not a directive and is ignored. Did you mean "use server"? [directive-typo]`
	lateError = `packages/api/late.tsx:2:1: error: "use client" is ignored here: it only works as the first statement of a file, before imports and other code. Move it to the top of the file [directive-position]`
	typoError = `packages/ui/typo.ts:1:1: error: "use sever" is not a directive and is ignored. Did you mean "use server"? [directive-typo]`
)

// TestMonorepoConfigs lints the monorepo from its root, from a package and
// from outside: each file gets the config nearest it, applied over those
// above it (the root's warn for directive-typo; packages/ui's strict
// extends and its directive-position off; both ignore lists).
func TestMonorepoConfigs(t *testing.T) {
	root, err := filepath.Abs(monorepo)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	code, out, errOut := cli(t, rules.All(), "--format", "compact", "--verbose", "--no-cache")
	if want := typoWarn + "\n" + lateError + "\n" + typoError + "\n"; code != 1 || out != want {
		t.Errorf("from the root: status %d, stdout\n%s\nwant\n%s", code, out, want)
	}
	used := "directivelint: config directivelint.json\ndirectivelint: config " + filepath.Join("packages", "ui", "directivelint.json") +
		"\ndirectivelint: config " + filepath.Join("configs", "strict.json") + "\n"
	if errOut != used {
		t.Errorf("--verbose says\n%s\nwant\n%s", errOut, used)
	}

	t.Chdir(filepath.Join("packages", "ui"))
	code, out, errOut = cli(t, rules.All(), "--format", "compact", "--verbose")
	if want := strings.TrimPrefix(typoError, "packages/ui/") + "\n"; code != 1 || out != want {
		t.Errorf("from packages/ui: status %d, stdout %q, want %q", code, out, want)
	}
	if strings.Count(errOut, "directivelint: config ") != 3 || !strings.Contains(errOut, "directivelint: config directivelint.json\n") {
		t.Errorf("from packages/ui, --verbose says\n%s", errOut)
	}

	t.Chdir(t.TempDir())
	code, out, _ = cli(t, rules.All(), "--format", "compact", root)
	prefix := filepath.ToSlash(root) + "/"
	if want := prefix + typoWarn + "\n" + prefix + lateError + "\n" + prefix + typoError + "\n"; code != 1 || filepath.ToSlash(out) != want {
		t.Errorf("from outside: status %d, stdout\n%s\nwant\n%s", code, out, want)
	}

	// Standard input gets the config of the file it stands in for.
	stdinReader = strings.NewReader("'use sever';\nimport 'react';\n'use client';\n")
	t.Cleanup(func() { stdinReader = os.Stdin })
	code, out, _ = cli(t, rules.All(), "--format", "compact", "--stdin", "--stdin-filename", filepath.Join(root, "packages", "ui", "x.ts"))
	if code != 1 || strings.Contains(out, "directive-position") || !strings.Contains(out, "error: \"use sever\"") {
		t.Errorf("stdin as packages/ui/x.ts: status %d, stdout\n%s", code, out)
	}

	// --config: one file for every file, no lookup; its globs are its own.
	t.Chdir(root)
	code, out, _ = cli(t, rules.All(), "--format", "compact", "--config", filepath.Join("configs", "strict.json"), "packages")
	if n := strings.Count(out, "[directive-typo]"); code != 1 || n != 3 || !strings.Contains(out, "packages/ui/late.tsx") {
		t.Errorf("--config: status %d, %d typos, stdout\n%s", code, n, out)
	}
}

func TestPrintConfig(t *testing.T) {
	t.Chdir(monorepo)
	code, out, errOut := cli(t, rules.All(), "--print-config", "packages/ui/typo.ts")
	if code != 0 {
		t.Fatalf("status %d, %s", code, errOut)
	}
	var got resolvedConfig
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	wantFiles := []string{"directivelint.json", filepath.Join("configs", "strict.json"), filepath.Join("packages", "ui", "directivelint.json")}
	if got.File != "packages/ui/typo.ts" || !slices.Equal(got.ConfigFiles, wantFiles) || got.Ignored || got.Preset != "strict" ||
		!slices.Equal(got.ServerOnlyModules, []string{"server-only", "@acme/db"}) || got.CacheKinds == nil {
		t.Errorf("--print-config:\n%s", out)
	}
	if len(got.Rules) != len(rules.All()) || got.Rules["directive-typo"] != "error" || got.Rules["directive-position"] != "off" ||
		got.Rules["unvalidated-server-input"] != "warn" {
		t.Errorf("rules %v", got.Rules)
	}
	if _, again, _ := cli(t, rules.All(), "--print-config", "packages/ui/typo.ts"); again != out {
		t.Errorf("--print-config is not stable:\n%s\n%s", out, again)
	}
	// The root's file: its config alone; an ignored file says so; --rule wins.
	_, out, _ = cli(t, rules.All(), "--print-config", "packages/ui/legacy/old.ts", "--rule", "directive-typo=off")
	if err := json.Unmarshal([]byte(out), &got); err != nil || !got.Ignored || got.Rules["directive-typo"] != "off" {
		t.Errorf("legacy/old.ts: %v\n%s", err, out)
	}
	_, out, _ = cli(t, rules.All(), "--print-config", "app/page.tsx")
	if err := json.Unmarshal([]byte(out), &got); err != nil || !slices.Equal(got.ConfigFiles, []string{"directivelint.json"}) ||
		got.Preset != "recommended" || got.Rules["directive-typo"] != "warn" {
		t.Errorf("app/page.tsx: %v\n%s", err, out)
	}
	if code, _, _ := cli(t, rules.All(), "--print-config", "app/page.tsx", "app"); code != 2 {
		t.Errorf("--print-config with paths: status %d", code)
	}
}

func TestExtendsCycle(t *testing.T) {
	project(t, map[string]string{
		"directivelint.json":     `{"extends": "./configs/a.json"}`,
		"configs/a.json":         `{"extends": "./b.json"}`,
		"configs/b.json":         `{"extends": "./a.json"}`,
		"a.ts":                   "BAD\n",
		"pkg/directivelint.json": `{"extends": "../directivelint.json"}`,
	})
	code, _, errOut := cli(t, testRules)
	a, b := filepath.Join("configs", "a.json"), filepath.Join("configs", "b.json")
	want := "directivelint: " + b + `:1:13: "extends" makes a cycle: ` + a + " → " + b + " → " + a + "\n"
	if code != 2 || !strings.HasPrefix(errOut, want) {
		t.Errorf("status %d, stderr %q, want %q", code, errOut, want)
	}
}

func TestInit(t *testing.T) {
	project(t, map[string]string{})
	code, out, errOut := cli(t, rules.All(), "init")
	if code != 0 || out != "wrote directivelint.json\n" {
		t.Fatalf("status %d, stdout %q, stderr %q", code, out, errOut)
	}
	c, err := config.Load(config.FileName, rules.All(), rules.Preset, rules.PresetNames())
	if err != nil || c.Preset != "recommended" {
		t.Fatalf("the starter config: %v, %+v", err, c)
	}
	data, _ := os.ReadFile(config.FileName)
	if !strings.Contains(string(data), `"$schema": "`+config.SchemaURL+`"`) {
		t.Errorf("no $schema:\n%s", data)
	}
	code, _, errOut = cli(t, rules.All(), "init")
	if want := "directivelint: directivelint.json already exists: init does not overwrite it\n"; code != 2 || errOut != want {
		t.Errorf("over an existing file: status %d, stderr %q", code, errOut)
	}
	if after, _ := os.ReadFile(config.FileName); string(after) != string(data) {
		t.Error("init changed the existing file")
	}

	// Where npm installed directivelint, $schema is the schema it ships.
	project(t, map[string]string{strings.TrimPrefix(localSchema, "./"): "{}"})
	if code, _, errOut = cli(t, rules.All(), "init"); code != 0 {
		t.Fatalf("status %d, %s", code, errOut)
	}
	if data, _ := os.ReadFile(config.FileName); !strings.Contains(string(data), `"$schema": "`+localSchema+`"`) {
		t.Errorf("not the local schema:\n%s", data)
	}
}
