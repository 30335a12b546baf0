package resolve

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestListingUses: a listing the resolver read is hashed on what it looked
// at, and the entries the caller names; one a walk gave it, whole.
func TestListingUses(t *testing.T) {
	root := t.TempDir()
	write := func(name string) {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("export {};\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("src/app.ts")
	write("src/x.ts")
	write("lib/y.ts")
	also := func(name string) bool { return name == "package.json" }
	src, lib := filepath.Join(root, "src"), filepath.Join(root, "lib")

	r := NewResolver(os.ReadFile)
	entries, err := os.ReadDir(lib)
	if err != nil {
		t.Fatal(err)
	}
	r.AddListing(lib, entries)
	if _, res := r.Resolve(filepath.Join(src, "app.ts"), "./x"); res != ResolvedModule {
		t.Fatalf("./x: %v", res)
	}
	uses := r.ListingUses()
	hashes := map[string]uint64{}
	for dir, u := range uses {
		hashes[dir] = r.HeldUseHash(dir, u, also)
	}
	if u := uses[lib]; !u.Whole {
		t.Errorf("a walked listing: %+v, want whole", u)
	}
	if u := uses[src]; u.Whole || len(u.Keys) == 0 {
		t.Errorf("a listing looked up in: %+v, want some names", u)
	}
	holds := func(what string) {
		t.Helper()
		for dir, u := range uses {
			if UseHash(dir, u, also) != hashes[dir] {
				t.Errorf("%s: the hash of %s changed", what, dir)
			}
		}
	}
	changes := func(what, dir string) {
		t.Helper()
		if UseHash(dir, uses[dir], also) == hashes[dir] {
			t.Errorf("%s: the hash of %s is the same", what, dir)
		}
	}
	holds("nothing changed")
	write("src/notes.md")
	holds("a file nothing looked for added")
	write("src/x.tsx")
	holds("x.tsx added: x.ts is found first, x.tsx was never looked for")
	write("src/package.json")
	changes("a file the caller looks for in every listing added", src)
	if err := os.Remove(filepath.Join(src, "package.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(src, "x.ts")); err != nil {
		t.Fatal(err)
	}
	changes("the file an import led to removed", src)
	write("lib/z.md")
	changes("any file added to a walked directory", lib)

	if u := uses[src].Union(ListingUse{Keys: []string{"y.ts"}}); !slices.Contains(u.Keys, "y.ts") || !slices.Contains(u.Keys, "x.ts") {
		t.Errorf("a union of uses: %+v", u)
	}
	if u := uses[src].Union(uses[lib]); !u.Whole {
		t.Errorf("a union with a whole listing: %+v, want whole", u)
	}
}
