package config

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/directivelint/directivelint/lint"
)

var configRules = []*lint.Rule{{ID: "directive-typo"}, {ID: "directive-position"}, {ID: "async-server-function"}}

func testPreset(name string) (map[string]lint.Severity, bool) {
	if name == "recommended" || name == "strict" {
		return map[string]lint.Severity{}, true
	}
	return nil, false
}

func loadConfigText(t *testing.T, text string) (*Config, error) {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile(FileName, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(FileName, configRules, testPreset, []string{"recommended", "strict"})
}

func TestLoadConfig(t *testing.T) {
	c, err := loadConfigText(t, `{
  // comments and trailing commas are fine
  "$schema": "`+SchemaURL+`",
  "preset": "strict",
  "rules": {"directive-typo": "warn", "directive-position": "off",},
  "ignore": ["generated/", "*.gen.ts", "/legacy/**"],
  "overrides": [
    {"files": ["app/**/page.tsx"], "rules": {"directive-typo": "error"}},
    {"files": ["scripts/*.js"], "rules": {"async-server-function": "off"}},
  ],
  "serverOnlyModules": ["server-only", "@/lib/db"],
  "cacheKinds": ["redis", "edge-kv_2"],
}`)
	if err != nil {
		t.Fatal(err)
	}
	if c.Preset != "strict" || len(c.ServerOnlyModules) != 2 || len(c.Overrides) != 2 || !slices.Equal(c.CacheKinds, []string{"redis", "edge-kv_2"}) {
		t.Errorf("config = %+v", c)
	}
	for p, want := range map[string]bool{
		"generated/x.ts": true, "a/generated/b/c.ts": true, "x.gen.ts": true, "src/y.gen.ts": true,
		"legacy/a.js": true, "src/legacy/a.js": false, "src/a.ts": false, "generated.ts": false,
	} {
		if got := c.Ignored(p); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", p, got, want)
		}
	}
	flags := map[string]lint.Severity{"async-server-function": lint.SeverityWarn}
	base := map[string]lint.Severity{"directive-typo": lint.SeverityError, "directive-position": lint.SeverityError, "async-server-function": lint.SeverityError}
	got := c.Severities("app/blog/page.tsx", base, nil)
	if got["directive-typo"] != lint.SeverityError || got["directive-position"] != lint.SeverityOff {
		t.Errorf("page.tsx severities = %v", got)
	}
	got = c.Severities("lib/a.ts", base, nil)
	if got["directive-typo"] != lint.SeverityWarn {
		t.Errorf("lib/a.ts severities = %v", got)
	}
	got = c.Severities("scripts/a.js", base, flags)
	if got["async-server-function"] != lint.SeverityWarn {
		t.Errorf("--rule does not win over an override: %v", got)
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown key", "{\n  \"rules\": {},\n  \"ignores\": []\n}",
			`directivelint.json:3:3: unknown key "ignores"; did you mean "ignore"?`},
		{"unknown rule", "{\"rules\": {\n    \"directive-typos\": \"error\"}}",
			`directivelint.json:2:5: unknown rule "directive-typos"; did you mean "directive-typo"?`},
		{"bad severity", `{"rules": {"directive-typo": "warning!"}}`,
			`directivelint.json:1:30: invalid severity "warning!" for rule "directive-typo": want "error", "warn" or "off"`},
		{"numeric severity", `{"rules": {"directive-typo": 2}}`,
			`directivelint.json:1:30: invalid severity 2 for rule "directive-typo": want "error", "warn" or "off"`},
		{"unknown override key", "{\"overrides\": [{\"files\": [\"a\"], \"rule\": {}}]}",
			`directivelint.json:1:33: unknown key "rule" in an override; did you mean "rules"?`},
		{"override without files", `{"overrides": [{"rules": {}}]}`,
			`directivelint.json:1:16: an override needs "files": a list of glob patterns`},
		{"unknown rule in override", "{\"overrides\": [{\"files\": [\"a\"],\n \"rules\": {\"asyncserverfunction\": \"off\"}}]}",
			`directivelint.json:2:12: unknown rule "asyncserverfunction"; did you mean "async-server-function"?`},
		{"unknown preset", `{"preset": "strcit"}`,
			`directivelint.json:1:12: unknown preset "strcit"; did you mean "strict"?`},
		{"ignore not a list", `{"ignore": "dist"}`,
			`directivelint.json:1:12: "ignore" must be an array of strings`},
		{"bad glob", `{"ignore": ["a[b"]}`,
			`directivelint.json:1:13: invalid glob pattern "a[b" in "ignore"`},
		{"bad cache kind", `{"cacheKinds": ["redis", "my kind"]}`,
			`directivelint.json:1:26: invalid cache kind "my kind" in "cacheKinds": a kind is a word of letters, digits, '-' and '_'`},
		{"cache kinds not a list", `{"cacheKinds": {"redis": true}}`,
			`directivelint.json:1:16: "cacheKinds" must be an array of strings`},
		{"duplicate key", "{\"rules\": {},\n\"rules\": {}}",
			`directivelint.json:2:1: duplicate key "rules"`},
		{"not an object", `[]`,
			`directivelint.json:1:1: the configuration must be a JSON object`},
		{"syntax", "{\n  \"rules\": {\n}",
			`directivelint.json:3:2: invalid JSON: parsing object after value: unexpected EOF`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadConfigText(t, tt.text)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v\nwant    %s", err, tt.want)
			}
		})
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(sub); got != "" {
		t.Errorf("Find without a file = %q", got)
	}
	want := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(want, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(sub); got != want {
		t.Errorf("Find = %q, want %q", got, want)
	}
	if _, err := Load(filepath.Join(root, "nope.json"), nil, testPreset, nil); err == nil || err.Error() != "config file "+filepath.Join(root, "nope.json")+": no such file" {
		t.Errorf("missing file: %v", err)
	}
}

// TestLoadConfigBOMAndFinalComment checks two ways editors save JSON with
// comments: with a byte order mark, and ending in a // comment with no
// newline after it.
func TestLoadConfigBOMAndFinalComment(t *testing.T) {
	for name, text := range map[string]string{
		"BOM":                   "\uFEFF{\"preset\": \"strict\"}\n",
		"final comment":         "{\"preset\": \"strict\"}\n// the end",
		"BOM and final comment": "\uFEFF{\"preset\": \"strict\"} // the end",
	} {
		c, err := loadConfigText(t, text)
		if err != nil || c.Preset != "strict" {
			t.Errorf("%s: %+v, %v", name, c, err)
		}
	}
	// An error on line 1 after a BOM is at the column an editor shows.
	if _, err := loadConfigText(t, "\uFEFF{\"preset\": 1}"); err == nil || err.Error() != `directivelint.json:1:12: "preset" must be a string` {
		t.Errorf("error = %v", err)
	}
}
