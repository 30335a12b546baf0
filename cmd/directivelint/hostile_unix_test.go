//go:build unix

package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/directivelint/directivelint/lint/source"
	"github.com/directivelint/directivelint/rules"
)

// hostileProject makes a project whose project files lead to /dev/zero,
// named pipes and a file over the size limit, and moves into it.
func hostileProject(t *testing.T) {
	t.Helper()
	project(t, map[string]string{
		"a.ts":                      "'use sever';\nimport { x } from '@/lib/x';\nimport './packages/big';\n",
		"app/page.tsx":              "import { x } from '@/lib/x';\nexport default function Page() { return x; }\n",
		"app/tsconfig.json":         `{"extends": "./base.json"}`,
		"lib/x.ts":                  "export const x = 1;\n",
		"packages/big/package.json": `{"name": "big"` + strings.Repeat(" ", source.MaxProjectFileSize) + "}",
		"packages/big/index.ts":     "export const y = 2;\n",
		"sub/b.ts":                  "'use sever';\n",
	})
	for link, target := range map[string]string{
		"tsconfig.json":       "/dev/zero",
		"pnpm-workspace.yaml": "/dev/zero",
		".gitignore":          "/dev/zero",
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	for _, fifo := range []string{"package.json", "app/base.json", "sub/.gitignore"} {
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Skipf("cannot make a FIFO here: %v", err)
		}
	}
}

// TestHostileProjectFiles checks that project files which are links to
// /dev/zero, named pipes or too large neither fill the memory nor block:
// each gives one notice naming it, and the run goes on.
func TestHostileProjectFiles(t *testing.T) {
	hostileProject(t)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	code, out, errOut := cli(t, rules.All(), "--format", "compact", ".")
	runtime.ReadMemStats(&after)
	if code != 1 || !strings.Contains(out, "a.ts:1:1: error:") || !strings.Contains(out, "sub/b.ts:1:1: error:") {
		t.Errorf("status %d, stdout:\n%s", code, out)
	}
	for _, want := range []string{
		".gitignore: ignored: a symbolic link (git reads no .gitignore through one)",
		"sub/.gitignore: ignored: not a regular file (named pipe)",
		"tsconfig.json: ignored: not a regular file (character device)",
		"app/base.json: ignored: not a regular file (named pipe)",
		"package.json: ignored: not a regular file (named pipe)",
		"pnpm-workspace.yaml: ignored: not a regular file (character device)",
		"packages/big/package.json: ignored: file too large (1.0 MiB; the limit is 1.0 MiB)",
	} {
		if n := strings.Count(errOut, want+"\n"); n != 1 {
			t.Errorf("%d times %q in stderr:\n%s", n, want, errOut)
		}
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<20 {
		t.Errorf("allocated %d MiB", n>>20)
	}
	// The graph command reads the same files, the same way.
	code, _, errOut = cli(t, rules.All(), "graph", "--format", "json", ".")
	if code != 0 || !strings.Contains(errOut, "tsconfig.json: ignored: not a regular file (character device)\n") {
		t.Errorf("graph: status %d, stderr:\n%s", code, errOut)
	}
}

// TestHostileConfigFile checks --config on a link to /dev/zero and on a
// named pipe: an error naming the file, at once.
func TestHostileConfigFile(t *testing.T) {
	project(t, map[string]string{"a.ts": "export const a = 1;\n"})
	if err := syscall.Mkfifo("pipe.json", 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	if err := os.Symlink("/dev/zero", "zero.json"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("big.json", []byte("{"+strings.Repeat(" ", source.MaxProjectFileSize)+"}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"zero.json": "config file zero.json: not a regular file (character device)",
		"pipe.json": "config file pipe.json: not a regular file (named pipe)",
		"big.json":  "config file big.json: file too large (1.0 MiB; the limit is 1.0 MiB)",
	} {
		code, _, errOut := cli(t, rules.All(), "--config", name, ".")
		if code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("--config %s: status %d, stderr %q; want %q", name, code, errOut, want)
		}
	}
	// directivelint.json found by looking up from the working directory.
	if err := os.Symlink("/dev/zero", filepath.Join("directivelint.json")); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := cli(t, rules.All(), "."); code != 0 || errOut != "" {
		t.Errorf("directivelint.json linked to /dev/zero: status %d, stderr %q", code, errOut)
	}
}

// TestStdinLimit checks that standard input has the size limit of a file.
func TestStdinLimit(t *testing.T) {
	project(t, nil)
	stdinReader = strings.NewReader("'use sever';" + strings.Repeat(" ", source.DefaultMaxFileSize))
	t.Cleanup(func() { stdinReader = os.Stdin })
	code, out, errOut := cli(t, rules.All(), "--stdin", "--stdin-filename", "a.ts")
	if code != 0 || out != "" || errOut != "a.ts: skipped: standard input too large (more than 8.0 MiB, the limit)\n" {
		t.Errorf("status %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestFixNeverThroughSymlinks: a link to a file outside the tree must not
// let --fix rewrite that file, and a link to a file of the tree must not
// make --fix fail ("changed while it was being fixed") nor --diff show
// the change twice. Each link gets one notice and is not fixed.
func TestFixNeverThroughSymlinks(t *testing.T) {
	const unfixed, fixed = "`use client`;\nexport const a = 1;\n", "\"use client\";\nexport const a = 1;\n"
	outside := filepath.Join(t.TempDir(), "victim.js")
	if err := os.WriteFile(outside, []byte(unfixed), 0o644); err != nil {
		t.Fatal(err)
	}
	project(t, map[string]string{"app/real.js": unfixed})
	for link, target := range map[string]string{"app/out.js": outside, "app/link.js": "real.js"} {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	notices := "app/link.js: not fixed: it is a symbolic link; fixes are written only to regular files (fix the file it points to)\n" +
		"app/out.js: not fixed: it is a symbolic link; fixes are written only to regular files (fix the file it points to)\n"
	code, out, errOut := cli(t, rules.All(), "--diff", ".")
	// After the notices, --diff and --fix say what is left and what they fixed.
	if code != 1 || strings.Count(out, "+++ ") != 1 || !strings.Contains(out, "+++ b/app/real.js") || !strings.HasPrefix(errOut, notices) {
		t.Errorf("--diff: status %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	code, _, errOut = cli(t, rules.All(), "--fix", "--unsafe-fixes", "--format", "compact", ".")
	if code != 1 || errOut != notices+"directivelint: fixed 1 problem in 1 file\n" {
		t.Errorf("--fix: status %d, stderr:\n%s", code, errOut)
	}
	for path, want := range map[string]string{outside: unfixed, "app/real.js": fixed} {
		if got, _ := os.ReadFile(path); string(got) != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if info, err := os.Lstat("app/link.js"); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("app/link.js is no longer a link: %v", err)
	}
}
