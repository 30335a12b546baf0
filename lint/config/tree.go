package config

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/cleanpath"
)

// MaxExtendsDepth is how deep "extends" may nest: a config file that
// extends one that extends another… more than this many times is an error.
const MaxExtendsDepth = 16

// Chain is the configuration of a file: the config files that apply to
// it, in the order they apply, so that a later one's settings win. They
// are the nearest directivelint.json at or above the file and those above
// it, the farthest first; each is preceded by the files it extends, whose
// globs are relative to the directory of the file that extends them (an
// extended file is applied as if it were written into the extending one).
// A file that one file's "extends" reach more than once is in the chain
// once, at its last place: applying it there again gives the same
// settings. A nil Chain is no configuration.
type Chain struct {
	// Layers are the config files in the order they apply.
	Layers []*Config
}

// Files returns the paths of the chain's config files, in the order they apply.
func (ch *Chain) Files() []string {
	if ch == nil {
		return nil
	}
	out := make([]string, len(ch.Layers))
	for i, c := range ch.Layers {
		out[i] = c.Path
	}
	return out
}

// Preset returns the preset of the nearest config file that names one, or "".
func (ch *Chain) Preset() string {
	return nearest(ch, func(c *Config) (string, bool) { return c.Preset, c.Preset != "" })
}

// ServerOnlyModules returns the "serverOnlyModules" of the nearest config
// file that sets it, or nil.
func (ch *Chain) ServerOnlyModules() []string {
	return nearest(ch, func(c *Config) ([]string, bool) { return c.ServerOnlyModules, c.ServerOnlyModules != nil })
}

// CacheKinds returns the "cacheKinds" of the nearest config file that sets
// it, or nil.
func (ch *Chain) CacheKinds() []string {
	return nearest(ch, func(c *Config) ([]string, bool) { return c.CacheKinds, c.CacheKinds != nil })
}

// nearest returns the value of the last layer that sets it.
func nearest[T any](ch *Chain, get func(*Config) (T, bool)) T {
	var zero T
	if ch == nil {
		return zero
	}
	for _, c := range slices.Backward(ch.Layers) {
		if v, ok := get(c); ok {
			return v
		}
	}
	return zero
}

// Ignored reports whether the file at path matches the "ignore" of any of
// the chain's config files (each relative to its own directory).
func (ch *Chain) Ignored(path string) bool {
	if ch == nil {
		return false
	}
	abs := absPath(path)
	return slices.ContainsFunc(ch.Layers, func(c *Config) bool { return c.ignoredAbs(abs) })
}

// Severities returns the severities for the file at path: base (the
// preset: see Preset), then each config file's "rules" and the overrides
// that match the file, in the order the files apply, then flags, which win.
func (ch *Chain) Severities(path string, base, flags map[string]lint.Severity) map[string]lint.Severity {
	out := make(map[string]lint.Severity, len(base))
	for id, s := range base {
		out[id] = s
	}
	if ch != nil {
		abs := absPath(path)
		for _, c := range ch.Layers {
			c.apply(out, abs)
		}
	}
	for id, s := range flags {
		out[id] = s
	}
	return out
}

// Highest returns the severities Severities gives a file that no override
// matches, each raised to the highest severity an override of the chain
// sets and flags does not: every rule that is on for some file is on.
func (ch *Chain) Highest(base, flags map[string]lint.Severity) map[string]lint.Severity {
	out := ch.Severities("", base, flags)
	if ch == nil {
		return out
	}
	for _, c := range ch.Layers {
		for _, o := range c.Overrides {
			for id, s := range o.Rules {
				if _, set := flags[id]; !set && s > out[id] {
					out[id] = s
				}
			}
		}
	}
	return out
}

// Tree finds the configuration of each file: the nearest directivelint.json
// at or above it, applied over those above it and over the files it
// extends (see Chain); or, after Use, one file for every file. It loads
// each config file once and remembers the chain of each directory, so
// that most files cost a map lookup. It is safe for concurrent use.
type Tree struct {
	rules       []*lint.Rule
	preset      func(string) (map[string]lint.Severity, bool)
	presetNames []string
	wd          string // the working directory: paths are shown relative to it

	mu    sync.Mutex
	fixed *Chain            // set by Use: the chain of every file
	used  bool              // Use was called
	dirs  map[string]*Chain // absolute directory → its chain (nil: no config file)
	files map[string]*Config
	exts  map[string]*extension // absolute path → what the file extends
	// absent, when set, reports that there is surely no file at a path
	// (from a directory listing already read; see SetAbsent).
	absent func(path string) bool
	order  []string // the config files loaded, in the order they were
}

// NewTree returns a Tree that loads config files with rules, preset and
// presetNames (see Load).
func NewTree(rules []*lint.Rule, preset func(string) (map[string]lint.Severity, bool), presetNames []string) *Tree {
	wd, _ := os.Getwd()
	return &Tree{rules: rules, preset: preset, presetNames: presetNames, wd: wd,
		dirs: map[string]*Chain{}, files: map[string]*Config{}, exts: map[string]*extension{}}
}

// SetAbsent gives t a way to know, without a system call, that a config
// file is not there: most directories of a tree have none, and the walk
// has listed them.
func (t *Tree) SetAbsent(absent func(path string) bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.absent = absent
}

// Use makes the config file at path, and what it extends, the
// configuration of every file, with no lookup (as --config does). Its
// globs are relative to its own directory.
func (t *Tree) Use(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("config file %s: %w", path, err)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	layers, err := t.expand(abs, path, cleanpath.Dir(abs))
	if err != nil {
		return err
	}
	t.fixed, t.used = &Chain{Layers: layers}, true
	return nil
}

// Abs returns path made absolute against the working directory the Tree
// was made in.
func (t *Tree) Abs(path string) string {
	return cleanpath.Abs(t.wd, path)
}

// For returns the chain of the file at path (nil when no config file
// applies), or the error of a config file it needs.
func (t *Tree) For(path string) (*Chain, error) {
	return t.ForDir(cleanpath.Dir(t.Abs(path)))
}

// ForDir returns the chain of the files in the directory dir.
func (t *Tree) ForDir(dir string) (*Chain, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.used {
		return t.fixed, nil
	}
	return t.dirChain(t.Abs(dir))
}

// Loaded returns the paths of the config files loaded so far, each once,
// in the order they were first needed.
func (t *Tree) Loaded() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return slices.Clone(t.order)
}

// dirChain returns the chain of the absolute directory dir; t.mu is held.
func (t *Tree) dirChain(dir string) (*Chain, error) {
	if ch, ok := t.dirs[dir]; ok {
		return ch, nil
	}
	var ch *Chain
	if up := cleanpath.Dir(dir); up != dir {
		var err error
		if ch, err = t.dirChain(up); err != nil {
			return nil, err
		}
	}
	abs := cleanpath.Join(dir, FileName)
	if t.absent != nil && t.absent(abs) {
		// No such file: no system call to say so.
	} else if info, err := os.Stat(abs); err == nil && info.Mode().IsRegular() {
		layers, err := t.expand(abs, t.display(abs), dir)
		if err != nil {
			return nil, err
		}
		var parent []*Config
		if ch != nil {
			parent = ch.Layers
		}
		ch = &Chain{Layers: append(slices.Clip(parent), layers...)}
	}
	t.dirs[dir] = ch
	return ch, nil
}

// expand returns the layers of the config file at abs (shown as shown):
// the layers of the files it extends, in order, then the file itself, all
// with their globs relative to dir. A file met again is kept at its last
// place only: its settings there win over its own earlier ones, and over
// those of the files in between. t.mu is held.
func (t *Tree) expand(abs, shown, dir string) ([]*Config, error) {
	e, err := t.extended(abs, shown, nil)
	if err != nil {
		return nil, err
	}
	out := make([]*Config, len(e.files))
	for i, f := range e.files {
		own := *t.files[f]
		own.setDir(dir)
		out[i] = &own
	}
	return out, nil
}

// extension is what a config file extends, followed by the file itself.
type extension struct {
	// files are the absolute paths of the files, each once, at its last
	// place in the order they apply.
	files []string
	// depth is how far below the file the deepest file that extends
	// others is, -1 if none: a file met stack deep (the files that extend
	// it) makes an error when stack+depth+1 > MaxExtendsDepth.
	depth int
}

// extended returns the extension of the config file at abs (shown as
// shown), reading it and what it extends the first time. stack holds the
// absolute paths of the files that extend it, to tell a cycle. Met again,
// a file makes no new error but for its depth (its first look would have
// found a cycle through it), so its extension is taken again unless the
// depth is over the bound: then it is looked at again, to report the
// error where the first look would have. t.mu is held.
func (t *Tree) extended(abs, shown string, stack []string) (*extension, error) {
	if e, ok := t.exts[abs]; ok && len(stack)+e.depth+1 <= MaxExtendsDepth {
		return e, nil
	}
	c, err := t.load(abs, shown)
	if err != nil {
		return nil, err
	}
	stack = append(stack, abs)
	var parts []*extension
	e := &extension{depth: -1}
	for i, ext := range c.Extends {
		at := c.extendsAt[i]
		fail := func(format string, args ...any) error {
			return &Error{Path: c.Path, Line: at.line, Column: at.col, Message: fmt.Sprintf(format, args...)}
		}
		next := cleanpath.Join(cleanpath.Dir(abs), filepath.FromSlash(ext))
		if j := slices.Index(stack, next); j >= 0 {
			names := make([]string, 0, len(stack)-j+1)
			for _, s := range append(stack[j:len(stack):len(stack)], next) {
				names = append(names, t.files[s].Path)
			}
			return nil, fail("\"extends\" makes a cycle: %s", strings.Join(names, " → "))
		}
		if len(stack) > MaxExtendsDepth {
			return nil, fail("\"extends\" nests more than %d files deep", MaxExtendsDepth)
		}
		if _, ok := t.exts[next]; !ok {
			if info, err := os.Stat(next); err != nil || !info.Mode().IsRegular() {
				return nil, fail("extends %q: no such file (%s)", ext, t.display(next))
			}
		}
		sub, err := t.extended(next, t.display(next), stack)
		if err != nil {
			return nil, err
		}
		parts = append(parts, sub)
		e.depth = max(e.depth, sub.depth+1, 0)
	}
	e.files = append(lastOnce(parts), abs)
	t.exts[abs] = e
	return e, nil
}

// lastOnce returns the files of parts in order, each at its last place
// only. A part met again is taken at its last place only: each of its
// files is met again after the first.
func lastOnce(parts []*extension) []string {
	seenPart := map[*extension]bool{}
	seen := map[string]bool{}
	var out []string
	for i := len(parts) - 1; i >= 0; i-- {
		if seenPart[parts[i]] {
			continue
		}
		seenPart[parts[i]] = true
		for _, f := range slices.Backward(parts[i].files) {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	slices.Reverse(out)
	return out
}

// load returns the config file at abs, loading it the first time. t.mu is held.
func (t *Tree) load(abs, shown string) (*Config, error) {
	if c, ok := t.files[abs]; ok {
		return c, nil
	}
	c, err := Load(shown, t.rules, t.preset, t.presetNames)
	if err != nil {
		return nil, err
	}
	t.files[abs] = c
	t.order = append(t.order, c.Path)
	return c, nil
}

// display returns abs as shown in messages: relative to the working
// directory when it is under it, else absolute.
func (t *Tree) display(abs string) string {
	if t.wd != "" {
		if rel, err := filepath.Rel(t.wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return rel
		}
	}
	return abs
}
