package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
)

// Fingerprinter identifies diagnostics across runs, so that a tool can tell
// new problems from old ones (GitLab's Code Quality widget, the baseline):
// a fingerprint hashes the rule, the file, the reported line's text without
// its indentation, and how many diagnostics with those three came before it
// (the Fingerprinter counts them, so give it a run's diagnostics in their
// sorted order). Line numbers are left out, so a problem keeps its
// fingerprint when lines above it are added or removed; the path has
// forward slashes, so it is the same on Windows. The zero value is ready.
type Fingerprinter struct {
	seen map[string]int
}

// Fingerprint returns the fingerprint of d, the next diagnostic: 32 hex
// digits.
func (fp *Fingerprinter) Fingerprint(d Diagnostic) string {
	if fp.seen == nil {
		fp.seen = map[string]int{}
	}
	key := d.Rule + "\x00" + filepath.ToSlash(d.File) + "\x00" + strings.TrimSpace(d.Excerpt.Text)
	n := fp.seen[key]
	fp.seen[key] = n + 1
	sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
	return hex.EncodeToString(sum[:16])
}
