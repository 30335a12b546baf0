// Package cache keeps the records of a run (lint.Records) in one file on
// disk, for the next run: what checking each file found, reused while the
// file is unchanged. A record is reused only when the file's stamp (size,
// modification and change times, inode) is the one it had when it was
// read, and, when the file was written too close to that read for its
// stamp to tell (git's "racy" files), its content has the same SHA-256.
//
// The file is written whole to a temporary file and renamed over the old
// one, so that a reader never sees half of it and two runs at once leave
// one or the other. A file that is truncated, corrupt, or written by
// another version or with other settings is ignored, with one notice, and
// replaced.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/directivelint/directivelint/lint/codec"
	"github.com/directivelint/directivelint/lint/source"
)

// magic starts every cache file; its last byte is the format's version.
const magic = "DLCACHE\x01"

// maxFileSize bounds the cache file read: a larger one is not ours.
const maxFileSize = 1 << 30

// castagnoli is the CRC-32C table, which processors compute in hardware.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// entry is the record of one file.
type entry struct {
	stamp source.Stamp
	// hash is the SHA-256 of the content, when the stamp was racy.
	hash []byte
	rec  []byte
	used atomic.Bool // looked up and found unchanged this run
}

// Store is the cache of one project and one set of settings, loaded from
// its file by Open and written back by Save. It implements lint.Records
// and is safe for concurrent use.
type Store struct {
	path  string
	key   string
	start int64 // when the run started, in nanoseconds: see source.Stamp.Racy

	old     map[string]*entry // loaded, read-only once loaded
	inputs  []byte            // what the records were made from
	loaded  []byte            // the inputs as loaded
	strings *codec.Strings

	mu    sync.Mutex
	fresh map[string]*entry // kept this run
	reset bool
}

// FileName returns the name of the cache file for settings key in a cache
// directory.
func FileName(key string) string { return key + ".cache" }

// Key returns the key of a set of settings: the binary's version and
// every option that changes what a file's check finds.
func Key(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Open loads the cache of key from dir. A missing file is an empty cache;
// a file that cannot be used gives an empty cache and a notice saying why
// (it is replaced by Save).
func Open(dir, key string) (*Store, *source.Notice) {
	s := &Store{path: filepath.Join(dir, FileName(key)), key: key, start: time.Now().UnixNano(),
		old: map[string]*entry{}, fresh: map[string]*entry{}}
	data, err := source.ReadLimited(s.path, maxFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		s.strings = codec.NewStrings(nil)
		return s, nil
	}
	if err == nil {
		err = s.load(data)
	}
	if err != nil {
		s.old, s.inputs, s.strings = map[string]*entry{}, nil, codec.NewStrings(nil)
		return s, &source.Notice{Path: s.path, Text: "cache ignored: " + err.Error() + "; it is rebuilt"}
	}
	return s, nil
}

// load reads the entries of a cache file.
func (s *Store) load(data []byte) error {
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return errors.New("not a directivelint cache of this version")
	}
	body := data[len(magic)+4:]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(magic):]) {
		return errors.New("truncated or corrupt")
	}
	d := codec.NewDecoder(body)
	if key := d.String(); key != s.key && d.Err() == nil {
		return errors.New("written with other settings")
	}
	s.inputs = d.Bytes()
	table := make([]string, d.Count(1))
	for i := range table {
		table[i] = d.String()
	}
	s.strings = codec.NewStrings(table)
	n := d.Count(8)
	for range n {
		path := d.String()
		e := &entry{stamp: d.Stamp()}
		if h := d.Bytes(); len(h) > 0 {
			e.hash = h
		}
		e.rec = d.Bytes()
		s.old[path] = e
	}
	if !d.Done() {
		return errors.New("truncated or corrupt")
	}
	s.loaded = s.inputs
	return nil
}

// Lookup returns the record of the file at abs when the file is unchanged
// since it was kept, else nil.
func (s *Store) Lookup(abs string) []byte {
	e := s.old[abs]
	if e == nil {
		return nil
	}
	stamp, ok := source.StampOf(abs)
	if !ok || stamp != e.stamp {
		return nil
	}
	if e.hash != nil {
		data, err := source.ReadLimited(abs, stamp.Size)
		if err != nil {
			return nil
		}
		if h := sha256.Sum256(data); !bytes.Equal(h[:], e.hash) {
			return nil
		}
	}
	e.used.Store(true)
	return e.rec
}

// Keep keeps rec as the record of the file at abs, whose stamp, taken
// before it was read, is stamp and whose content was src.
func (s *Store) Keep(abs string, stamp source.Stamp, src, rec []byte) {
	e := &entry{stamp: stamp, rec: rec}
	if stamp.Racy(s.start) {
		h := sha256.Sum256(src)
		e.hash = h[:]
	}
	s.mu.Lock()
	s.fresh[abs] = e
	s.mu.Unlock()
}

// Inputs returns what the records were made from, as SetInputs was given it.
func (s *Store) Inputs() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inputs
}

// SetInputs sets what the records kept are made from.
func (s *Store) SetInputs(inputs []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inputs = inputs
}

// Path returns the path of the cache file.
func (s *Store) Path() string { return s.path }

// Strings returns the table of strings the records share.
func (s *Store) Strings() *codec.Strings { return s.strings }

// Reset drops every record, those loaded and those kept, and the inputs.
func (s *Store) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.old, s.fresh, s.inputs, s.reset = map[string]*entry{}, map[string]*entry{}, nil, true
}

// Save writes the cache file: the records kept this run, and those loaded
// that are still good (used this run, or for files unchanged that the run
// did not check). It writes nothing when nothing changed.
func (s *Store) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inputs == nil {
		// The records may not be trusted (see lint.Records): leave no
		// file that says otherwise.
		if err := os.Remove(s.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("removing the cache: %w", err)
		}
		return nil
	}
	changed := s.reset || len(s.fresh) > 0 || !bytes.Equal(s.inputs, s.loaded)
	keep := make(map[string]*entry, len(s.old)+len(s.fresh))
	for path, e := range s.old {
		if _, ok := s.fresh[path]; ok {
			continue
		}
		if !e.used.Load() {
			if stamp, ok := source.StampOf(path); !ok || stamp != e.stamp {
				changed = true // gone or changed: its record is of no use
				continue
			}
		}
		keep[path] = e
	}
	if !changed {
		return nil
	}
	for path, e := range s.fresh {
		keep[path] = e
	}
	return s.write(keep)
}

// write writes the cache file with the entries of keep, atomically.
func (s *Store) write(keep map[string]*entry) error {
	size := 64 + len(s.inputs)
	for path, e := range keep {
		size += len(path) + len(e.rec) + len(e.hash) + 48
	}
	e := &codec.Encoder{Buf: make([]byte, len(magic)+4, size)}
	copy(e.Buf, magic)
	e.String(s.key)
	e.Bytes(s.inputs)
	table := s.strings.All()
	e.Uint(uint64(len(table)))
	for _, str := range table {
		e.String(str)
	}
	e.Uint(uint64(len(keep)))
	for path, en := range keep {
		e.String(path)
		e.Stamp(en.stamp)
		e.Bytes(en.hash)
		e.Bytes(en.rec)
	}
	binary.LittleEndian.PutUint32(e.Buf[len(magic):], crc32.Checksum(e.Buf[len(magic)+4:], castagnoli))
	return writeAtomic(s.path, e.Buf)
}

// writeAtomic writes data to path through a temporary file in the same
// directory renamed over it.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("writing the cache: %w", err)
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing the cache: %w", err)
	}
	return nil
}
