package resolve

import (
	"hash/fnv"
	"os"
	"slices"
	"sync"
	"sync/atomic"
)

// listingUse records what was looked at in a directory listing: every
// entry (a walk, a glob of workspace packages), or only some names and
// prefixes. A cache of a run's result must notice a change to what was
// looked at, and only that: a directory above the project (a home
// directory, /tmp) changes all the time.
type listingUse struct {
	whole atomic.Bool
	mu    sync.Mutex
	keys  map[string]bool // names looked up; prefixes probed, after prefixKey
}

// prefixKey starts the key of a prefix probed (no name holds a NUL byte).
const prefixKey = "\x00"

// note records key as looked at.
func (u *listingUse) note(key string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.keys == nil {
		u.keys = map[string]bool{}
	}
	u.keys[key] = true
}

// ListingUse is what a run looked at in one directory listing: Whole when
// every entry, else the names looked up and the prefixes probed (Keys,
// sorted; a prefix starts with a NUL byte).
type ListingUse struct {
	Whole bool
	Keys  []string
}

// ListingUses returns what was looked at in each directory listing the
// resolver holds (those it read and those AddListing gave it, which count
// whole).
func (r *Resolver) ListingUses() map[string]ListingUse {
	r.dirs.mu.RLock()
	defer r.dirs.mu.RUnlock()
	uses := make(map[string]ListingUse, len(r.dirs.m))
	for dir, l := range r.dirs.m {
		var u ListingUse
		if l != nil {
			u.Whole = l.use.whole.Load()
			l.use.mu.Lock()
			for k := range l.use.keys {
				u.Keys = append(u.Keys, k)
			}
			l.use.mu.Unlock()
			slices.Sort(u.Keys)
		}
		uses[dir] = u
	}
	return uses
}

// Union returns what u or v looks at.
func (u ListingUse) Union(v ListingUse) ListingUse {
	if u.Whole || v.Whole {
		return ListingUse{Whole: true}
	}
	keys := append(slices.Clone(u.Keys), v.Keys...)
	slices.Sort(keys)
	return ListingUse{Keys: slices.Compact(keys)}
}

// HeldUseHash returns the hash UseHash gives the listing of dir the
// resolver holds (reading it when it holds none): what use looks at in
// it, and the entries also accepts (the caller looks at those in every
// listing, see ListedFiles).
func (r *Resolver) HeldUseHash(dir string, use ListingUse, also func(name string) bool) uint64 {
	return r.list(dir).useHash(use, also)
}

// UseHash returns the hash of what use looks at in the directory dir as
// it is now (see ListingUses), read afresh.
func UseHash(dir string, use ListingUse, also func(name string) bool) uint64 {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return (*dirListing)(nil).useHash(use, also)
	}
	return newListing(dir, entries).useHash(use, also)
}

// useHash returns the hash of what use looks at in l, and of the entries
// also accepts: the whole listing's hash when use is whole.
func (l *dirListing) useHash(use ListingUse, also func(name string) bool) uint64 {
	if l == nil || use.Whole {
		return l.hash()
	}
	h := fnv.New64a()
	var b [1]byte
	for _, k := range use.Keys {
		switch {
		case len(k) > 0 && k[:1] == prefixKey:
			b[0] = 0
			if l.hasPrefixQuiet(k[1:]) {
				b[0] = 1
			}
		default:
			b[0] = 0
			if isDir, ok := l.lookupQuiet(k); ok {
				b[0] = 1
				if isDir {
					b[0] = 2
				}
			}
		}
		h.Write([]byte(k))
		h.Write(b[:])
	}
	h.Write([]byte{0xff})
	for i := range l.ends {
		if name := l.name(i); also(name) {
			b[0] = 1
			if l.dirs[i] {
				b[0] = 2
			}
			h.Write([]byte(name))
			h.Write(b[:])
		}
	}
	return h.Sum64() | 1
}
