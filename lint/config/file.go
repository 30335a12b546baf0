package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/directivelint/directivelint/lint"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/tailscale/hujson"
)

// FileName is the name of the configuration file looked for from the
// working directory upwards.
const FileName = "directivelint.json"

// SchemaURL is where the JSON Schema of the configuration file is
// published; a config file can point its "$schema" key at it.
const SchemaURL = "https://raw.githubusercontent.com/directivelint/directivelint/main/schema/directivelint.schema.json"

// Config is a loaded configuration file.
type Config struct {
	// Path is the file, as shown in messages.
	Path string
	// Dir is the absolute directory the file is in; globs are relative to it.
	Dir string
	// Preset is the preset named by the file, or empty.
	Preset string
	// Rules are the severities set by "rules".
	Rules map[string]lint.Severity
	// Ignore are the glob patterns of files never linted.
	Ignore []string
	// Overrides set severities for the files matching their globs.
	Overrides []Override
	// ServerOnlyModules are the import specifiers that only work on the server.
	ServerOnlyModules []string
	// CacheKinds are cache kinds ("use cache: KIND") the project has
	// besides the built-in ones and its Next.js config's cacheHandlers.
	CacheKinds []string
	// Extends are the config files this one is applied over, as written:
	// paths relative to this file's directory (see Tree).
	Extends []string
	// extendsAt are the positions of Extends in the file, for messages.
	extendsAt []position
	// ignoreIx and overrideIx index the globs of Ignore and Overrides
	// (Load builds them; see globIndex).
	ignoreIx, overrideIx *globIndex
	// cleanDir is Dir when setDir found it absolute and clean.
	cleanDir string
}

// setDir sets Dir, noting whether it is absolute and clean (see relAbs).
func (c *Config) setDir(dir string) {
	c.Dir, c.cleanDir = dir, ""
	if filepath.IsAbs(dir) && filepath.Clean(dir) == dir {
		c.cleanDir = dir
	}
}

// position is a 1-based line and column (in characters) in a file.
type position struct{ line, col int }

// Override sets rule severities for some files.
type Override struct {
	// Files are glob patterns; an override applies to a file that matches one.
	Files []string
	Rules map[string]lint.Severity
}

// configKeys and overrideKeys are the valid keys of the file and of an
// override, for unknown-key messages.
var (
	configKeys   = []string{"$schema", "extends", "preset", "rules", "ignore", "overrides", "serverOnlyModules", "cacheKinds"}
	overrideKeys = []string{"files", "rules"}
)

// Find returns the path of the closest directivelint.json at or above
// dir, or "" when there is none.
func Find(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(abs, FileName)
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			return p
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs = parent
	}
}

// Error is a problem in a configuration file, at a line and column.
type Error struct {
	Path         string
	Line, Column int
	Message      string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Message)
	}
	return e.Path + ": " + e.Message
}

// Load reads the configuration file at path (JSON with comments and
// trailing commas). rules are the rules that exist; preset resolves a
// preset name into severities and presetNames lists the valid names. Every
// error names the file, line and column and, for a misspelt name, the
// closest valid one.
func Load(path string, rules []*lint.Rule, preset func(string) (map[string]lint.Severity, bool), presetNames []string) (*Config, error) {
	data, err := lint.ReadProjectFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("config file %s: no such file", path)
		}
		return nil, fmt.Errorf("config file %s: %w", path, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("config file %s: %w", path, err)
	}
	l := &configLoader{path: path, src: data, rules: rules}
	c := &Config{Path: path}
	c.setDir(filepath.Dir(abs))
	root, err := hujson.Parse(data)
	if err != nil {
		// A // comment may end the file without a newline; hujson wants
		// one. Other errors are reported where they are, not after it.
		if withNewline, err2 := hujson.Parse(append(data[:len(data):len(data)], '\n')); err2 == nil {
			root, err = withNewline, nil
		}
	}
	if err != nil {
		return nil, l.syntaxError(err)
	}
	obj, ok := root.Value.(*hujson.Object)
	if !ok {
		return nil, l.errorf(root.StartOffset, "the configuration must be a JSON object")
	}
	seen := map[string]bool{}
	for _, m := range obj.Members {
		key := m.Name.Value.(hujson.Literal).String()
		if seen[key] {
			return nil, l.errorf(m.Name.StartOffset, "duplicate key %q", key)
		}
		seen[key] = true
		v := m.Value
		switch key {
		case "$schema":
			if _, err := l.str(v, key); err != nil {
				return nil, err
			}
		case "extends":
			if c.Extends, c.extendsAt, err = l.extends(v); err != nil {
				return nil, err
			}
		case "preset":
			name, err := l.str(v, key)
			if err != nil {
				return nil, err
			}
			if _, ok := preset(name); !ok {
				return nil, l.errorf(v.StartOffset, "unknown preset %q%s", name, lint.DidYouMean(name, presetNames))
			}
			c.Preset = name
		case "rules":
			if c.Rules, err = l.ruleSeverities(v, key); err != nil {
				return nil, err
			}
		case "ignore":
			if c.Ignore, err = l.globs(v, key); err != nil {
				return nil, err
			}
		case "serverOnlyModules":
			if c.ServerOnlyModules, err = l.strs(v, key); err != nil {
				return nil, err
			}
		case "cacheKinds":
			if c.CacheKinds, err = l.cacheKinds(v, key); err != nil {
				return nil, err
			}
		case "overrides":
			if c.Overrides, err = l.overrides(v); err != nil {
				return nil, err
			}
		default:
			return nil, l.errorf(m.Name.StartOffset, "unknown key %q%s", key, lint.DidYouMean(key, configKeys))
		}
	}
	c.ignoreIx, c.overrideIx = c.ignoreIndex(), c.overrideIndex()
	return c, nil
}

type configLoader struct {
	path  string
	src   []byte
	rules []*lint.Rule
}

// position returns the 1-based line and column (in characters) of offset.
func (l *configLoader) position(offset int) (line, col int) {
	offset = min(max(offset, 0), len(l.src))
	before := l.src[:offset]
	line = 1 + strings.Count(string(before), "\n")
	start := strings.LastIndexByte(string(before), '\n') + 1
	return line, len([]rune(string(before[start:]))) + 1
}

func (l *configLoader) errorf(offset int, format string, args ...any) error {
	line, col := l.position(offset)
	return &Error{Path: l.path, Line: line, Column: col, Message: fmt.Sprintf(format, args...)}
}

// hujsonPosition matches the position hujson puts in its errors.
var hujsonPosition = regexp.MustCompile(`^hujson: line (\d+), column (\d+): `)

func (l *configLoader) syntaxError(err error) error {
	msg := err.Error()
	if m := hujsonPosition.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		return &Error{Path: l.path, Line: line, Column: col, Message: "invalid JSON: " + msg[len(m[0]):]}
	}
	return &Error{Path: l.path, Message: "invalid JSON: " + strings.TrimPrefix(msg, "hujson: ")}
}

func (l *configLoader) str(v hujson.Value, key string) (string, error) {
	lit, ok := v.Value.(hujson.Literal)
	if !ok || lit.Kind() != '"' {
		return "", l.errorf(v.StartOffset, "%q must be a string", key)
	}
	return lit.String(), nil
}

// extends reads "extends": a path, or an array of paths, each relative to
// the file (starting with ./ or ../), and their positions.
func (l *configLoader) extends(v hujson.Value) ([]string, []position, error) {
	const want = "\"extends\" must be a path relative to this file, or an array of them"
	elems := []hujson.Value{v}
	if arr, ok := v.Value.(*hujson.Array); ok {
		elems = arr.Elements
	}
	var paths []string
	var at []position
	for _, e := range elems {
		lit, ok := e.Value.(hujson.Literal)
		if !ok || lit.Kind() != '"' {
			return nil, nil, l.errorf(e.StartOffset, want)
		}
		p := lit.String()
		if !strings.HasPrefix(p, "./") && !strings.HasPrefix(p, "../") {
			return nil, nil, l.errorf(e.StartOffset, "invalid path %q in \"extends\": a path relative to this file starts with ./ or ../", p)
		}
		line, col := l.position(e.StartOffset)
		paths = append(paths, p)
		at = append(at, position{line, col})
	}
	return paths, at, nil
}

func (l *configLoader) strs(v hujson.Value, key string) ([]string, error) {
	arr, ok := v.Value.(*hujson.Array)
	if !ok {
		return nil, l.errorf(v.StartOffset, "%q must be an array of strings", key)
	}
	out := []string{}
	for _, e := range arr.Elements {
		lit, ok := e.Value.(hujson.Literal)
		if !ok || lit.Kind() != '"' {
			return nil, l.errorf(e.StartOffset, "%q must be an array of strings", key)
		}
		out = append(out, lit.String())
	}
	return out, nil
}

// cacheKindRE matches a cache kind, as in "use cache: KIND".
var cacheKindRE = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// cacheKinds reads an array of cache kinds: each a word of letters, digits,
// '-' and '_'.
func (l *configLoader) cacheKinds(v hujson.Value, key string) ([]string, error) {
	return l.checkedStrs(v, key, "cache kind", ": a kind is a word of letters, digits, '-' and '_'", cacheKindRE.MatchString)
}

func (l *configLoader) globs(v hujson.Value, key string) ([]string, error) {
	return l.checkedStrs(v, key, "glob pattern", "", func(g string) bool {
		return g != "" && doublestar.ValidatePattern(normalizeGlob(g))
	})
}

// checkedStrs reads an array of strings that valid accepts each of; the
// error for one it does not names it as an invalid what, followed by hint.
func (l *configLoader) checkedStrs(v hujson.Value, key, what, hint string, valid func(string) bool) ([]string, error) {
	out, err := l.strs(v, key)
	if err != nil {
		return nil, err
	}
	arr := v.Value.(*hujson.Array)
	for i, s := range out {
		if !valid(s) {
			return nil, l.errorf(arr.Elements[i].StartOffset, "invalid %s %q in %q%s", what, s, key, hint)
		}
	}
	return out, nil
}

func (l *configLoader) ruleSeverities(v hujson.Value, key string) (map[string]lint.Severity, error) {
	obj, ok := v.Value.(*hujson.Object)
	if !ok {
		return nil, l.errorf(v.StartOffset, "%q must be an object mapping rule IDs to \"error\", \"warn\" or \"off\"", key)
	}
	ids := make([]string, len(l.rules))
	for i, r := range l.rules {
		ids[i] = r.ID
	}
	out := map[string]lint.Severity{}
	for _, m := range obj.Members {
		id := m.Name.Value.(hujson.Literal).String()
		if !slices.Contains(ids, id) {
			return nil, l.errorf(m.Name.StartOffset, "unknown rule %q%s", id, lint.DidYouMean(id, ids))
		}
		lit, ok := m.Value.Value.(hujson.Literal)
		sev, valid := lint.Severity(0), false
		if ok && lit.Kind() == '"' {
			sev, valid = lint.ParseSeverity(lit.String())
		}
		if !valid {
			return nil, l.errorf(m.Value.StartOffset, "invalid severity %s for rule %q: want \"error\", \"warn\" or \"off\"", l.text(m.Value), id)
		}
		out[id] = sev
	}
	return out, nil
}

// text is the source text of a value, shortened to one line.
func (l *configLoader) text(v hujson.Value) string {
	s := string(l.src[v.StartOffset:v.EndOffset])
	if i := strings.IndexAny(s, "\r\n"); i >= 0 || len(s) > 40 {
		if i < 0 || i > 40 {
			i = 40
		}
		s = s[:i] + "…"
	}
	return s
}

func (l *configLoader) overrides(v hujson.Value) ([]Override, error) {
	arr, ok := v.Value.(*hujson.Array)
	if !ok {
		return nil, l.errorf(v.StartOffset, "\"overrides\" must be an array of objects with \"files\" and \"rules\"")
	}
	var out []Override
	for _, e := range arr.Elements {
		obj, ok := e.Value.(*hujson.Object)
		if !ok {
			return nil, l.errorf(e.StartOffset, "\"overrides\" must be an array of objects with \"files\" and \"rules\"")
		}
		var o Override
		hasFiles := false
		for _, m := range obj.Members {
			key := m.Name.Value.(hujson.Literal).String()
			var err error
			switch key {
			case "files":
				hasFiles = true
				o.Files, err = l.globs(m.Value, "files")
			case "rules":
				o.Rules, err = l.ruleSeverities(m.Value, "rules")
			default:
				err = l.errorf(m.Name.StartOffset, "unknown key %q in an override%s", key, lint.DidYouMean(key, overrideKeys))
			}
			if err != nil {
				return nil, err
			}
		}
		if !hasFiles || len(o.Files) == 0 {
			return nil, l.errorf(e.StartOffset, "an override needs \"files\": a list of glob patterns")
		}
		out = append(out, o)
	}
	return out, nil
}

// normalizeGlob turns a config glob into a doublestar pattern relative to
// the config directory: "./" and a leading "/" anchor it there; a pattern
// without any other slash matches at any depth; a trailing "/" matches
// everything below.
func normalizeGlob(g string) string {
	anchored := strings.HasPrefix(g, "/") || strings.HasPrefix(g, "./")
	g = strings.TrimPrefix(strings.TrimPrefix(g, "./"), "/")
	if strings.HasSuffix(g, "/") {
		g += "**"
	}
	if !anchored && !strings.Contains(strings.TrimSuffix(g, "/**"), "/") {
		g = "**/" + g
	}
	return g
}

// absPath returns p made absolute, or "" when it cannot be (and for "").
func absPath(p string) string {
	if p == "" {
		return ""
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	return abs
}

// relAbs returns abs (as absPath returns it) relative to the config
// directory with forward slashes, or false when it is not under it. A path
// under a clean Dir is cut after it, as filepath.Rel would, without
// cleaning both again: a chain of a thousand nested config files has as
// many for each file.
func (c *Config) relAbs(abs string) (string, bool) {
	if abs == "" {
		return "", false
	}
	clean := c.Dir != "" && (c.cleanDir == c.Dir || filepath.IsAbs(c.Dir) && filepath.Clean(c.Dir) == c.Dir)
	if rest, ok := strings.CutPrefix(abs, c.Dir); ok && clean {
		switch {
		case rest == "":
			return ".", true
		case os.IsPathSeparator(c.Dir[len(c.Dir)-1]):
			return filepath.ToSlash(rest), true
		case os.IsPathSeparator(rest[0]):
			return filepath.ToSlash(rest[1:]), true
		}
	}
	r, err := filepath.Rel(c.Dir, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// ignoreIndex returns the index of "ignore": Load's, else a new one.
func (c *Config) ignoreIndex() *globIndex {
	if c.ignoreIx != nil {
		return c.ignoreIx
	}
	return newGlobIndex([][]string{c.Ignore})
}

// overrideIndex returns the index of the overrides' "files": Load's, else
// a new one.
func (c *Config) overrideIndex() *globIndex {
	if c.overrideIx != nil {
		return c.overrideIx
	}
	lists := make([][]string, len(c.Overrides))
	for i, o := range c.Overrides {
		lists[i] = o.Files
	}
	return newGlobIndex(lists)
}

// Ignored reports whether the file at path (as opened) matches "ignore",
// itself or through a directory above it.
func (c *Config) Ignored(p string) bool {
	return c.ignoredAbs(absPath(p))
}

// ignoredAbs is Ignored of a path absPath returned.
func (c *Config) ignoredAbs(abs string) bool {
	if c == nil || len(c.Ignore) == 0 {
		return false
	}
	rel, ok := c.relAbs(abs)
	return ok && c.ignoreIndex().matchAny(rel, true)
}

// Severities returns the severities for the file at path: base (the preset
// and the command line's settings are the caller's), then "rules", then the
// overrides that match it in order, then flags, which win.
func (c *Config) Severities(p string, base, flags map[string]lint.Severity) map[string]lint.Severity {
	var ch *Chain
	if c != nil {
		ch = &Chain{Layers: []*Config{c}}
	}
	return ch.Severities(p, base, flags)
}

// apply sets in sev the severities of "rules" and of the overrides that
// match the file at abs (as absPath returns it), in order.
func (c *Config) apply(sev map[string]lint.Severity, abs string) {
	for id, s := range c.Rules {
		sev[id] = s
	}
	if len(c.Overrides) == 0 {
		return
	}
	rel, ok := c.relAbs(abs)
	if !ok {
		return
	}
	for _, i := range c.overrideIndex().matchLists(rel) {
		for id, s := range c.Overrides[i].Rules {
			sev[id] = s
		}
	}
}
