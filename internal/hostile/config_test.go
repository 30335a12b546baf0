//go:build unix

package hostile

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint/config"
	"github.com/directivelint/directivelint/lint/source"
	"github.com/directivelint/directivelint/rules"
)

// TestConfigCases checks that the config files of the cases are read (none
// over the size a run reads, each valid) and ignore none of the files, so
// that a run matches every file.
func TestConfigCases(t *testing.T) {
	for _, c := range configCases() {
		root := t.TempDir()
		if err := Write(root, c); err != nil {
			t.Fatal(err)
		}
		t.Chdir(filepath.Join(root, c.Name))
		tree := config.NewTree(rules.All(), rules.Preset, rules.PresetNames())
		files := 0
		for name, content := range c.Files {
			if strings.HasSuffix(name, ".json") && len(content) > source.MaxProjectFileSize {
				t.Errorf("%s/%s: %d bytes, over the %d a run reads", c.Name, name, len(content), source.MaxProjectFileSize)
			}
			if !strings.HasSuffix(name, ".ts") {
				continue
			}
			if files++; files > 20 {
				continue
			}
			ch, err := tree.For(name)
			if err != nil || ch == nil || ch.Ignored(tree.Abs(name)) {
				t.Errorf("%s/%s: chain %v, %v, or ignored", c.Name, name, ch, err)
			}
		}
	}
}
