package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Dir returns the default cache directory of the project whose root is
// root (an absolute path): node_modules/.cache/directivelint under root
// when root has a node_modules directory, where Babel, webpack and
// Prettier keep theirs; else directivelint/ and a hash of root under the
// user cache directory ($XDG_CACHE_HOME, ~/.cache, ~/Library/Caches,
// %LocalAppData%).
func Dir(root string) (string, error) {
	if info, err := os.Lstat(filepath.Join(root, "node_modules")); err == nil && info.IsDir() {
		return filepath.Join(root, "node_modules", ".cache", "directivelint"), nil
	}
	user, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory: %w", err)
	}
	h := sha256.Sum256([]byte(root))
	return filepath.Join(user, "directivelint", filepath.Base(root)+"-"+hex.EncodeToString(h[:6])), nil
}

// Prepare creates dir, the cache directory, with the directories above it
// it needs. Under root it creates real directories only: a symbolic link
// there (a checked-out tree may hold one) could lead the cache's writes
// anywhere, so it is refused.
func Prepare(dir, root string) error {
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return os.MkdirAll(dir, 0o755)
	}
	cur := root
	for part := range strings.SplitSeq(rel, string(filepath.Separator)) {
		cur = filepath.Join(cur, part)
		info, err := os.Lstat(cur)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := os.Mkdir(cur, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return err
			}
		case err != nil:
			return err
		case !info.IsDir():
			return fmt.Errorf("%s is not a directory (a symbolic link is not followed)", cur)
		}
	}
	return nil
}

// Clean removes the cache files of dir (those of every setting and
// version, and temporary files left by an interrupted run), then dir when
// it is left empty. A missing dir is already clean.
func Clean(dir string) (removed int, err error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".cache") && !strings.HasSuffix(name, ".snapshot") && !strings.HasPrefix(name, ".tmp-") {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return removed, err
		}
		removed++
	}
	_ = os.Remove(dir) // only when empty
	return removed, nil
}
