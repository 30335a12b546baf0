package lint_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/directivelint/directivelint/internal/testtree"
	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/cache"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
	"github.com/directivelint/directivelint/rules"
)

// snapshotProject is a Next.js app inside a directory that holds other
// things: the project's parent is listed (project files are looked for
// above it), but only some of its names matter.
var snapshotProject = map[string]string{
	"above/notes.txt":                    "not code",
	"above/app/package.json":             `{"name": "app", "dependencies": {"next": "15.0.0"}}`,
	"above/app/tsconfig.json":            `{"compilerOptions": {"paths": {"@/*": ["./*"]}}}`,
	"above/app/app/page.tsx":             "import { Button } from '@/components/button';\nimport { save } from '@/lib/actions';\nexport default function Page() { return <Button action={save} />; }\n",
	"above/app/app/other/page.tsx":       "import { Card } from '@/components/card';\nexport default function Other() { return <Card onClick={() => 1} />; }\n",
	"above/app/components/button.tsx":    "'use client';\nimport { helper } from '@/lib/helper';\nexport function Button(props) { return <button {...props} />; }\n",
	"above/app/components/card.tsx":      "'use client';\nexport const Card = (props) => <div {...props} />;\n",
	"above/app/lib/helper.ts":            "export function helper() { return 1; }\n",
	"above/app/lib/actions.ts":           "'use server';\nexport async function save() {}\nexport function sync() {}\n",
	"above/app/lib/util.ts":              "export const util = () => { 'use server'; return 1; };\n",
	"above/app/components/deep/thing.ts": "import 'server-only';\nexport const thing = 1;\n",
	"above/app/lib/uses-lib.ts":          "import { x } from 'some-lib';\nimport { n } from '../../shared/n';\nexport const y = x + n;\n",
}

// inSnapshotProject writes snapshotProject to a new directory and makes
// its app the working directory.
func inSnapshotProject(t *testing.T) {
	t.Helper()
	root := t.TempDir()
	testtree.Write(t, root, snapshotProject)
	t.Chdir(filepath.Join(root, "above", "app"))
}

// snapshotRun lints the working directory with a cache in cacheDir, as
// the command line does, and returns the result and its snapshot. start
// is when the run starts (nanoseconds): files written less than 3 s
// before it have racy stamps.
func snapshotRun(t *testing.T, cacheDir string, start int64) (*lint.Result, *lint.Snapshot, lint.Options) {
	t.Helper()
	resolver := resolve.NewResolver(source.ReadProjectFile)
	targets, _, err := discover.TargetsWithListings(nil, resolver.AddListing)
	if err != nil {
		t.Fatal(err)
	}
	store, notice := cache.Open(cacheDir, "test")
	if notice != nil {
		t.Fatal(notice)
	}
	opts := lint.Options{Rules: rules.All(), Resolver: resolver, Records: store, Start: start}
	res := lint.Run(targets, opts)
	if err := store.Save(); err != nil {
		t.Fatal(err)
	}
	snap, ok := lint.TakeSnapshot(res, targets, opts)
	if ok {
		snap.Records = store.Generation()
	}
	return res, snap, opts
}

// roundTrip encodes snap and decodes it again.
func roundTrip(t *testing.T, snap *lint.Snapshot) *lint.Snapshot {
	t.Helper()
	var buf bytes.Buffer
	if _, err := snap.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, ok := lint.DecodeSnapshot(buf.Bytes())
	if !ok {
		t.Fatal("the snapshot written does not read back")
	}
	return back
}

// future is a run start an hour from now: no file written by a test is
// racy then, and stamps alone tell changes.
func future() int64 { return time.Now().Add(time.Hour).UnixNano() }

// sameResult fails unless got reports what want does.
func sameResult(t *testing.T, what string, got, want *lint.Result) {
	t.Helper()
	if render(got.Diagnostics) != render(want.Diagnostics) || !slices.Equal(got.Notices, want.Notices) || got.Files != want.Files {
		t.Errorf("%s: got\n%s%v (%d files)\nwant\n%s%v (%d files)", what,
			render(got.Diagnostics), got.Notices, got.Files, render(want.Diagnostics), want.Notices, want.Files)
	}
}

// render writes diagnostics one a line, with everything a report shows.
func render(ds []lint.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%s:%d:%d-%d:%d %s %s %q excerpt %q@%d fix %v\n", d.File, d.Pos.Line, d.Pos.Column, d.End.Line, d.End.Column,
			d.Rule, d.Severity, d.Message, d.Excerpt.Text, d.Excerpt.Column, d.Fix != nil)
		for _, r := range d.Related {
			fmt.Fprintf(&b, "\t%s:%d:%d %s\n", r.File, r.Pos.Line, r.Pos.Column, r.Message)
		}
	}
	return b.String()
}

func TestSnapshotGivesTheRunAgain(t *testing.T) {
	inSnapshotProject(t)
	res, snap, _ := snapshotRun(t, t.TempDir(), future())
	if snap == nil {
		t.Fatal("no snapshot")
	}
	if len(res.Diagnostics) == 0 {
		t.Fatal("the project reports nothing: the test proves little")
	}
	back := roundTrip(t, snap)
	changed, ok := back.Changed()
	if !ok || len(changed) != 0 {
		t.Fatalf("nothing changed, yet Changed says %v %v", changed, ok)
	}
	sameResult(t, "given again", back.Result, res)
	// The file keeps no Target.Abs: it is the working directory (part of
	// the snapshot's key) joined to Path.
	kept := slices.Clone(snap.Targets)
	for i := range kept {
		kept[i].Abs = ""
	}
	if !reflect.DeepEqual(back.Targets, kept) || back.Records != snap.Records || !maps.Equal(back.Severity, snap.Severity) {
		t.Errorf("the snapshot read back differs: %+v", back)
	}
}

// TestSnapshotChanged: what Changed tells after each change to the tree.
func TestSnapshotChanged(t *testing.T) {
	cases := []struct {
		name    string
		change  func(t *testing.T)
		changed []string // targets, relative to the project
		ok      bool
	}{
		{"nothing", func(*testing.T) {}, nil, true},
		{"a target edited", func(t *testing.T) { write(t, "lib/helper.ts", "export const helper = 2;\n") }, []string{"lib/helper.ts"}, true},
		{"a target removed", func(t *testing.T) { remove(t, "lib/util.ts") }, nil, false},
		{"a file added where the walk looks", func(t *testing.T) { write(t, "lib/new.ts", "export {};\n") }, nil, false},
		{"a file added that is not code", func(t *testing.T) { write(t, "lib/readme.md", "#") }, nil, false}, // the walk lists every entry
		{"a config file added", func(t *testing.T) { write(t, "components/directivelint.json", "{}") }, nil, false},
		{"a .gitignore added", func(t *testing.T) { write(t, "lib/.gitignore", "util.ts\n") }, nil, false},
		{"tsconfig.json edited", func(t *testing.T) { write(t, "tsconfig.json", "{}") }, nil, false},
		{"an unrelated file added above the project", func(t *testing.T) { write(t, "../other.txt", "x") }, nil, true},
		{"an unrelated file removed above the project", func(t *testing.T) { remove(t, "../notes.txt") }, nil, true},
		{"a file an import looks for added above the project", func(t *testing.T) { write(t, "../shared/n.ts", "export const n = 1;\n") }, nil, false},
		// A package import resolves by its name, not its files.
		{"the package an import names added above the project", func(t *testing.T) { write(t, "../node_modules/some-lib/index.js", "") }, nil, true},
		{"package.json added above the project", func(t *testing.T) { write(t, "../package.json", "{}") }, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			inSnapshotProject(t)
			_, snap, _ := snapshotRun(t, t.TempDir(), future())
			if snap == nil {
				t.Fatal("no snapshot")
			}
			c.change(t)
			changed, ok := roundTrip(t, snap).Changed()
			var want []string
			for _, p := range c.changed {
				abs, _ := filepath.Abs(p)
				want = append(want, abs)
			}
			if ok != c.ok || ok && !reflect.DeepEqual(changed, want) {
				t.Errorf("Changed() = %v, %v; want %v, %v", changed, ok, want, c.ok)
			}
		})
	}
}

// TestSnapshotRacy: a target written just before the run holds while its
// content does; a project file written then leaves no snapshot.
func TestSnapshotRacy(t *testing.T) {
	if testing.Short() {
		t.Skip("sleeps: files must age for their stamps to tell")
	}
	inSnapshotProject(t)
	cacheDir := t.TempDir()
	if _, snap, _ := snapshotRun(t, cacheDir, time.Now().UnixNano()); snap != nil {
		t.Error("a snapshot of a run whose package.json was just written")
	}
	time.Sleep(3100 * time.Millisecond) // the project ages
	const helper = "export function helper() { return 1; }\n"
	write(t, "lib/helper.ts", helper)
	_, snap, _ := snapshotRun(t, cacheDir, time.Now().UnixNano())
	if snap == nil {
		t.Fatal("no snapshot of a run whose one racy file is a target")
	}
	back := roundTrip(t, snap)
	if changed, ok := back.Changed(); !ok || len(changed) != 0 {
		t.Errorf("nothing changed, yet Changed says %v %v", changed, ok)
	}
	write(t, "lib/helper.ts", strings.Replace(helper, "1", "2", 1)) // the same size, perhaps the same stamp: only the content tells
	if changed, ok := back.Changed(); !ok || len(changed) != 1 {
		t.Errorf("a same-size edit of a racy file: Changed says %v %v", changed, ok)
	}
	write(t, "lib/helper.ts", helper) // back as it was, under another stamp
	if changed, ok := back.Changed(); !ok || len(changed) != 0 {
		t.Errorf("the racy file back as it was: Changed says %v %v", changed, ok)
	}
}

// TestSnapshotPatch: a target changed in a way the module graph does not
// see is checked alone, with the result a whole run gives; other changes
// are refused.
func TestSnapshotPatch(t *testing.T) {
	cases := []struct {
		name, file, content string
		patched             bool
	}{
		{"a comment appended", "components/button.tsx", "'use client';\nimport { helper } from '@/lib/helper';\nexport function Button(props) { return <button {...props} />; }\n// note\n", true},
		{"a report added past the imports", "lib/actions.ts", "'use server';\nexport async function save() {}\nexport function sync() {}\nexport const z = 1;\n", true},
		{"a directive added in a body", "lib/helper.ts", "export function helper() { 'use server'; return 1; }\n", false},
		{"written again the same", "lib/helper.ts", "export function helper() { return 1; }\n", true},
		{"a suppression comment added", "lib/actions.ts", "'use server';\nexport async function save() {}\n// directivelint-disable-next-line\nexport function sync() {}\n", true},
		{"an import removed", "components/button.tsx", "'use client';\nexport function Button(props) { return <button {...props} />; }\n", false},
		{"a directive added", "lib/helper.ts", "'use client';\nexport function helper() { return 1; }\n", false},
		{"a module whose JSX the graph rules read", "app/other/page.tsx", "import { Card } from '@/components/card';\nexport default function Other() { return <Card onClick={() => 2} />; }\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			inSnapshotProject(t)
			cacheDir := t.TempDir()
			_, snap, opts := snapshotRun(t, cacheDir, future())
			if snap == nil {
				t.Fatal("no snapshot")
			}
			write(t, c.file, c.content)
			snap = roundTrip(t, snap)
			changed, ok := snap.Changed()
			if !ok || len(changed) != 1 {
				t.Fatalf("Changed() = %v, %v", changed, ok)
			}
			store, _ := cache.Open(cacheDir, "test")
			opts.Records, opts.Resolver = store, resolve.NewResolver(source.ReadProjectFile)
			got, patched := snap.Patch(changed, opts, store.Generation())
			if patched != c.patched {
				t.Fatalf("patched: %v, want %v", patched, c.patched)
			}
			if !patched {
				return
			}
			want := wholeRun(t)
			sameResult(t, "patched", got, want)
			// The snapshot now holds the new stamp.
			if again, ok := roundTrip(t, snap).Changed(); !ok || len(again) != 0 {
				t.Errorf("after the patch, Changed() = %v, %v", again, ok)
			}
			// Records of another writing of the cache: no patch.
			if _, ok := snap.Patch(changed, opts, "other"); ok {
				t.Error("patched against other records")
			}
		})
	}
}

// wholeRun lints the working directory without a cache.
func wholeRun(t *testing.T) *lint.Result {
	t.Helper()
	resolver := resolve.NewResolver(source.ReadProjectFile)
	targets, _, err := discover.TargetsWithListings(nil, resolver.AddListing)
	if err != nil {
		t.Fatal(err)
	}
	return lint.Run(targets, lint.Options{Rules: rules.All(), Resolver: resolver})
}

func write(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, name string) {
	t.Helper()
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
}

// FuzzDecodeSnapshot feeds the decoder bodies with a valid checksum (a
// mutation would rarely get past it otherwise): it must never fail but by
// saying so, and what it reads must write and read back.
func FuzzDecodeSnapshot(f *testing.F) {
	root := f.TempDir()
	testtree.Write(f, root, snapshotProject)
	wd, _ := os.Getwd()
	if err := os.Chdir(filepath.Join(root, "above", "app")); err != nil {
		f.Fatal(err)
	}
	resolver := resolve.NewResolver(source.ReadProjectFile)
	targets, _, _ := discover.TargetsWithListings(nil, resolver.AddListing)
	opts := lint.Options{Rules: rules.All(), Resolver: resolver, Start: future()}
	snap, ok := lint.TakeSnapshot(lint.Run(targets, opts), targets, opts)
	if err := os.Chdir(wd); err != nil {
		f.Fatal(err)
	}
	if !ok {
		f.Fatal("no snapshot")
	}
	var buf bytes.Buffer
	_, _ = snap.WriteTo(&buf)
	f.Add(buf.Bytes()[:buf.Len()-4]) // without its checksum
	f.Add([]byte(strings.Repeat("DLSNAP", 10)))
	castagnoli := crc32.MakeTable(crc32.Castagnoli)
	f.Fuzz(func(t *testing.T, body []byte) {
		data := binary.LittleEndian.AppendUint32(bytes.Clone(body), crc32.Checksum(body, castagnoli))
		s, ok := lint.DecodeSnapshot(data)
		if !ok {
			return
		}
		var out bytes.Buffer
		if _, err := s.WriteTo(&out); err != nil {
			t.Fatal(err)
		}
		if _, ok := lint.DecodeSnapshot(out.Bytes()); !ok {
			t.Error("a snapshot read and written again does not read back")
		}
	})
}

// TestSnapshotPatchLimit: past 64 changed files (a fresh checkout gives
// every file a new stamp), a whole run is faster than checking them one
// after another.
func TestSnapshotPatchLimit(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{"package.json": `{"name": "many"}`}
	for i := range 65 {
		files[fmt.Sprintf("lib/f%02d.ts", i)] = "export const x = 1;\n"
	}
	testtree.Write(t, root, files)
	t.Chdir(root)
	cacheDir := t.TempDir()
	_, snap, opts := snapshotRun(t, cacheDir, future())
	if snap == nil {
		t.Fatal("no snapshot")
	}
	for i := range 65 {
		write(t, fmt.Sprintf("lib/f%02d.ts", i), "export const x = 1;\n// edited\n")
	}
	changed, ok := snap.Changed()
	if !ok || len(changed) != 65 {
		t.Fatalf("Changed() = %d files, %v", len(changed), ok)
	}
	store, _ := cache.Open(cacheDir, "test")
	opts.Records, opts.Resolver = store, resolve.NewResolver(source.ReadProjectFile)
	if _, ok := snap.Patch(changed, opts, store.Generation()); ok {
		t.Error("65 files patched")
	}
	if _, ok := snap.Patch(changed[:64], opts, store.Generation()); !ok { // the limit only: the 65th is left out
		t.Error("64 files not patched")
	}
}

// TestSnapshotOfATrustedRun: a run that took its files' records and their
// resolutions as they were looked nowhere for what those imports need;
// its snapshot must still notice a file appearing where one of them looked
// (here, outside the walked tree).
func TestSnapshotOfATrustedRun(t *testing.T) {
	inSnapshotProject(t)
	write(t, "../other/readme.md", "not code")
	write(t, "lib/escape.ts", "import { n } from '../../other/n';\nexport const m = n;\n")
	cacheDir := t.TempDir()
	if _, snap, _ := snapshotRun(t, cacheDir, future()); snap == nil {
		t.Fatal("no snapshot of the first run")
	}
	res, snap, _ := snapshotRun(t, cacheDir, future())
	if snap == nil || res.Reused == 0 {
		t.Fatalf("the second run took nothing from the records (%d) or left no snapshot", res.Reused)
	}
	write(t, "../other/n.ts", "export const n = 1;\n")
	if changed, ok := roundTrip(t, snap).Changed(); ok {
		t.Errorf("a file an import looks for appeared, yet Changed says %v, %v", changed, ok)
	}
}
