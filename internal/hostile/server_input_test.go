//go:build unix

package hostile

import (
	"encoding/json"
	"testing"

	"github.com/directivelint/directivelint/lint/source"
)

// TestServerInputCases checks that the cases reach the rule: each sets the
// strict preset (unvalidated-server-input is off in recommended) and no
// file is over the size a run skips.
func TestServerInputCases(t *testing.T) {
	for _, c := range serverInputCases() {
		var config struct{ Preset string }
		if err := json.Unmarshal([]byte(c.Files["directivelint.json"]), &config); err != nil || config.Preset != "strict" {
			t.Errorf("%s: directivelint.json does not set the strict preset (%v)", c.Name, err)
		}
		for name, content := range c.Files {
			if len(content) > source.DefaultMaxFileSize {
				t.Errorf("%s/%s: %d bytes, over the %d a run reads", c.Name, name, len(content), source.DefaultMaxFileSize)
			}
		}
	}
}
