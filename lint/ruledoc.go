package lint

import (
	"fmt"
	"strings"
)

// DocsURL is where the generated rule pages are published; a rule's page is
// DocsURL + ID + ".md".
const DocsURL = "https://github.com/directivelint/directivelint/blob/main/docs/rules/"

// String returns the name of the fix kind: none, safe, unsafe or sometimes.
func (k FixKind) String() string {
	switch k {
	case FixSafe:
		return "safe"
	case FixUnsafe:
		return "unsafe"
	case FixSometimes:
		return "sometimes"
	}
	return "none"
}

// RuleMarkdown renders a rule's documentation as a Markdown page, in the
// shape of Ruff's rule pages: what it does, why it is bad, an example, what
// to write instead and the fix. `directivelint explain` prints it and
// docs/rules/<id>.md holds it.
func RuleMarkdown(r *Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", r.ID)
	if r.Doc.Summary != "" {
		fmt.Fprintf(&b, "%s.\n\n", strings.TrimSuffix(r.Doc.Summary, "."))
	}
	fmt.Fprintf(&b, "- Default severity: `%s`\n- Fix: %s\n", r.Default, r.Fix)
	if len(r.Aliases) > 0 {
		fmt.Fprintf(&b, "- Answers to (ESLint and Biome names of the same check): `%s`\n", strings.Join(r.Aliases, "`, `"))
	}
	b.WriteString("\n")
	section := func(title, text string) {
		if text = strings.TrimSpace(text); text != "" {
			fmt.Fprintf(&b, "## %s\n\n%s\n\n", title, text)
		}
	}
	code := func(title, text string) {
		if text = strings.TrimSpace(text); text != "" {
			fmt.Fprintf(&b, "## %s\n\n```tsx\n%s\n```\n\n", title, text)
		}
	}
	section("What it does", r.Doc.What)
	section("Why is this bad?", r.Doc.Why)
	code("Example", r.Doc.Example)
	code("Use instead", r.Doc.Instead)
	section("Fix", r.Doc.Fix)
	if r.ID == RuleInvalidSuppression || r.ID == RuleUnusedSuppression {
		return strings.TrimSuffix(b.String(), "\n")
	}
	fmt.Fprintf(&b, "## Suppressing it\n\n```js\n// directivelint-disable-next-line %s -- reason\n```\n\n", r.ID)
	fmt.Fprintf(&b, "ESLint's and Biome's comments work too: `// eslint-disable-next-line directivelint/%s`", r.ID)
	for _, a := range r.Aliases {
		if strings.Contains(a, "/") {
			fmt.Fprintf(&b, ", `// eslint-disable-next-line %s`", a)
		} else {
			fmt.Fprintf(&b, ", `// biome-ignore lint/<group>/%s: reason`", a)
		}
	}
	b.WriteString(" (see the README's \"Suppressing a report\")")
	fmt.Fprintf(&b, ". Or set `\"%s\": \"off\"` under `rules` in `directivelint.json`.\n", r.ID)
	return b.String()
}
