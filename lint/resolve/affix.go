package resolve

import (
	"cmp"
	"iter"
	"slices"
	"sort"
)

// affixIndex indexes patterns written prefix, something, suffix (the
// star patterns of tsconfig paths and package.json exports, the globs of
// workspace exclusions) so that the ones whose prefix and suffix fit a
// string are found by walking the string, not by trying every pattern: a
// project file may hold 50,000 patterns, tried for each of as many
// imports or directories.
type affixIndex struct {
	// entries are sorted by prefix, then by suffix read from its end,
	// then by id.
	entries []affix
}

// affix is one pattern of an affixIndex: its literal prefix and suffix
// and the id its owner knows it by.
type affix struct {
	prefix, suffix string
	id             int
}

// span is a range of affixIndex.entries.
type span struct{ lo, hi int }

// newAffixIndex indexes entries (and keeps the slice).
func newAffixIndex(entries []affix) affixIndex {
	slices.SortFunc(entries, func(a, b affix) int {
		return cmp.Or(cmp.Compare(a.prefix, b.prefix), compareFromEnd(a.suffix, b.suffix), cmp.Compare(a.id, b.id))
	})
	return affixIndex{entries}
}

// compareFromEnd compares a and b read from their last byte to their first.
func compareFromEnd(a, b string) int {
	for i := 1; i <= len(a) && i <= len(b); i++ {
		if c := cmp.Compare(a[len(a)-i], b[len(b)-i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}

// matches yields the entries whose prefix and suffix fit s (starts and
// ends it, without overlapping), a run at a time: entries of one prefix
// and one suffix, ids ascending. Runs come longest prefix first.
func (x *affixIndex) matches(s string) iter.Seq[[]affix] {
	return func(yield func([]affix) bool) {
		var groups, runs [16]span
		prefixed := x.walk(groups[:0], span{0, len(x.entries)}, s, false)
		for _, g := range slices.Backward(prefixed) {
			rest := s[len(x.entries[g.lo].prefix):]
			for _, r := range x.walk(runs[:0], g, rest, true) {
				if !yield(x.entries[r.lo:r.hi]) {
					return
				}
			}
		}
	}
}

// first returns the id of the entry that fits s with the longest prefix,
// the smallest such id.
func (x *affixIndex) first(s string) (int, bool) {
	best, bestLen := -1, -1
	for run := range x.matches(s) {
		if len(run[0].prefix) < bestLen {
			break
		}
		if best < 0 || run[0].id < best {
			best, bestLen = run[0].id, len(run[0].prefix)
		}
	}
	return best, best >= 0
}

// walk appends to dst the runs of entries in in whose prefix (or, fromEnd,
// whose suffix) s starts (ends) with, shortest first. The entries of in
// must be sorted by that key (read from its end, fromEnd), so that those
// that share its first i bytes with s are a range, where the one of
// length i comes first: each byte of s narrows the range by two binary
// searches.
func (x *affixIndex) walk(dst []span, in span, s string, fromEnd bool) []span {
	key := func(k int) string {
		if fromEnd {
			return x.entries[k].suffix
		}
		return x.entries[k].prefix
	}
	at := func(t string, i int) byte {
		if fromEnd {
			return t[len(t)-1-i]
		}
		return t[i]
	}
	lo, hi := in.lo, in.hi
	for i := 0; lo < hi; i++ {
		end := lo + sort.Search(hi-lo, func(k int) bool { return len(key(lo+k)) > i })
		if end > lo {
			dst = append(dst, span{lo, end})
		}
		if i == len(s) {
			break
		}
		c := at(s, i)
		lo = end + sort.Search(hi-end, func(k int) bool { return at(key(end+k), i) >= c })
		hi = lo + sort.Search(hi-lo, func(k int) bool { return at(key(lo+k), i) > c })
	}
	return dst
}
