package config

import (
	"cmp"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
)

// globIndex holds the globs of one config file's "ignore", or those of its
// overrides, so that a path is matched only against the globs that may
// match it, not against them all: a file with 40,000 globs met 4,000
// files in 18 s. A glob still matches exactly as doublestar.Match decides;
// the index only leaves out globs a literal part of which is not where the
// glob needs it in the path (see globKeys). A glob's literal keys go into
// one of four byte tries, walked along the path:
//
//   - anchored: a glob's literal prefix (a prefix of the path), or the
//     whole glob when it has no wildcard (the path itself);
//   - segment: for "**/X…", X's literal prefix (a prefix of one of the
//     path's segments onwards);
//   - suffix (reversed): a glob's literal suffix (the end of the path), or
//     for "…X/**" X's (the end of the path or of one of its directories);
//     or those of each alternative of a group that ends the glob;
//   - inner: a literal inside the glob (anywhere in the path).
//
// Globs with no literal key are in general, matched against every path.
// It is read-only once built, so safe for concurrent use.
type globIndex struct {
	pats                             []string  // the distinct normalized patterns
	lists                            [][]int32 // per pattern: the lists it is in, ascending
	general                          []int32   // the patterns of no trie
	anchored, segment, suffix, inner trie
}

// The kinds of an entry of a trie: what its key must be in the path.
const (
	keyExact    = iota // anchored: the key is the whole path
	keyPrefix          // anchored: a prefix of the path
	keySegment         // segment: a prefix of the path from a segment on
	keyEnd             // suffix: the end of the path
	keyBoundary        // suffix: the end of the path or of a directory in it
	keyInner           // inner: anywhere in the path
)

// globKey is a literal the path must hold for a pattern to match it.
type globKey struct {
	kind int
	key  string
}

// newGlobIndex indexes lists of config globs (each list an override's
// "files", or "ignore" alone).
func newGlobIndex(lists [][]string) *globIndex {
	ix := &globIndex{}
	id := map[string]int32{}
	for l, globs := range lists {
		for _, g := range globs {
			p := normalizeGlob(g)
			i, ok := id[p]
			if !ok {
				i = int32(len(ix.pats))
				id[p] = i
				ix.pats = append(ix.pats, p)
				ix.lists = append(ix.lists, nil)
			}
			if ls := ix.lists[i]; len(ls) == 0 || ls[len(ls)-1] != int32(l) {
				ix.lists[i] = append(ls, int32(l))
			}
		}
	}
	ways := make([][][]globKey, len(ix.pats))
	shared := map[globKey]int{}
	for i, p := range ix.pats {
		if !doublestar.ValidatePattern(p) { // not from Load: matched as it is
			continue
		}
		ways[i] = globKeys(p)
		for _, w := range ways[i] {
			for _, k := range w {
				shared[k]++
			}
		}
	}
	for i, w := range ways {
		if len(w) == 0 {
			ix.general = append(ix.general, int32(i))
			continue
		}
		for _, k := range slices.MinFunc(w, func(a, b []globKey) int { return compareWays(a, b, shared) }) {
			ix.trie(k.kind).add(k.key, k.kind == keyEnd || k.kind == keyBoundary, entry{int32(i), uint8(k.kind)})
		}
	}
	return ix
}

// compareWays orders two ways to find a pattern by a guess at how many
// patterns a path meets through them: those that share each key, fewer
// for a longer key, more for a key that may be anywhere in the path.
func compareWays(a, b []globKey, shared map[globKey]int) int {
	cost := func(w []globKey) (c float64) {
		for _, k := range w {
			n := float64(shared[k])
			if k.kind == keyInner {
				n *= 4
			}
			c += n / float64(len(k.key))
		}
		return c
	}
	return cmp.Compare(cost(a), cost(b))
}

// trie returns the trie of the entries of kind.
func (ix *globIndex) trie(kind int) *trie {
	switch kind {
	case keyExact, keyPrefix:
		return &ix.anchored
	case keySegment:
		return &ix.segment
	case keyInner:
		return &ix.inner
	}
	return &ix.suffix
}

// globKeys returns the ways the index may find the normalized pattern
// p: each a set of literals the path holds one of, where the set's kind
// says, if p matches it (see globIndex). None when p has none of the
// shapes below, so that it is matched against every path. A literal stops
// at a wildcard ('*', '?', '[', '{', '\\', and ']', '}', ',' to be safe),
// before a '/' that "**/" may take without reading the path, and at a rune
// that is not valid UTF-8 or is U+FFFD (which doublestar takes as equal to
// any invalid byte), so that matching it rune by rune is matching its
// bytes.
func globKeys(p string) [][]globKey {
	pre := literalPrefix(p)
	if pre == p {
		return [][]globKey{{{keyExact, p}}}
	}
	var ways [][]globKey
	add := func(kind int, lits ...string) {
		var w []globKey
		for _, l := range lits {
			if l == "" {
				return
			}
			w = append(w, globKey{kind, l})
		}
		if len(w) > 0 {
			ways = append(ways, w)
		}
	}
	if pre != "" {
		// Matching reads p's first bytes against the path's, with nothing
		// to go back to; or the path ends first, and p is pre+"**".
		add(keyPrefix, pre)
	} else if rest, ok := strings.CutPrefix(p, "**/"); ok {
		// "**/" goes back to each segment of the path in turn.
		add(keySegment, literalPrefix(rest))
	}
	// The last pass of matching reads p's last bytes against the path's
	// last ones; a "/**" that ends p ends a match at any '/' after them.
	kind, q := keyEnd, p
	if r, ok := strings.CutSuffix(p, "/**"); ok {
		kind, q = keyBoundary, r
	}
	add(kind, literalSuffix(q))
	add(kind, braceSuffixes(q)...)
	add(keyInner, innerLiteral(p))
	return ways
}

// braceSuffixes returns, when q ends with a group of alternatives (with no
// group in them) and then a literal, the literal suffix of q with each
// alternative in place of the group, as matching takes them before it
// reads the pattern's last bytes as above (the literal before the group
// only where it does not make the suffixes add up to more than q). A
// suffix that is all of an alternative and the literal after it loses a
// '/' it starts with, to be safe: the byte before the group may be a '*'.
func braceSuffixes(q string) []string {
	open, end := lastGroup(q)
	post := q[max(end, 0):]
	if open < 0 || literalPrefix(post) != post {
		return nil
	}
	alts := alternatives(q[open+1 : end-1])
	if len(alts)*len(post) > len(q) { // each suffix repeats post
		return nil
	}
	head := literalSuffix(q[:open])
	if len(alts)*len(head) > len(q) {
		head = ""
	}
	var out []string
	for _, alt := range alts {
		suf := literalSuffix(alt + post)
		if len(suf) == len(alt)+len(post) {
			if suf = head + suf; head == "" {
				suf = strings.TrimPrefix(suf, "/")
			}
		}
		out = append(out, suf)
	}
	return out
}

// lastGroup returns where the last group of alternatives outside any other
// of the valid pattern p starts, and the index after it; -1, -1 if none.
func lastGroup(p string) (open, end int) {
	open, end = -1, -1
	depth := 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '[':
			i += classLen(p[i:]) - 1
		case '{':
			if depth == 0 {
				open = i
			}
			depth++
		case '}':
			if depth--; depth == 0 {
				end = i + 1
			}
		}
	}
	return open, end
}

// alternatives splits the inside of a group at its commas, as doublestar
// does; nil if a group is in it.
func alternatives(s string) []string {
	var out []string
	last := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			for i++; i < len(s) && s[i] != ']'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case '{', '}':
			return nil
		case ',':
			out = append(out, s[last:i])
			last = i + 1
		}
	}
	return append(out, s[last:])
}

// innerLiteral returns the longest literal in p outside character classes
// and alternatives, without the '/'s that end it: whatever else matching
// does, it reads each such literal against bytes of the path (a match
// that ends with the path in a literal needs the rest of p to be "/**" or
// the like, so that only a last '/' may be left unread).
func innerLiteral(p string) string {
	best, start, depth := "", -1, 0
	flush := func(end int) {
		if start >= 0 {
			if lit := strings.TrimRight(p[start:end], "/"); len(lit) > len(best) {
				best = lit
			}
		}
		start = -1
	}
	for i := 0; i < len(p); {
		c := p[i]
		n, ok := literalRune(p[i:])
		switch {
		case c == '\\':
			n = 2 // the escaped byte; the rest of its rune is not literal
		case c == '[':
			n = classLen(p[i:])
		case c == '{':
			depth++
		case c == '}':
			depth--
		case c == '/' && afterGroupOrStar(p[:i]):
			ok = false // "**/" may take it without reading the path
		}
		if ok && depth == 0 {
			if start < 0 {
				start = i
			}
		} else {
			flush(i)
		}
		i += n
	}
	flush(len(p))
	return best
}

// classLen returns the length of the character class that starts p (with
// the '[' and the ']'), as doublestar reads a valid pattern.
func classLen(p string) int {
	i := 1
	if i < len(p) && (p[i] == '!' || p[i] == '^') {
		i++
	}
	for ; i < len(p) && p[i] != ']'; i++ {
		if p[i] == '\\' {
			i++
		}
	}
	return min(i+1, len(p))
}

// isGlobSpecial reports whether b may be part of a wildcard.
func isGlobSpecial(b byte) bool {
	return strings.IndexByte(`*?[]{}\,`, b) >= 0
}

// literalRune returns the length of the rune at the start of s, and
// whether it is one of a literal (see globKeys).
func literalRune(s string) (int, bool) {
	if isGlobSpecial(s[0]) {
		return 1, false
	}
	r, n := utf8.DecodeRuneInString(s)
	return n, r != utf8.RuneError
}

// literalPrefix returns the literal that starts p.
func literalPrefix(p string) string {
	i := 0
	for i < len(p) {
		n, ok := literalRune(p[i:])
		if !ok {
			break
		}
		i += n
	}
	return p[:i]
}

// afterGroupOrStar reports whether before ends with '*' or '}': a '/'
// after it may be that of "**/".
func afterGroupOrStar(before string) bool {
	return strings.HasSuffix(before, "*") || strings.HasSuffix(before, "}")
}

// literalSuffix returns the literal that ends p (see globKeys).
func literalSuffix(p string) string {
	start := len(p)
	for start > 0 && !isGlobSpecial(p[start-1]) && (p[start-1] != '/' || !afterGroupOrStar(p[:start-1])) {
		start--
	}
	// Runes are decoded from after an ASCII byte, as matching decodes them.
	lit := p[start:]
	for i := 0; i < len(lit); {
		n, ok := literalRune(lit[i:])
		if ok {
			i += n
			continue
		}
		lit, i = lit[i+n:], 0
	}
	return lit
}

// matchAny reports whether rel, or with dirs any directory above it,
// matches one of the index's patterns.
func (ix *globIndex) matchAny(rel string, dirs bool) bool {
	for _, i := range ix.candidates(rel, dirs) {
		if matchPattern(ix.pats[i], rel, dirs) {
			return true
		}
	}
	return false
}

// matchLists returns the lists one of whose patterns rel matches, in
// ascending order.
func (ix *globIndex) matchLists(rel string) []int32 {
	var out []int32
	for _, i := range ix.candidates(rel, false) {
		if matchPattern(ix.pats[i], rel, false) {
			out = append(out, ix.lists[i]...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// matchPattern reports whether rel, or with dirs any directory above it,
// matches the normalized pattern pat.
func matchPattern(pat, rel string, dirs bool) bool {
	for p := rel; p != "." && p != ""; p = path.Dir(p) {
		if ok, _ := doublestar.Match(pat, p); ok {
			return true
		}
		if !dirs {
			break
		}
	}
	return false
}

// candidates returns, in ascending order, the patterns that may match rel
// (or with dirs a directory above it): those of general and those whose
// key the walks along rel meet where it has to be. The directories above
// a clean path are its prefixes that end before a '/'; for another path
// every pattern is a candidate.
func (ix *globIndex) candidates(rel string, dirs bool) []int32 {
	if !cleanRel(rel) {
		out := make([]int32, len(ix.pats))
		for i := range out {
			out[i] = int32(i)
		}
		return out
	}
	out := slices.Clone(ix.general)
	// The anchored trie from the start; an exact key where a path tested
	// ends; a prefix key also as the path followed by '/'.
	out = ix.anchored.walk(rel, 0, out, func(e entry, end int) bool {
		return e.kind == keyPrefix || end == len(rel) || dirs && rel[end] == '/'
	})
	for s := 0; ix.segment.next != nil; {
		if ix.segment.first[rel[s]] {
			out = ix.segment.walk(rel, s, out, nil)
		}
		k := strings.IndexByte(rel[s:], '/')
		if k < 0 {
			break
		}
		s += k + 1
	}
	for i := 0; i < len(rel) && ix.inner.next != nil; i++ {
		if ix.inner.first[rel[i]] {
			out = ix.inner.walk(rel, i, out, nil)
		}
	}
	for j := len(rel); j > 0 && ix.suffix.next != nil; j = strings.LastIndexByte(rel[:j], '/') {
		if ix.suffix.first[rel[j-1]] {
			out = ix.suffix.walkBack(rel, j, out, func(e entry) bool {
				return e.kind == keyBoundary || dirs || j == len(rel)
			})
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// cleanRel reports whether rel is a relative path that path.Clean leaves
// as it is, other than ".": no empty, "." or ".." segment.
func cleanRel(rel string) bool {
	switch {
	case rel == "" || rel == "." || rel == ".." || rel[0] == '/' || rel[len(rel)-1] == '/',
		strings.HasPrefix(rel, "./") || strings.HasPrefix(rel, "../"),
		strings.HasSuffix(rel, "/.") || strings.HasSuffix(rel, "/.."):
		return false
	}
	return !strings.Contains(rel, "//") && !strings.Contains(rel, "/./") && !strings.Contains(rel, "/../")
}

// trie is a byte trie of keys, read along a path.
type trie struct {
	next    map[uint64]int32  // node<<8 | byte → child node; the root is 0
	entries map[int32][]entry // the entries whose key ends at a node
	first   [256]bool         // the bytes the root has a child for
	nodes   int32
}

// entry is a pattern whose key ends at a node of a trie.
type entry struct {
	pat  int32
	kind uint8
}

// add adds e under key, read backwards when reversed.
func (t *trie) add(key string, reversed bool, e entry) {
	if t.next == nil {
		t.next, t.entries = map[uint64]int32{}, map[int32][]entry{}
	}
	node := int32(0)
	for i := range len(key) {
		b := key[i]
		if reversed {
			b = key[len(key)-1-i]
		}
		if i == 0 {
			t.first[b] = true
		}
		edge := uint64(node)<<8 | uint64(b)
		child, ok := t.next[edge]
		if !ok {
			t.nodes++
			child = t.nodes
			t.next[edge] = child
		}
		node = child
	}
	t.entries[node] = append(t.entries[node], e)
}

// walk follows rel from start, adding to out the entries of the nodes it
// meets (those keep accepts, given where their key ends in rel) and, at
// the end of rel, those of one '/' further: the key "dir/" of a pattern
// "dir/**" matches the path "dir".
func (t *trie) walk(rel string, start int, out []int32, keep func(e entry, end int) bool) []int32 {
	if t.next == nil || start < len(rel) && !t.first[rel[start]] {
		return out
	}
	node := int32(0)
	for i := start; ; i++ {
		for _, e := range t.entries[node] {
			if keep == nil || keep(e, i) {
				out = append(out, e.pat)
			}
		}
		b := byte('/')
		if i < len(rel) {
			b = rel[i]
		}
		child, ok := t.next[uint64(node)<<8|uint64(b)]
		if !ok {
			return out
		}
		node = child
		if i == len(rel) {
			for _, e := range t.entries[node] {
				if e.kind == keyPrefix || e.kind == keySegment {
					out = append(out, e.pat)
				}
			}
			return out
		}
	}
}

// walkBack follows rel backwards from end, adding to out the entries keep
// accepts of the nodes it meets.
func (t *trie) walkBack(rel string, end int, out []int32, keep func(entry) bool) []int32 {
	if t.next == nil || end == 0 || !t.first[rel[end-1]] {
		return out
	}
	node := int32(0)
	for i := end - 1; i >= 0; i-- {
		child, ok := t.next[uint64(node)<<8|uint64(rel[i])]
		if !ok {
			break
		}
		node = child
		for _, e := range t.entries[node] {
			if keep(e) {
				out = append(out, e.pat)
			}
		}
	}
	return out
}
