// Package codec writes and reads the compact binary form of the records a
// cache keeps between runs: unsigned varints, length-prefixed strings, and
// the small types of package js built from them. A Decoder never trusts
// its input: a length past the end, a varint too long or a count too
// large makes it fail (Err), never panic or allocate beyond the input's
// size.
package codec

import (
	"encoding/binary"
	"errors"
	"unsafe"

	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/source"
)

// ErrCorrupt is the error of a Decoder whose input is not what an Encoder
// wrote.
var ErrCorrupt = errors.New("corrupt record")

// Encoder appends values to a byte slice.
type Encoder struct {
	Buf []byte
}

// Uint appends an unsigned integer.
func (e *Encoder) Uint(v uint64) { e.Buf = binary.AppendUvarint(e.Buf, v) }

// Int appends a signed integer.
func (e *Encoder) Int(v int) { e.Buf = binary.AppendVarint(e.Buf, int64(v)) }

// Bool appends a boolean.
func (e *Encoder) Bool(v bool) {
	b := byte(0)
	if v {
		b = 1
	}
	e.Buf = append(e.Buf, b)
}

// String appends a string.
func (e *Encoder) String(s string) {
	e.Uint(uint64(len(s)))
	e.Buf = append(e.Buf, s...)
}

// Bytes appends a byte slice.
func (e *Encoder) Bytes(b []byte) {
	e.Uint(uint64(len(b)))
	e.Buf = append(e.Buf, b...)
}

// StringList appends a list of strings.
func (e *Encoder) StringList(ss []string) {
	e.Uint(uint64(len(ss)))
	for _, s := range ss {
		e.String(s)
	}
}

// Span appends a js.Span.
func (e *Encoder) Span(s js.Span) {
	e.Int(s.Start)
	e.Int(s.End)
}

// Position appends a js.Position.
func (e *Encoder) Position(p js.Position) {
	e.Int(p.Line)
	e.Int(p.Column)
}

// Excerpt appends a js.Excerpt.
func (e *Encoder) Excerpt(x js.Excerpt) {
	e.String(x.Text)
	e.Int(x.Column)
	e.Bool(x.CutBefore)
	e.Bool(x.CutAfter)
}

// Decoder reads what an Encoder wrote. After the first failure every
// read returns a zero value and Err says why.
type Decoder struct {
	buf []byte
	err error
}

// NewDecoder returns a Decoder reading buf.
func NewDecoder(buf []byte) *Decoder { return &Decoder{buf: buf} }

// Err returns the first failure, or nil.
func (d *Decoder) Err() error { return d.err }

// Done reports whether all of the input was read without a failure.
func (d *Decoder) Done() bool { return d.err == nil && len(d.buf) == 0 }

// Rest returns the input not read yet.
func (d *Decoder) Rest() []byte { return d.buf }

// Fail marks the input corrupt, for a check of the caller's: what follows
// reads as zero values, and Err reports it.
func (d *Decoder) Fail() { d.fail() }

func (d *Decoder) fail() {
	if d.err == nil {
		d.err = ErrCorrupt
	}
	d.buf = nil
}

// Uint reads an unsigned integer.
func (d *Decoder) Uint() uint64 {
	v, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

// Int reads a signed integer that fits an int.
func (d *Decoder) Int() int {
	v, n := binary.Varint(d.buf)
	if n <= 0 || int64(int(v)) != v {
		d.fail()
		return 0
	}
	d.buf = d.buf[n:]
	return int(v)
}

// Bool reads a boolean.
func (d *Decoder) Bool() bool {
	if len(d.buf) == 0 || d.buf[0] > 1 {
		d.fail()
		return false
	}
	v := d.buf[0] == 1
	d.buf = d.buf[1:]
	return v
}

// Count reads the length of a list whose elements take at least least
// bytes each: a count the rest of the input cannot hold fails.
func (d *Decoder) Count(least int) int {
	n := d.Uint()
	if n > uint64(len(d.buf)/max(1, least)) {
		d.fail()
		return 0
	}
	return int(n)
}

// Bytes reads a byte slice; it shares the input's memory.
func (d *Decoder) Bytes() []byte {
	n := d.Count(1)
	b := d.buf[:n:n]
	d.buf = d.buf[n:]
	return b
}

// String reads a string.
func (d *Decoder) String() string {
	return string(d.Bytes())
}

// StringList reads what Encoder.StringList wrote; nil for none.
func (d *Decoder) StringList() []string {
	n := d.Count(1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.String()
	}
	return out
}

// StringView reads a string that shares the input's memory instead of
// copying it: the input must not change while the string is in use. A
// cache's tens of thousands of paths are read this way.
func (d *Decoder) StringView() string {
	b := d.Bytes()
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// Span reads a js.Span.
func (d *Decoder) Span() js.Span { return js.Span{Start: d.Int(), End: d.Int()} }

// Position reads a js.Position.
func (d *Decoder) Position() js.Position { return js.Position{Line: d.Int(), Column: d.Int()} }

// Excerpt reads a js.Excerpt.
func (d *Decoder) Excerpt() js.Excerpt {
	return js.Excerpt{Text: d.String(), Column: d.Int(), CutBefore: d.Bool(), CutAfter: d.Bool()}
}

// Uint32 reads an unsigned integer that fits 32 bits.
func (d *Decoder) Uint32() uint32 {
	v := d.Uint()
	if v > 1<<32-1 {
		d.fail()
		return 0
	}
	return uint32(v)
}

// Stamp appends a source.Stamp, its change time as the difference from its
// modification time (the two are mostly equal or close).
func (e *Encoder) Stamp(s source.Stamp) {
	e.Int(int(s.Size))
	e.Int(int(s.ModTime))
	e.Int(int(s.ChangeTime - s.ModTime))
	e.Uint(s.Inode)
	e.Uint(s.Device)
}

// Stamp reads a source.Stamp.
func (d *Decoder) Stamp() source.Stamp {
	s := source.Stamp{Size: int64(d.Int()), ModTime: int64(d.Int())}
	s.ChangeTime = s.ModTime + int64(d.Int())
	s.Inode, s.Device = d.Uint(), d.Uint()
	return s
}
