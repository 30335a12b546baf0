package discover

import (
	"cmp"
	"slices"
)

// innerKeyMax bounds a key taken from inside a pattern (see
// nameKeys.pick): a name is looked up by each of its substrings of the
// lengths such keys have, at most innerKeyMax lookups a byte.
const innerKeyMax = 8

// nameKeys is what the name of every entry a rule matches holds. They are
// read from the pattern's last segment, after its last '/': that segment
// alone matches the name, none of its parts matching a '/' (a segment
// "**", which does, has no literal byte and so gives no key).
type nameKeys struct {
	exact  bool   // the segment has no wildcard: the name is prefix
	prefix string // the literal bytes (escapes undone) the name starts with
	suffix string // the literal bytes it ends with
	inner  string // the longest run of literal bytes in the segment
}

// lastSegmentKeys reads the keys of glob's last segment, walking glob as
// wildmatch does. ok is false when glob matches nothing: it has a set that
// wildmatch cannot read ([ unclosed, an unknown [:class:]) or ends in a
// lone backslash.
func lastSegmentKeys(glob string) (k nameKeys, ok bool) {
	var r literalRun
	wild := false // the segment has a wildcard before the run
	for i := 0; i < len(glob); i++ {
		c, escaped := glob[i], false
		switch c {
		case '*', '?', '[':
			if c == '[' {
				end, res := matchClass(glob, i+1, 'a', false) // where it ends does not depend on the byte
				if res == wildAbortAll {
					return nameKeys{}, false
				}
				i = end
			}
			text := r.text(glob)
			if !wild {
				k.prefix = text
			}
			if len(text) > len(k.inner) {
				k.inner = text
			}
			r, wild = literalRun{start: i + 1, end: i + 1}, true
			continue
		case '\\':
			if i++; i == len(glob) {
				return nameKeys{}, false
			}
			c, escaped = glob[i], true
		}
		if c == '/' { // escaped or not, it matches a '/' only
			k, r, wild = nameKeys{}, literalRun{start: i + 1, end: i + 1}, false
			continue
		}
		r.add(glob, c, i, escaped)
	}
	text := r.text(glob)
	if !wild {
		return nameKeys{exact: true, prefix: text}, true
	}
	k.suffix = text
	if len(text) > len(k.inner) {
		k.inner = text
	}
	return k, true
}

// literalRun is a run of literal bytes of a pattern: glob[start:end]
// until a byte of it is escaped, then the bytes themselves.
type literalRun struct {
	start, end int
	bytes      []byte // the run's bytes, once one was escaped
}

// add adds the byte c, which ends at glob[i], escaped or not.
func (r *literalRun) add(glob string, c byte, i int, escaped bool) {
	switch {
	case r.bytes == nil && !escaped:
		r.end = i + 1
	case r.bytes == nil:
		r.bytes = append([]byte(glob[r.start:r.end]), c)
	default:
		r.bytes = append(r.bytes, c)
	}
}

// text returns the run's bytes.
func (r *literalRun) text(glob string) string {
	if r.bytes == nil {
		return glob[r.start:r.end]
	}
	return string(r.bytes)
}

// keyKind is how a rule is filed in a ruleIndex.
type keyKind uint8

const (
	keyNone   keyKind = iota // no key: tried on every name
	keyExact                 // the name
	keyPrefix                // a prefix of the name
	keySuffix                // a suffix of the name
	keyInner                 // a substring of the name
	keyKinds
)

// pick returns the key a rule is filed under: the name itself when it is
// known, else the longest of the literal start, end and inside (of this,
// at most innerKeyMax bytes), the anchored ones first on a tie.
func (k nameKeys) pick() (keyKind, string) {
	if k.exact {
		return keyExact, k.prefix
	}
	inner := k.inner
	if len(inner) > innerKeyMax {
		inner = inner[len(inner)-innerKeyMax:]
	}
	switch {
	case k.prefix == "" && k.suffix == "" && inner == "":
		return keyNone, ""
	case len(k.prefix) >= len(k.suffix) && len(k.prefix) >= len(inner):
		return keyPrefix, k.prefix
	case len(k.suffix) >= len(inner):
		return keySuffix, k.suffix
	}
	return keyInner, inner
}

// ruleIndexes files the rules of one file, each in one or more indexes
// (see ignoreFile), by a key that every name they match holds: a name
// meets only the rules of an index filed under keys it holds, and those
// without a key. The rules under one key are chained from the last to the
// first, so that the last one that matches is found first. The indexes of
// a file share its maps and arrays: a file can have one for each of
// thousands of directories.
type ruleIndexes struct {
	indexes []ruleIndex
	ids     []int32 // by filing: the rule filed (an index in the file's rules)
	prev    []int32 // by filing: the previous filing under the same index and key, or -1
	heads   map[bucket]int32
	// keyLens holds the lengths of the keys of each index and kind,
	// ascending (see ruleIndex.lens).
	keyLens  []int32
	met      []keyLen // while filing: the lengths of the keys met
	sizeHint int      // while filing: how many keys heads may hold
}

// ruleIndex is one index of a ruleIndexes.
type ruleIndex struct {
	rest  int32 // the last filing without a key, or -1
	exact bool  // some rule is filed under its name
	// lens are, for prefixes, suffixes and inner keys, where the lengths
	// of the index's keys of that kind are in keyLens.
	lens [keyKinds - keyPrefix]struct{ start, end int32 }
}

// bucket is where the last filing under a key is found.
type bucket struct {
	index int32
	kind  keyKind
	key   string
}

// keyLen is the length of a key of an index.
type keyLen struct {
	index int32
	kind  keyKind
	n     int32
}

// newIndex adds an empty index and returns its number.
func (x *ruleIndexes) newIndex() int32 {
	x.indexes = append(x.indexes, ruleIndex{rest: -1})
	return int32(len(x.indexes) - 1)
}

// add files rule id, greater than those filed before, in index ix under
// key.
func (x *ruleIndexes) add(ix, id int32, kind keyKind, key string) {
	pos := int32(len(x.ids))
	x.ids = append(x.ids, id)
	in := &x.indexes[ix]
	if kind == keyNone {
		x.prev = append(x.prev, in.rest)
		in.rest = pos
		return
	}
	if x.heads == nil {
		x.heads = make(map[bucket]int32, x.sizeHint)
	}
	b := bucket{ix, kind, key}
	prev, ok := x.heads[b]
	if !ok {
		prev = -1
		if kind != keyExact {
			x.met = append(x.met, keyLen{ix, kind, int32(len(key))})
		}
	}
	in.exact = in.exact || kind == keyExact
	x.prev = append(x.prev, prev)
	x.heads[b] = pos
}

// done sorts the lengths of the keys once every rule is filed.
func (x *ruleIndexes) done() {
	slices.SortFunc(x.met, func(a, b keyLen) int {
		return cmp.Or(cmp.Compare(a.index, b.index), cmp.Compare(a.kind, b.kind), cmp.Compare(a.n, b.n))
	})
	x.keyLens = make([]int32, 0, len(x.met))
	for _, m := range slices.Compact(x.met) {
		span := &x.indexes[m.index].lens[m.kind-keyPrefix]
		if span.end == 0 {
			span.start = int32(len(x.keyLens))
		}
		x.keyLens = append(x.keyLens, m.n)
		span.end = int32(len(x.keyLens))
	}
	x.met = nil
	// The arrays grew by doubling: the file keeps them at their size.
	x.indexes, x.ids, x.prev = slices.Clone(x.indexes), slices.Clone(x.ids), slices.Clone(x.prev)
}

// lens returns the lengths of index ix's keys of a kind, ascending.
func (x *ruleIndexes) lens(ix int32, kind keyKind) []int32 {
	span := x.indexes[ix].lens[kind-keyPrefix]
	return x.keyLens[span.start:span.end]
}

// last returns the greatest of floor and the rules filed in index ix that
// match the entry e.
func (x *ruleIndexes) last(ix int32, e *entry, floor int32) int32 {
	name := e.name
	floor = x.chain(x.indexes[ix].rest, e, floor)
	if x.indexes[ix].exact {
		if p, ok := x.heads[bucket{ix, keyExact, name}]; ok {
			floor = x.chain(p, e, floor)
		}
	}
	for _, l := range x.lens(ix, keyPrefix) {
		if int(l) > len(name) {
			break
		}
		if p, ok := x.heads[bucket{ix, keyPrefix, name[:l]}]; ok {
			floor = x.chain(p, e, floor)
		}
	}
	for _, l := range x.lens(ix, keySuffix) {
		if int(l) > len(name) {
			break
		}
		if p, ok := x.heads[bucket{ix, keySuffix, name[len(name)-int(l):]}]; ok {
			floor = x.chain(p, e, floor)
		}
	}
	if inner := x.lens(ix, keyInner); len(inner) > 0 {
		floor = x.lastInner(ix, inner, e, floor)
	}
	return floor
}

// lastInner is last for the rules filed under inner keys, whose lengths
// are lens. A key found at several places in the name has its rules tried
// once.
func (x *ruleIndexes) lastInner(ix int32, lens []int32, e *entry, floor int32) int32 {
	name := e.name
	var buf [32]int32
	heads := buf[:0]
	for _, l := range lens {
		for i := 0; i+int(l) <= len(name); i++ {
			if p, ok := x.heads[bucket{ix, keyInner, name[i : i+int(l)]}]; ok {
				heads = append(heads, p)
			}
		}
	}
	slices.Sort(heads)
	for _, p := range slices.Compact(heads) {
		floor = x.chain(p, e, floor)
	}
	return floor
}

// chain returns the greatest of floor and the rules chained from filing p
// that match the entry e.
func (x *ruleIndexes) chain(p int32, e *entry, floor int32) int32 {
	for ; p >= 0 && x.ids[p] > floor; p = x.prev[p] {
		if e.matches(x.ids[p]) {
			return x.ids[p]
		}
	}
	return floor
}
