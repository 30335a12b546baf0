package resolve

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/directivelint/directivelint/internal/testtree"
)

func TestRouteName(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		"web/package.json":                       `{"dependencies": {"next": "15.0.0"}}`,
		"web/app/page.tsx":                       "",
		"web/app/(shop)/cart/[id]/layout.jsx":    "",
		"web/app/blog/template.ts":               "",
		"web/app/@modal/default.tsx":             "",
		"web/app/_parts/page.tsx":                "",
		"web/app/error.tsx":                      "",
		"web/app/page.css":                       "",
		"web/app/gallery.tsx":                    "",
		"web/pages/page.tsx":                     "",
		"web/pages/app/page.tsx":                 "",
		"src-app/package.json":                   `{"devDependencies": {"next": "15.0.0"}}`,
		"src-app/src/app/opengraph-image.tsx":    "",
		"src-app/src/app/settings/layout.tsx":    "",
		"config-only/next.config.mjs":            "export default {}",
		"config-only/app/route.ts":               "",
		"not-next/package.json":                  `{"dependencies": {"react": "19.0.0"}}`,
		"not-next/app/page.tsx":                  "",
		"web/node_modules/pkg/app/page.tsx":      "",
		"web/app/components/app/nested/page.tsx": "",
	})
	r := NewResolver(os.ReadFile)
	for _, tt := range []struct {
		path, want string
	}{
		{"web/app/page.tsx", "page"},
		{"web/app/(shop)/cart/[id]/layout.jsx", "layout"},
		{"web/app/blog/template.ts", "template"},
		{"web/app/@modal/default.tsx", "default"},
		{"web/app/_parts/page.tsx", ""}, // a private folder
		{"web/app/error.tsx", ""},       // must be a client module: not a server route file
		{"web/app/page.css", ""},
		{"web/app/gallery.tsx", ""},
		{"web/pages/page.tsx", ""}, // the Pages Router
		{"web/pages/app/page.tsx", ""},
		{"src-app/src/app/opengraph-image.tsx", "opengraph-image"},
		{"src-app/src/app/settings/layout.tsx", "layout"},
		{"config-only/app/route.ts", "route"},
		{"not-next/app/page.tsx", ""},
		{"web/node_modules/pkg/app/page.tsx", ""},
		{"web/app/components/app/nested/page.tsx", "page"}, // the outer app/ is the project's
	} {
		abs := filepath.Join(root, filepath.FromSlash(tt.path))
		got, ok := r.RouteName(abs)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("RouteName(%s) = %q, %v; want %q", tt.path, got, ok, tt.want)
		}
		if r.IsRouteFile(abs) != ok {
			t.Errorf("IsRouteFile(%s) = %v, RouteName says %v", tt.path, !ok, ok)
		}
	}
}

func TestNextProject(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		"web/package.json":              `{"dependencies": {"next": "15.0.0"}}`,
		"web/next.config.ts":            "export default {}",
		"web/app/page.tsx":              "",
		"web/lib/deep/data.ts":          "",
		"web/node_modules/pkg/index.js": "",
		"bare/package.json":             `{"dependencies": {"next": "15.0.0"}}`,
		"bare/src/data.ts":              "",
		"config-only/next.config.mjs":   "export default {}",
		"config-only/lib/data.ts":       "",
		"lib/package.json":              `{"dependencies": {"react": "19.0.0"}}`,
		"lib/src/data.ts":               "",
	})
	r := NewResolver(os.ReadFile)
	for _, tt := range []struct {
		path, root, config string
	}{
		{"web/app/page.tsx", "web", "web/next.config.ts"},
		{"web/lib/deep/data.ts", "web", "web/next.config.ts"},
		{"web/node_modules/pkg/index.js", "", ""},
		{"bare/src/data.ts", "bare", ""},
		{"config-only/lib/data.ts", "config-only", "config-only/next.config.mjs"},
		{"lib/src/data.ts", "", ""},
	} {
		gotRoot, gotConfig, ok := r.NextProject(filepath.Join(root, filepath.FromSlash(tt.path)))
		rel := func(p string) string {
			if p == "" {
				return ""
			}
			s, _ := filepath.Rel(root, p)
			return filepath.ToSlash(s)
		}
		if rel(gotRoot) != tt.root || rel(gotConfig) != tt.config || ok != (tt.root != "") {
			t.Errorf("NextProject(%s) = %q, %q, %v; want %q, %q", tt.path, rel(gotRoot), rel(gotConfig), ok, tt.root, tt.config)
		}
	}
}
