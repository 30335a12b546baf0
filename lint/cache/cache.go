// Package cache keeps the records of a run (lint.Records) in one file on
// disk, for the next run: what checking each file found, reused while the
// file is unchanged. A record is reused when the file's stamp (size,
// modification and change times, inode) is the one it had when it was
// read, unless the file was written too close to that read for its stamp
// to tell (git's "racy" files); or else when its content has the same
// SHA-256 as then: a fresh checkout (CI with a restored cache) or a touched
// file costs a read, not a check. The record then takes the new stamp.
//
// The file is written whole to a temporary file and renamed over the old
// one, so that a reader never sees half of it and two runs at once leave
// one or the other. A file that is truncated, corrupt, or written by
// another version or with other settings is ignored, with one notice, and
// replaced.
package cache

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/directivelint/directivelint/lint/codec"
	"github.com/directivelint/directivelint/lint/source"
)

// magic starts every cache file; its last byte is the format's version.
const magic = "DLCACHE\x02"

// maxFileSize bounds the cache file read: a larger one is not ours.
const maxFileSize = 1 << 30

// castagnoli is the CRC-32C table, which processors compute in hardware.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// entry is a record kept this run, for one file: its path, and where the
// rest of its entry in the file (its stamp, hash and record) is, as
// encoded, n bytes at off: in the spill file while there is one, else in
// Store.kept. Entries are small: a run holds one a file.
type entry struct {
	path   string
	off, n uint32
}

// Store is the cache of one project and one set of settings, loaded from
// its file by Open and written back by Save. It implements lint.Records
// and is safe for concurrent use.
//
// The records loaded stay in the file's bytes, sorted by path: Lookup
// finds one by binary search over their offsets, and decodes it only
// then. A run over a large tree holds its cache in the file's size and
// four bytes a file.
type Store struct {
	path       string
	key        string
	start      int64  // when the run started, in nanoseconds: see source.Stamp.Racy
	generation string // see Generation

	body    []byte         // the file's entries
	offsets []uint32       // where each entry starts in body, and the end
	used    []atomic.Bool  // by entry: looked up and found unchanged
	inputs  []byte         // what the records were made from
	loaded  []byte         // the inputs as loaded
	strings *codec.Strings // shared by the records
	size    int64          // of the file loaded

	mu        sync.Mutex
	pruned    bool              // Prune was called: entries not used this run go
	fresh     []entry           // kept this run
	restamped map[int32]restamp // loaded entries found unchanged under a new stamp
	reset     bool
	// spill is the temporary file the records kept this run are written
	// to as they come, so that the run does not hold them in memory
	// (nil until the first, when it could not be made, or once Save read
	// it back). While it is open, every fresh entry is in it.
	spill     *os.File
	spillBuf  *bufio.Writer
	spillSize uint32
	// kept holds the fresh entries' bytes when there is no spill file.
	kept    []byte
	scratch codec.Encoder // for Keep
}

// FileName returns the name of the cache file for settings key in a cache
// directory.
func FileName(key string) string { return key + ".cache" }

// SnapshotName returns the name of the file of a run's snapshot (see
// lint.Snapshot) for key, a key of its command line, in a cache directory.
func SnapshotName(key string) string { return key + ".snapshot" }

// WriteFile writes a file of a cache directory at path with write, through
// a temporary file renamed over it: a run reading it at the same time finds
// the old file or the new one whole.
func WriteFile(path string, write func(io.Writer) error) error {
	return writeAtomic(path, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
}

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
	s := &Store{path: filepath.Join(dir, FileName(key)), key: key, start: time.Now().UnixNano(), strings: codec.NewStrings(nil), restamped: map[int32]restamp{}}
	removeStale(dir)
	data, err := source.ReadLimited(s.path, maxFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err == nil {
		s.size = int64(len(data))
		err = s.load(data)
	}
	if err != nil {
		s.body, s.offsets, s.used, s.inputs, s.loaded, s.strings = nil, nil, nil, nil, nil, codec.NewStrings(nil)
		s.generation = ""
		return s, &source.Notice{Path: s.path, Text: "cache ignored: " + err.Error() + "; it is rebuilt"}
	}
	return s, nil
}

// removeStale removes the temporary files of runs that were killed before
// they could (a spill file is as large as the cache): those an hour old.
func removeStale(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".tmp-") || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// The layout of a cache file: magic, then the body (the entries, sorted
// by path, each its path, stamp, hash and record), then the trailer (the
// settings key, the inputs, the string table, the number of entries), then
// the trailer's offset in the body (8 bytes), then the CRC-32C of all but
// the magic and itself (4 bytes). Entries come first so that the file can
// be written as a stream.

// load reads a cache file.
func (s *Store) load(data []byte) error {
	if len(data) < len(magic)+12 || string(data[:len(magic)]) != magic {
		return errors.New("not a directivelint cache of this version")
	}
	content, sum := data[len(magic):len(data)-4], data[len(data)-4:]
	if crc32.Checksum(content, castagnoli) != binary.LittleEndian.Uint32(sum) {
		return errors.New("truncated or corrupt")
	}
	body := content[:len(content)-8]
	at := binary.LittleEndian.Uint64(content[len(content)-8:])
	if at > uint64(len(body)) {
		return errors.New("truncated or corrupt")
	}
	d := codec.NewDecoder(body[at:])
	if key := d.String(); key != s.key && d.Err() == nil {
		return errors.New("written with other settings")
	}
	s.generation = d.String()
	s.inputs = d.Bytes()
	table := make([]string, d.Count(1))
	for i := range table {
		table[i] = d.StringView() // the file's bytes stay with the store
	}
	n := d.Uint() // entries, each of at least 7 bytes
	if !d.Done() || n > at/7 {
		return errors.New("truncated or corrupt")
	}
	s.strings = codec.NewStrings(table)
	s.body = body[:at]
	s.offsets = make([]uint32, 0, int(n)+1)
	d = codec.NewDecoder(s.body)
	prev := ""
	for range n {
		s.offsets = append(s.offsets, uint32(len(s.body)-len(d.Rest())))
		path := d.Ref(s.strings)
		d.Stamp()
		d.Bool()
		d.Bytes()
		d.Bytes()
		if d.Err() != nil || path <= prev && len(s.offsets) > 1 {
			return errors.New("truncated or corrupt")
		}
		prev = path
	}
	if !d.Done() {
		return errors.New("truncated or corrupt")
	}
	s.offsets = append(s.offsets, uint32(len(s.body)))
	s.used = make([]atomic.Bool, n)
	s.loaded = s.inputs
	return nil
}

// pathAt returns the path of loaded entry i.
func (s *Store) pathAt(i int) string {
	return codec.NewDecoder(s.body[s.offsets[i]:s.offsets[i+1]]).Ref(s.strings)
}

// find returns the index of the loaded entry of path.
func (s *Store) find(path string) (int, bool) {
	n := len(s.offsets) - 1
	i, found := sort.Find(max(n, 0), func(i int) int { return strings.Compare(path, s.pathAt(i)) })
	return i, found
}

// Lookup returns the record of the file at abs when the file is unchanged
// since it was kept, else nil.
func (s *Store) Lookup(abs string) []byte {
	i, ok := s.find(abs)
	if !ok {
		return nil
	}
	kept, racy, hash, rec := s.entryAt(i)
	stamp, ok := source.StampOf(abs)
	if !ok {
		return nil
	}
	if stamp == kept && !racy {
		s.used[i].Store(true)
		return rec
	}
	if stamp.Size != kept.Size || len(hash) != sha256.Size {
		return nil
	}
	data, err := source.ReadLimited(abs, stamp.Size)
	if err != nil {
		return nil
	}
	if h := sha256.Sum256(data); !bytes.Equal(h[:], hash) {
		return nil
	}
	if nowRacy := stamp.Racy(s.start); stamp != kept || nowRacy != racy {
		s.mu.Lock()
		s.restamped[int32(i)] = restamp{stamp, nowRacy}
		s.mu.Unlock()
	}
	s.used[i].Store(true)
	return rec
}

// Recorded returns the record loaded for the file at abs, whatever its
// stamp, or nil when there is none: what the file was when the cache was
// written, to compare with what it is now.
func (s *Store) Recorded(abs string) []byte {
	i, ok := s.find(abs)
	if !ok {
		return nil
	}
	_, _, _, rec := s.entryAt(i)
	return rec
}

// entryAt decodes loaded entry i: the stamp its file was read under,
// whether that stamp was racy, the SHA-256 of the file's content, and its
// record (nil when the entry is corrupt).
func (s *Store) entryAt(i int) (stamp source.Stamp, racy bool, hash, rec []byte) {
	d := codec.NewDecoder(s.body[s.offsets[i]:s.offsets[i+1]])
	d.Uint() // the path
	stamp, racy, hash, rec = d.Stamp(), d.Bool(), d.Bytes(), d.Bytes()
	if d.Err() != nil {
		return source.Stamp{}, false, nil, nil
	}
	return stamp, racy, hash, rec
}

// Hash returns the SHA-256 of the content the record of the file at abs
// was made from, when Lookup gave that record this run; else nil.
func (s *Store) Hash(abs string) []byte {
	i, ok := s.find(abs)
	if !ok || !s.used[i].Load() {
		return nil
	}
	if _, _, h, _ := s.entryAt(i); len(h) == sha256.Size {
		return h
	}
	return nil
}

// restamp is the new stamp of a file whose content was found unchanged.
type restamp struct {
	stamp source.Stamp
	racy  bool
}

// Keep keeps rec as the record of the file at abs, whose stamp, taken
// before it was read, is stamp and whose content was src. It copies rec,
// which the caller may reuse.
func (s *Store) Keep(abs string, stamp source.Stamp, src, rec []byte) {
	hash := sha256.Sum256(src)
	s.mu.Lock()
	defer s.mu.Unlock()
	t := &s.scratch
	t.Buf = t.Buf[:0]
	t.Stamp(stamp)
	t.Bool(stamp.Racy(s.start))
	t.Bytes(hash[:])
	t.Bytes(rec)
	if s.spill == nil && s.spillBuf == nil {
		s.openSpill()
	}
	if s.spill != nil {
		if uint64(s.spillSize)+uint64(len(t.Buf)) < 1<<32 {
			if _, err := s.spillBuf.Write(t.Buf); err == nil {
				s.addFresh(entry{path: abs, off: s.spillSize, n: uint32(len(t.Buf))})
				s.spillSize += uint32(len(t.Buf))
				return
			}
		}
		// The disk is full (or the file at its bound): the records in
		// it are lost, the rest are kept in memory.
		s.dropSpill()
	}
	if uint64(len(s.kept))+uint64(len(t.Buf)) >= 1<<32 {
		return // not kept: its file is checked again next run
	}
	s.addFresh(entry{path: abs, off: uint32(len(s.kept)), n: uint32(len(t.Buf))})
	s.kept = append(s.kept, t.Buf...)
}

// addFresh adds e to the entries kept this run. The list doubles as it
// grows: append grows a large slice by a quarter, which for a tree of
// tens of thousands of files allocates five times its final size.
func (s *Store) addFresh(e entry) {
	if len(s.fresh) == cap(s.fresh) {
		s.fresh = slices.Grow(s.fresh, max(1024, len(s.fresh)))
	}
	s.fresh = append(s.fresh, e)
}

// openSpill makes the spill file, in the cache's directory. When it
// cannot, records are kept in memory.
func (s *Store) openSpill() {
	f, err := os.CreateTemp(filepath.Dir(s.path), ".tmp-*")
	if err != nil {
		s.spillBuf = bufio.NewWriter(io.Discard) // tried: do not try again
		return
	}
	s.spill, s.spillBuf = f, bufio.NewWriterSize(f, 64<<10)
}

// dropSpill removes the spill file, when there is one; the records in it
// (every fresh entry) are lost.
func (s *Store) dropSpill() {
	if s.spill != nil {
		s.removeSpill()
		s.fresh = s.fresh[:0]
	}
}

// removeSpill closes and removes the spill file.
func (s *Store) removeSpill() {
	s.spill.Close()
	_ = os.Remove(s.spill.Name())
	s.spill = nil
}

// unspill reads the records of the spill file back into memory (kept),
// and removes the file.
func (s *Store) unspill() error {
	if s.spill == nil {
		return nil
	}
	if err := s.spillBuf.Flush(); err != nil {
		s.dropSpill()
		return err
	}
	data, err := source.ReadLimited(s.spill.Name(), int64(s.spillSize))
	if err != nil || len(data) != int(s.spillSize) {
		s.dropSpill()
		if err == nil {
			err = fmt.Errorf("the spill file holds %d bytes, not %d", len(data), s.spillSize)
		}
		return err
	}
	s.removeSpill()
	s.kept = data
	return nil
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

// Size returns the size of the cache file loaded, in bytes; 0 for none
// (or a nil Store).
func (s *Store) Size() int64 {
	if s == nil {
		return 0
	}
	return s.size
}

// Path returns the path of the cache file.
func (s *Store) Path() string { return s.path }

// Strings returns the table of strings the records share.
func (s *Store) Strings() *codec.Strings { return s.strings }

// Prune makes Save drop the records loaded that this run did not look up
// (or found changed).
func (s *Store) Prune() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pruned = true
}

// Reset drops every record, those loaded and those kept, and the inputs.
func (s *Store) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.body, s.offsets, s.used, s.fresh, s.inputs, s.reset = nil, nil, nil, nil, nil, true
	s.restamped = map[int32]restamp{}
	s.strings = codec.NewStrings(nil) // no record refers to the old table now
	// The spill file's records are dropped with the entries: the file
	// goes on from where it is.
}

// Save writes the cache file: the records kept this run, and those loaded
// that are still good (used this run, or for files unchanged that the run
// did not check). It writes nothing when nothing changed.
func (s *Store) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.dropSpill() // when Save did not read it back: it holds nothing written
	if s.inputs == nil {
		// The records may not be trusted (see lint.Records): leave no
		// file that says otherwise.
		s.generation = ""
		if err := os.Remove(s.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("removing the cache: %w", err)
		}
		return nil
	}
	changed := s.reset || len(s.fresh) > 0 || len(s.restamped) > 0 || !bytes.Equal(s.inputs, s.loaded)
	// The entries written: fresh ones by their index, loaded ones by
	// -1-index; of a file kept twice, the last record.
	slices.SortStableFunc(s.fresh, func(a, b entry) int { return strings.Compare(a.path, b.path) })
	last := s.fresh[:0]
	for i, e := range s.fresh {
		if i+1 < len(s.fresh) && s.fresh[i+1].path == e.path {
			continue
		}
		last = append(last, e)
	}
	s.fresh = last
	order := make([]int, 0, len(s.used)+len(s.fresh))
	for i := range s.used {
		path := s.pathAt(i)
		if _, ok := slices.BinarySearchFunc(s.fresh, path, func(e entry, p string) int { return strings.Compare(e.path, p) }); ok {
			continue
		}
		if !s.used[i].Load() && s.pruned {
			changed = true
			continue
		}
		if !s.used[i].Load() {
			d := codec.NewDecoder(s.body[s.offsets[i]:s.offsets[i+1]])
			d.Uint()
			if stamp, ok := source.StampOf(path); !ok || stamp.Size != d.Stamp().Size {
				changed = true // gone or changed: its record is of no use
				continue
			}
		}
		order = append(order, -1-i)
	}
	if !changed {
		return nil
	}
	if err := s.unspill(); err != nil {
		return fmt.Errorf("writing the cache: %w", err)
	}
	for i := range s.fresh {
		order = append(order, i)
	}
	pathOf := func(k int) string {
		if k < 0 {
			return s.pathAt(-1 - k)
		}
		return s.fresh[k].path
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(pathOf(a), pathOf(b)) })
	s.generation = rand.Text()
	return writeAtomic(s.path, func(w io.Writer) error { return s.write(w, order) })
}

// Generation tells the records of one writing of the cache file from
// those of another: a random text each Save that writes the file draws,
// that of the file loaded when Save wrote none; "" for no file. A
// snapshot of a run (lint.Snapshot) made from some records compares the
// files changed since with those records, and only those.
func (s *Store) Generation() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.generation
}

// write writes the cache file's content to w: the entries of order (see
// Save), then the trailer.
func (s *Store) write(w io.Writer, order []int) error {
	if _, err := io.WriteString(w, magic); err != nil {
		return err
	}
	sum := crc32.New(castagnoli)
	bw := bufio.NewWriterSize(io.MultiWriter(w, sum), 64<<10)
	written := uint64(0)
	e := &codec.Encoder{}
	for _, k := range order {
		e.Buf = e.Buf[:0]
		if k < 0 {
			old := s.body[s.offsets[-1-k]:s.offsets[-k]]
			if rs, ok := s.restamped[int32(-1-k)]; ok {
				d := codec.NewDecoder(old)
				e.Uint(d.Uint())
				d.Stamp()
				d.Bool()
				e.Stamp(rs.stamp)
				e.Bool(rs.racy)
				e.Buf = append(e.Buf, d.Rest()...)
			} else {
				e.Buf = append(e.Buf, old...)
			}
		} else {
			f := &s.fresh[k]
			e.Ref(s.strings, f.path)
			e.Buf = append(e.Buf, s.kept[f.off:f.off+f.n]...)
		}
		n, err := bw.Write(e.Buf)
		if err != nil {
			return err
		}
		written += uint64(n)
	}
	e.Buf = e.Buf[:0]
	e.String(s.key)
	e.String(s.generation)
	e.Bytes(s.inputs)
	table := s.strings.All()
	e.Uint(uint64(len(table)))
	for _, str := range table {
		e.String(str)
		if len(e.Buf) >= 32<<10 {
			if _, err := bw.Write(e.Buf); err != nil {
				return err
			}
			e.Buf = e.Buf[:0]
		}
	}
	e.Uint(uint64(len(order)))
	e.Buf = binary.LittleEndian.AppendUint64(e.Buf, written)
	if _, err := bw.Write(e.Buf); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	_, err := w.Write(binary.LittleEndian.AppendUint32(nil, sum.Sum32()))
	return err
}

// writeAtomic writes a file at path with write, through a temporary file
// in the same directory renamed over it.
func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("writing the cache: %w", err)
	}
	err = write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("writing the cache: %w", err)
	}
	return nil
}
