//go:build unix

package hostile

import (
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint/source"
)

// TestProjectPatternCasesAreRead checks that the project files of
// projectPatternCases fit under the size the resolver reads (a larger one
// would be ignored, and the case would test nothing) and that their
// sources fit under the linter's limit.
func TestProjectPatternCasesAreRead(t *testing.T) {
	for _, c := range projectPatternCases() {
		if c.MaxHeap == 0 || len(c.Files) == 0 {
			t.Errorf("%s: no heap bound or no files", c.Name)
		}
		projectFiles := 0
		for name, content := range c.Files {
			limit := source.DefaultMaxFileSize
			if strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".yaml") {
				limit = source.MaxProjectFileSize
				if len(content) > source.MaxProjectFileSize/2 {
					projectFiles++
				}
			}
			if len(content) > limit {
				t.Errorf("%s/%s: %d bytes, over the %d-byte limit", c.Name, name, len(content), limit)
			}
		}
		if projectFiles != 1 {
			t.Errorf("%s: %d large project files, want 1", c.Name, projectFiles)
		}
	}
}
