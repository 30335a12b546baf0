package main

import (
	"os"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/rules"
)

// TestGraphRuleFix: missing-use-client's unsafe fix, a graph rule's fix,
// inserts "use client" in the file's own style (quotes, semicolons) with
// --fix --unsafe-fixes, and the run after it is clean.
func TestGraphRuleFix(t *testing.T) {
	project(t, map[string]string{
		"package.json": `{"dependencies": {"next": "15.0.0"}}`,
		"app/page.tsx": "import { Counter } from './counter';\nexport default function Page() { return <Counter />; }\n",
		"app/counter.tsx": "import { useState } from 'react'\n\nexport function Counter() {\n" +
			"  const [n] = useState(0)\n  return <p>{n}</p>\n}\n",
		"app/error.tsx": "export default function Error() { return <p>oops</p>; }\n",
	})
	// Safe fixes only: the graph fix is unsafe, nothing is inserted.
	code, _, _ := cli(t, rules.All(), "--fix", "--format", "compact")
	if b, _ := os.ReadFile("app/error.tsx"); code != 1 || strings.Contains(string(b), "use client") {
		t.Errorf("--fix: status %d, app/error.tsx:\n%s", code, b)
	}
	code, out, _ := cli(t, rules.All(), "--diff", "--unsafe-fixes")
	if !strings.Contains(out, "+++ b/app/error.tsx\n@@ -1 +1,2 @@\n+\"use client\";\n") {
		t.Errorf("--diff --unsafe-fixes: status %d, diff:\n%s", code, out)
	}
	code, out, _ = cli(t, rules.All(), "--fix", "--unsafe-fixes", "--format", "compact")
	counter, _ := os.ReadFile("app/counter.tsx")
	errorFile, _ := os.ReadFile("app/error.tsx")
	if code != 0 || out != "" || !strings.HasPrefix(string(counter), "'use client'\nimport { useState } from 'react'\n") || !strings.HasPrefix(string(errorFile), "\"use client\";\nexport default") {
		t.Errorf("--fix --unsafe-fixes: status %d, stdout %q\napp/counter.tsx:\n%s\napp/error.tsx:\n%s", code, out, counter, errorFile)
	}
	if code, out, _ = cli(t, rules.All(), "--format", "compact"); code != 0 || out != "" {
		t.Errorf("after the fixes: status %d, %s", code, out)
	}
}

// TestDiffName: --diff writes file names as git does, quoted with C
// escapes when they hold a line break, a quote or a backslash.
func TestDiffName(t *testing.T) {
	for name, want := range map[string]string{
		"a/app/page.tsx":  "a/app/page.tsx",
		"a/new\nline.js":  `"a/new\nline.js"`,
		"a/say \"hi\".js": `"a/say \"hi\".js"`,
		"a/tab\there.js":  `"a/tab\there.js"`,
		"a/bell\x01.js":   `"a/bell\001.js"`,
	} {
		if got := diffName(name); got != want {
			t.Errorf("diffName(%q) = %s, want %s", name, got, want)
		}
	}
}
