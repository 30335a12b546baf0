//go:build unix

package hostile

import (
	"testing"

	"github.com/directivelint/directivelint/lint/source"
)

// TestThisExportsCasesAreLinted checks that every file of the cases fits
// under the file size limit: a larger one would be skipped, not linted,
// and the case would test nothing.
func TestThisExportsCasesAreLinted(t *testing.T) {
	for _, c := range thisExportsCases() {
		if c.MaxHeap == 0 || len(c.Files) == 0 {
			t.Errorf("%s: no heap bound or no files", c.Name)
		}
		for name, content := range c.Files {
			if len(content) > source.DefaultMaxFileSize {
				t.Errorf("%s/%s: %d bytes, over the %d-byte limit", c.Name, name, len(content), source.DefaultMaxFileSize)
			}
		}
	}
}
