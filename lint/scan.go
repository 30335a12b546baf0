package lint

import (
	"path/filepath"
	"strings"
)

// LangOf returns the language of a file by its extension, and false when
// the file is not JavaScript or TypeScript (or is a .d.ts declaration file).
func LangOf(path string) (Lang, bool) {
	base := strings.ToLower(filepath.Base(path))
	if strings.HasSuffix(base, ".d.ts") || strings.HasSuffix(base, ".d.mts") || strings.HasSuffix(base, ".d.cts") {
		return 0, false
	}
	switch filepath.Ext(base) {
	case ".js", ".jsx", ".mjs", ".cjs":
		return LangJS, true
	case ".ts", ".mts", ".cts":
		return LangTS, true
	case ".tsx":
		return LangTSX, true
	}
	return 0, false
}

// Scan turns a file's bytes into its model. It never fails: where it cannot
// follow the code it records a ScanProblem and goes on.
func Scan(path string, src []byte, lang Lang) *File {
	f := &File{Path: path, Source: src, Lang: lang}
	// TODO(scanner): being written.
	return f
}
