//go:build unix

package hostile

import (
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint/source"
)

// TestClientPropCases checks that each case of clientPropCases is a
// Next.js project with a client component whose files the linter reads
// whole (a file over the size limit would be skipped, and the case
// would test nothing), with a heap bound and a name of its own (the
// prefix keeps it apart from the other cases).
func TestClientPropCases(t *testing.T) {
	names := map[string]bool{}
	for _, c := range clientPropCases() {
		if names[c.Name] || !strings.HasPrefix(c.Name, "client-prop-") || c.MaxHeap == 0 {
			t.Errorf("%s: a name another case has or without the client-prop- prefix, or no heap bound", c.Name)
		}
		names[c.Name] = true
		for _, name := range []string{"next.config.js", "package.json", "app/c.tsx", "app/page.tsx"} {
			if _, ok := c.Files[name]; !ok {
				t.Errorf("%s: no %s", c.Name, name)
			}
		}
		for name, content := range c.Files {
			if len(content) > source.DefaultMaxFileSize {
				t.Errorf("%s: %s has %d bytes, more than the linter reads", c.Name, name, len(content))
			}
		}
	}
}
