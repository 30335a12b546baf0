package resolve

import (
	"path/filepath"
	"strings"

	"github.com/directivelint/directivelint/lint/cleanpath"
)

// routeNames are the Next.js app/ files that are Server Components (or
// server code) unless they say 'use client'. error and global-error must
// be client modules and are left out.
var routeNames = map[string]bool{
	"page": true, "layout": true, "template": true, "default": true, "not-found": true,
	"loading": true, "route": true, "head": true, "forbidden": true, "unauthorized": true,
	// Metadata files generated on the server.
	"opengraph-image": true, "twitter-image": true, "icon": true, "apple-icon": true,
	"sitemap": true, "robots": true, "manifest": true,
}

// IsRouteFile reports whether abs is a Next.js app/ route file (see
// RouteName).
func (r *Resolver) IsRouteFile(abs string) bool {
	_, ok := r.RouteName(abs)
	return ok
}

// RouteName returns the kind of Next.js app/ route file abs is, its name
// without the extension ("page", "layout", "route", "opengraph-image" …),
// and whether it is one: its name is one of routeNames with a source
// extension, it lies under a directory named app (not inside a _private
// folder), and that app directory belongs to a Next.js project (a
// next.config file or a next dependency beside it, or beside the src
// directory holding it). A pages/ file is never one.
func (r *Resolver) RouteName(abs string) (name string, ok bool) {
	return r.appFile(abs, routeNames)
}

// errorNames are the Next.js app/ files that must be Client Components.
var errorNames = map[string]bool{"error": true, "global-error": true}

// IsErrorFile reports whether abs is a Next.js app/ error or global-error
// file (placed as RouteName says), which Next.js requires to be a Client
// Component.
func (r *Resolver) IsErrorFile(abs string) bool {
	_, ok := r.appFile(abs, errorNames)
	return ok
}

// appFile returns the name of abs without its extension when that is one
// of names and abs is a file of a Next.js app/ directory (see RouteName).
func (r *Resolver) appFile(abs string, names map[string]bool) (name string, ok bool) {
	base := filepath.Base(abs)
	ext := filepath.Ext(base)
	name = strings.TrimSuffix(base, ext)
	if !isCodeExt(ext) || !names[name] {
		return "", false
	}
	for dir := cleanpath.Dir(abs); ; dir = cleanpath.Dir(dir) {
		dirName := filepath.Base(dir)
		if dirName == "node_modules" || cleanpath.Dir(dir) == dir {
			return "", false
		}
		if strings.HasPrefix(dirName, "_") {
			return "", false
		}
		if dirName != "app" {
			continue
		}
		root := cleanpath.Dir(dir)
		if r.isNextRoot(root) || filepath.Base(root) == "src" && r.isNextRoot(cleanpath.Dir(root)) {
			return name, true
		}
	}
}

// nextConfigExts are the extensions of the Next.js config files, in the
// order NextProject looks for them.
var nextConfigExts = []string{".js", ".mjs", ".cjs", ".ts", ".mts"}

// NextProject returns the root of the Next.js project the file abs belongs
// to: the nearest directory above it whose package.json declares next (or
// that holds a next.config file), with the path of the next.config file
// there, or "" when it has none. ok is false when abs is in no Next.js
// project, or in a node_modules directory.
func (r *Resolver) NextProject(abs string) (root, config string, ok bool) {
	for dir := cleanpath.Dir(abs); ; dir = cleanpath.Dir(dir) {
		if filepath.Base(dir) == "node_modules" {
			return "", "", false
		}
		if r.isNextRoot(dir) {
			l := r.list(dir)
			for _, ext := range nextConfigExts {
				if isDir, ok := l.lookup("next.config" + ext); ok && !isDir {
					return dir, cleanpath.Join(dir, "next.config"+ext), true
				}
			}
			return dir, "", true
		}
		if cleanpath.Dir(dir) == dir {
			return "", "", false
		}
	}
}
