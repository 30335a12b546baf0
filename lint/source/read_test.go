package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadLimited(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	small, large := write("small.json", "{}"), write("large.json", strings.Repeat(" ", 11))
	if got, err := ReadLimited(small, 10); err != nil || string(got) != "{}" {
		t.Errorf("small file: %q, %v", got, err)
	}
	if _, err := ReadLimited(large, 10); !errors.Is(err, ErrTooLarge) || err.Error() != "file too large (11 bytes; the limit is 10 bytes)" {
		t.Errorf("large file: %v", err)
	}
	if _, err := ReadLimited(dir, 10); !errors.Is(err, ErrNotRegular) || err.Error() != "not a regular file (directory)" {
		t.Errorf("directory: %v", err)
	}
	if _, err := ReadLimited(filepath.Join(dir, "missing.json"), 10); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func TestReadAllLimited(t *testing.T) {
	if got, err := ReadAllLimited(strings.NewReader("0123456789"), 10); err != nil || string(got) != "0123456789" {
		t.Errorf("at the limit: %q, %v", got, err)
	}
	if _, err := ReadAllLimited(strings.NewReader("0123456789!"), 10); !errors.Is(err, ErrTooLarge) || err.Error() != "too large (more than 10 bytes, the limit)" {
		t.Errorf("over the limit: %v", err)
	}
}

func TestReadProjectFileDropsBOM(t *testing.T) {
	path := filepath.Join(t.TempDir(), "package.json")
	if err := os.WriteFile(path, []byte("\uFEFF{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := ReadProjectFile(path); err != nil || string(got) != "{}" {
		t.Errorf("ReadProjectFile = %q, %v", got, err)
	}
}
