package lint

import (
	"bytes"
	"encoding/binary"
	"hash"
	"hash/crc32"
	"io"
	"maps"
	"slices"

	"github.com/directivelint/directivelint/lint/codec"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
)

// WriteTo writes the snapshot as DecodeSnapshot reads it: the magic, the
// body, and the CRC-32C of both. It writes as it encodes, a part at a time:
// a run with many reports holds no second copy of them.
func (s *Snapshot) WriteTo(w io.Writer) (int64, error) {
	sw := &snapshotWriter{w: w, crc: crc32.New(crc32.MakeTable(crc32.Castagnoli))}
	e := &sw.e
	e.Buf = append(e.Buf, snapshotMagic...)
	e.Uint(uint64(len(s.inputs)))
	last := ""
	for _, in := range s.inputs {
		sw.flush(false)
		last = encodeAfter(e, last, in.path)
		e.Uint(uint64(in.kind))
		e.Stamp(in.stamp)
		e.Bool(in.racy)
		e.Bool(in.detail != nil)
		if d := in.detail; d != nil {
			e.Bytes(d.hash)
			e.Bool(d.use.Whole)
			e.StringList(d.use.Keys)
			e.Uint(d.listing)
		}
	}
	e.Uint(uint64(len(s.Targets)))
	last = ""
	for _, t := range s.Targets {
		sw.flush(false)
		last = encodeAfter(e, last, t.Path)
		e.String(samePath(t.Display, t.Path))
		e.Uint(uint64(t.Lang))
	}
	e.Uint(uint64(s.Context))
	sw.diagnostics(s.Result.Diagnostics)
	encodeNotices(e, s.Result.Notices, "")
	e.Uint(uint64(s.Result.Files))
	encodeNotices(e, s.Notices, "")
	e.StringList(s.ConfigFiles)
	e.Uint(uint64(s.Aliases))
	ids := slices.Sorted(maps.Keys(s.Severity))
	e.Uint(uint64(len(ids)))
	for _, id := range ids {
		e.String(id)
		e.Uint(uint64(s.Severity[id]))
	}
	e.Bool(s.PerFile)
	e.String(s.Records)
	e.Bool(s.ServerOnlyModules != nil)
	e.StringList(s.ServerOnlyModules)
	e.StringList(s.CacheKinds)
	sw.diagnostics(s.graphDiags)
	e.StringList(s.graphRead)
	sw.flush(true)
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], sw.crc.Sum32())
	if sw.err == nil {
		_, sw.err = w.Write(sum[:])
	}
	return sw.n + 4, sw.err
}

// snapshotWriter encodes a snapshot into e and hands it to w a part at a
// time, summing what it wrote.
type snapshotWriter struct {
	w   io.Writer
	e   codec.Encoder
	crc hash.Hash32
	n   int64
	err error
}

// flush writes what e holds when it holds enough (or all, with force).
func (sw *snapshotWriter) flush(force bool) {
	if len(sw.e.Buf) < 64<<10 && !force || sw.err != nil {
		return
	}
	sw.crc.Write(sw.e.Buf)
	var n int
	n, sw.err = sw.w.Write(sw.e.Buf)
	sw.n += int64(n)
	sw.e.Buf = sw.e.Buf[:0]
}

// diagnostics encodes ds.
func (sw *snapshotWriter) diagnostics(ds []Diagnostic) {
	sw.e.Uint(uint64(len(ds)))
	for i := range ds {
		sw.flush(false)
		encodeDiagnostic(&sw.e, &ds[i], "")
	}
}

// snapshotMagic starts an encoded snapshot; its last byte is the version
// of the layout.
const snapshotMagic = "DLSNAP\x00\x01"

// DecodeSnapshot reads what Snapshot.WriteTo wrote; ok is false for
// anything else (another layout, a truncated or corrupt file).
func DecodeSnapshot(b []byte) (s *Snapshot, ok bool) {
	if len(b) < len(snapshotMagic)+4 {
		return nil, false
	}
	b, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.Checksum(b, crc32.MakeTable(crc32.Castagnoli)) != sum {
		return nil, false
	}
	rest, found := bytes.CutPrefix(b, []byte(snapshotMagic))
	if !found {
		return nil, false
	}
	d := codec.NewDecoder(rest)
	s = &Snapshot{Result: &Result{}}
	s.inputs = make([]snapshotInput, d.Count(8))
	last := ""
	for i := range s.inputs {
		in := &s.inputs[i]
		in.path = decodeAfter(d, last)
		last = in.path
		in.kind = source.EntryKind(d.Uint())
		in.stamp = d.Stamp()
		in.racy = d.Bool()
		if d.Bool() {
			in.detail = &inputDetail{hash: d.Bytes(), use: resolve.ListingUse{Whole: d.Bool(), Keys: d.StringList()}, listing: d.Uint()}
		}
		if i > 0 && s.inputs[i-1].path >= in.path {
			return nil, false // Patch finds inputs by binary search
		}
	}
	s.Targets = make([]discover.Target, d.Count(3))
	last = ""
	for i := range s.Targets {
		t := &s.Targets[i]
		t.Path = decodeAfter(d, last)
		last = t.Path
		t.Display = ownPath(d.String(), t.Path)
		t.Lang = js.Lang(d.Uint())
	}
	s.Context = int(d.Uint())
	s.Result.Diagnostics = decodeDiagnostics(d)
	s.Result.Notices = decodeNotices(d, "")
	s.Result.Files = int(d.Uint())
	s.Result.Reused = s.Result.Files + s.Context
	s.Notices = decodeNotices(d, "")
	s.ConfigFiles = d.StringList()
	s.Aliases = int(d.Uint())
	n := d.Count(2)
	s.Severity = make(map[string]Severity, n)
	for range n {
		id := d.String()
		s.Severity[id] = Severity(d.Uint())
	}
	s.PerFile = d.Bool()
	s.Records = d.String()
	hasServerOnly := d.Bool()
	s.ServerOnlyModules = d.StringList()
	if hasServerOnly && s.ServerOnlyModules == nil {
		s.ServerOnlyModules = []string{}
	}
	s.CacheKinds = d.StringList()
	s.graphDiags = decodeDiagnostics(d)
	s.graphRead = d.StringList()
	if !d.Done() {
		return nil, false
	}
	return s, true
}

// encodeAfter encodes p, which comes after last in a list of paths, as
// the length of their common prefix and the rest of p. It returns p.
func encodeAfter(e *codec.Encoder, last, p string) string {
	common := commonPrefix(last, p)
	e.Uint(uint64(common))
	e.String(p[common:])
	return p
}

// decodeAfter reads what encodeAfter wrote after last.
func decodeAfter(d *codec.Decoder, last string) string {
	common := d.Uint()
	if common > uint64(len(last)) {
		d.Fail()
		return ""
	}
	return last[:common] + d.String()
}

// commonPrefix returns the length of the longest common prefix of a and b.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// decodeDiagnostics reads what snapshotWriter.diagnostics wrote.
func decodeDiagnostics(d *codec.Decoder) []Diagnostic {
	out := make([]Diagnostic, d.Count(8))
	for i := range out {
		decodeDiagnostic(d, &out[i], "")
	}
	return out
}
