package lint_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/directivelint/directivelint/internal/testtree"
	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/rules"
)

// workspaceProject is a Next.js app whose client component reaches a
// helper that edits can make server-only.
var workspaceProject = map[string]string{
	"package.json":          `{"name": "app", "dependencies": {"next": "15.0.0"}}`,
	"tsconfig.json":         `{"compilerOptions": {"paths": {"@/*": ["./*"]}}}`,
	"app/page.tsx":          "import { Button } from '@/components/button';\nimport { save } from '@/lib/actions';\nexport default function Page() { return <Button action={save} />; }\n",
	"app/layout.tsx":        "export default function Layout({ children }) { return <div>{children}</div>; }\n",
	"components/button.tsx": "'use client';\nimport { helper } from '@/lib/helper';\nexport function Button(props) { return <button {...props} />; }\n",
	"components/card.tsx":   "'use client';\nimport { Button } from './button';\nexport const Card = () => <Button />;\n",
	"lib/helper.ts":         "export function helper() { return 1; }\n",
	"lib/actions.ts":        "'use server';\nexport async function save() {}\n",
}

// workspaceEdits are buffers an editor may hold for the project's files.
var workspaceEdits = map[string][]string{
	"lib/helper.ts": {
		"import 'server-only';\nexport function helper() { return 1; }\n",
		"export function helper() { return 1; }\n",
		"// directivelint-disable-next-line\nimport 'server-only';\nexport const helper = () => 1;\n",
	},
	"components/button.tsx": {
		"import { helper } from '@/lib/helper';\nexport function Button(props) { return <button onClick={() => helper()} {...props} />; }\n",
		"'use client';\nimport { helper } from '@/lib/helper';\nexport function Button(props) { return <button {...props} />; }\n",
	},
	"app/page.tsx": {
		"import { Button } from '@/components/button';\nexport default function Page() { return <Button onClick={() => 1} />; }\n",
		"import { Card } from '@/components/card';\nimport { helper } from '@/lib/helper';\nexport default function Page() { return <Card x={Symbol()} />; }\n",
	},
	"lib/actions.ts": {
		"'use server';\nexport function save() {}\n",
		"export async function save() { 'use server'; }\n",
	},
}

// TestWorkspaceFollowsEdits edits buffers one at a time and checks that
// the workspace's diagnostics are, each time, those of a whole run with
// the same buffers: through the graph too (a helper made server-only
// lights up the client component that imports it).
func TestWorkspaceFollowsEdits(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, workspaceProject)
	t.Chdir(dir)
	targets, _, err := discover.Targets(nil)
	if err != nil {
		t.Fatal(err)
	}
	opts := func(buffers map[string][]byte) lint.Options {
		return lint.Options{Rules: rules.All(), Sources: buffers, ReportUnusedDisable: true}
	}
	buffers := map[string][]byte{}
	w := lint.NewWorkspace(targets, opts(nil))
	open := []string{"app/page.tsx", "components/button.tsx", "lib/helper.ts"}
	alone := func(file string) (linted, context []discover.Target) {
		for _, t := range targets {
			if t.Display == file {
				linted = append(linted, t)
			} else {
				context = append(context, t)
			}
		}
		return linted, context
	}
	check := func(what string) {
		t.Helper()
		want := lint.Run(targets, opts(buffers)).Diagnostics
		if got := w.Diagnostics(); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: workspace\n%v\nwant\n%v", what, got, want)
		}
		each := w.DiagnosticsOf(open)
		for _, file := range open {
			o := opts(buffers)
			var linted []discover.Target
			linted, o.Context = alone(file)
			want = lint.Run(linted, o).Diagnostics
			if got := each[file]; !reflect.DeepEqual(got, want) {
				t.Fatalf("%s, %s alone: workspace\n%v\nwant\n%v", what, file, got, want)
			}
		}
	}
	check("at first")
	seed := uint64(rand.Int64())
	r := rand.New(rand.NewPCG(seed, 2))
	t.Logf("seed %d", seed)
	files := []string{"lib/helper.ts", "components/button.tsx", "app/page.tsx", "lib/actions.ts"}
	reported := false
	for step := range 40 {
		f := files[r.IntN(len(files))]
		var src []byte
		if r.IntN(5) > 0 { // else back to the file on disk
			src = []byte(workspaceEdits[f][r.IntN(len(workspaceEdits[f]))])
			buffers[f] = src
		} else {
			delete(buffers, f)
		}
		if !w.Update(f, src) {
			t.Fatalf("Update(%s) = false", f)
		}
		check(fmt.Sprintf("step %d, %s", step, f))
		for _, d := range w.DiagnosticsOf([]string{"components/button.tsx"})["components/button.tsx"] {
			reported = reported || d.Rule == "server-only-in-client"
		}
	}
	if !reported {
		t.Log("no edit made the client component reach server-only code")
	}
	if w.Update(filepath.Join("no", "such.ts"), nil) {
		t.Error("Update of a file not in the workspace")
	}
}

// TestWorkspaceGraphReachesOtherFile: making a helper server-only
// reports the client component that imports it, which was not edited.
func TestWorkspaceGraphReachesOtherFile(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, workspaceProject)
	t.Chdir(dir)
	targets, _, _ := discover.Targets(nil)
	w := lint.NewWorkspace(targets, lint.Options{Rules: rules.All()})
	button := func() []lint.Diagnostic {
		return w.DiagnosticsOf([]string{"components/button.tsx"})["components/button.tsx"]
	}
	if got := button(); len(got) != 0 {
		t.Fatalf("before: %v", got)
	}
	w.Update("lib/helper.ts", []byte("import 'server-only';\nexport function helper() { return 1; }\n"))
	got := button()
	if len(got) != 1 || got[0].Rule != "server-only-in-client" || got[0].File != "components/button.tsx" || got[0].Pos.Line != 2 {
		t.Fatalf("after the helper became server-only: %v", got)
	}
	w.Update("lib/helper.ts", nil)
	if got := button(); len(got) != 0 {
		t.Fatalf("after the edit was undone: %v", got)
	}
}
