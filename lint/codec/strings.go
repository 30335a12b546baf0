package codec

import "sync"

// Strings is a table of the strings records share (import specifiers),
// kept once in the cache file: a record holds an index instead. The table
// only grows, so an index stays valid for the life of the table. It is
// safe for concurrent use.
type Strings struct {
	loaded []string // read with the file: never changes

	mu    sync.RWMutex
	added []string // indexes len(loaded)…
	index map[string]uint64
}

// NewStrings returns a table holding loaded, in order.
func NewStrings(loaded []string) *Strings {
	t := &Strings{loaded: loaded, index: make(map[string]uint64, len(loaded))}
	for i, s := range loaded {
		t.index[s] = uint64(i)
	}
	return t
}

// Index returns the index of s, adding it when new.
func (t *Strings) Index(s string) uint64 {
	t.mu.RLock()
	i, ok := t.index[s]
	t.mu.RUnlock()
	if ok { // most strings are there already: the workers share the read lock
		return i
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if i, ok := t.index[s]; ok {
		return i
	}
	i = uint64(len(t.loaded) + len(t.added))
	s = string([]byte(s)) // the table outlives the caller's memory
	t.added = append(t.added, s)
	t.index[s] = i
	return i
}

// At returns the string of index i; ok is false for an index not given.
func (t *Strings) At(i uint64) (s string, ok bool) {
	if i < uint64(len(t.loaded)) {
		return t.loaded[i], true
	}
	t.mu.RLock()
	defer t.mu.RUnlock()
	i -= uint64(len(t.loaded))
	if i >= uint64(len(t.added)) {
		return "", false
	}
	return t.added[i], true
}

// All returns every string, in index order.
func (t *Strings) All() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append(t.loaded[:len(t.loaded):len(t.loaded)], t.added...)
}

// Ref appends the index of s in t.
func (e *Encoder) Ref(t *Strings, s string) { e.Uint(t.Index(s)) }

// Ref reads an index of t and returns its string.
func (d *Decoder) Ref(t *Strings) string {
	s, ok := t.At(d.Uint())
	if !ok {
		d.fail()
	}
	return s
}
