package resolve

import (
	"path/filepath"

	"github.com/directivelint/directivelint/lint/cleanpath"
)

// projectFiles are the files that make a directory a project's root.
var projectFiles = []string{"package.json", "tsconfig.json", "jsconfig.json"}

// ProjectRoot returns the root of the project that holds the directory dir
// (absolute): the nearest directory at or above dir with a package.json,
// tsconfig.json or jsconfig.json, widened to the root of the workspace
// when that directory is the workspace's root or one of its packages. It
// never goes above the git repository holding dir. It returns "" when no
// project holds dir.
func (r *Resolver) ProjectRoot(dir string) string {
	root, top := "", ""
	for d := dir; ; d = cleanpath.Dir(d) {
		if root == "" && r.holdsProjectFile(d) {
			root = d
		}
		if _, ok := r.list(d).lookup(".git"); ok {
			top = d
			break
		}
		if cleanpath.Dir(d) == d {
			break
		}
	}
	if root == "" {
		return ""
	}
	ws := r.workspaceOf(root)
	if ws == nil || top != "" && !within(ws.root, top) {
		return root
	}
	if ws.root == root {
		return root
	}
	for _, pkgDir := range ws.packages {
		if pkgDir == root {
			return ws.root
		}
	}
	return root
}

// holdsProjectFile reports whether dir holds one of projectFiles.
func (r *Resolver) holdsProjectFile(dir string) bool {
	l := r.list(dir)
	for _, name := range projectFiles {
		if isDir, ok := l.lookup(name); ok && !isDir {
			return true
		}
	}
	return false
}

// within reports whether path is dir or lies below it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !filepath.IsAbs(rel) && (len(rel) < 3 || rel[:3] != ".."+string(filepath.Separator))
}
