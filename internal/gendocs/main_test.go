package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/tailscale/hujson"
)

const root = "../.."

// TestGeneratedFilesAreFresh fails when docs/rules or the config schema
// differ from what `go generate ./rules` writes.
func TestGeneratedFilesAreFresh(t *testing.T) {
	gen, err := files()
	if err != nil {
		t.Fatal(err)
	}
	for rel, want := range gen {
		got, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is stale or missing (%v): run go generate ./rules", rel, err)
		}
	}
	pages, _ := filepath.Glob(filepath.Join(root, "docs", "rules", "*.md"))
	for _, p := range pages {
		rel, _ := filepath.Rel(root, p)
		if _, ok := gen[filepath.ToSlash(rel)]; !ok {
			t.Errorf("%s documents no rule: run go generate ./rules", rel)
		}
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, "docs", "rules", "gone.md")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := write(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the page of a removed rule was kept")
	}
	page, err := os.ReadFile(filepath.Join(dir, "docs", "rules", "directive-typo.md"))
	if err != nil || !strings.Contains(string(page), "## Why is this bad?") {
		t.Errorf("directive-typo.md = %q, %v", page, err)
	}
}

// TestConfigSchema checks the published schema against configs.
func TestConfigSchema(t *testing.T) {
	gen, err := files()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(gen["schema/directivelint.schema.json"]))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("directivelint.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("directivelint.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for text, valid := range map[string]bool{
		`{
  "$schema": "https://raw.githubusercontent.com/directivelint/directivelint/main/schema/directivelint.schema.json",
  "preset": "recommended", // comment
  "rules": {"directive-typo": "warn"},
  "ignore": ["generated/"],
  "overrides": [{"files": ["legacy/**"], "rules": {"directive-position": "off"}}],
  "serverOnlyModules": ["server-only"],
}`: true,
		`{"rules": {"directive-typos": "warn"}}`:    false,
		`{"rules": {"directive-typo": "warning!"}}`: false,
		`{"ignores": []}`:                           false,
		`{"overrides": [{"rules": {}}]}`:            false,
	} {
		std, err := hujson.Standardize([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(std))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); (err == nil) != valid {
			t.Errorf("%s: valid = %v, want %v (%v)", text, err == nil, valid, err)
		}
	}
}
