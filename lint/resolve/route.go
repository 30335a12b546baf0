package resolve

import (
	"path/filepath"
	"strings"
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

// IsRouteFile reports whether abs is a Next.js app/ route file: its name is
// one of routeNames with a source extension, it lies under a directory
// named app (not inside a _private folder), and that app directory belongs
// to a Next.js project (a next.config file or a next dependency beside it,
// or beside the src directory holding it).
func (r *Resolver) IsRouteFile(abs string) bool {
	base := filepath.Base(abs)
	ext := filepath.Ext(base)
	if !isCodeExt(ext) || !routeNames[strings.TrimSuffix(base, ext)] {
		return false
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		name := filepath.Base(dir)
		if name == "node_modules" || filepath.Dir(dir) == dir {
			return false
		}
		if strings.HasPrefix(name, "_") {
			return false
		}
		if name != "app" {
			continue
		}
		root := filepath.Dir(dir)
		if r.isNextRoot(root) || filepath.Base(root) == "src" && r.isNextRoot(filepath.Dir(root)) {
			return true
		}
	}
}
