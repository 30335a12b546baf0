package lint

import (
	"github.com/directivelint/directivelint/lint/codec"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/source"
)

// Records keeps what checking each file found, from one run to the next:
// a cache (package cache keeps one on disk). A run takes a file's record
// instead of reading and scanning the file when the file is unchanged, and
// keeps a record of each file it scans. Records are opaque bytes to the
// keeper.
type Records interface {
	// Lookup returns the record of the file at the absolute path abs, or
	// nil when there is none or the file changed since it was kept.
	Lookup(abs string) []byte
	// Recorded returns the record the file at abs had when the records
	// were loaded, whether or not the file changed since; nil when none.
	Recorded(abs string) []byte
	// Hash returns the SHA-256 of the content the record of the file at
	// abs was made from, when this run's Lookup gave it; else nil.
	Hash(abs string) []byte
	// Keep keeps rec as the record of the file at abs, whose stamp, taken
	// before it was read, is stamp and whose content was src. rec and src
	// are the caller's again when Keep returns.
	Keep(abs string, stamp source.Stamp, src, rec []byte)
	// Inputs returns what the records were made from besides the files
	// themselves (see projectInputs), as SetInputs was given it; nil when
	// unknown.
	Inputs() []byte
	// SetInputs sets what the records kept are made from.
	SetInputs(inputs []byte)
	// Reset drops every record and the inputs: they are out of date.
	Reset()
	// Prune drops, when the records are kept, those of the files this run
	// did not look up: a run that found directory listings changed
	// resolved the imports of the files it looked up again, not those of
	// the others.
	Prune()
	// Strings is the table of strings the records share.
	Strings() *codec.Strings
}

// The parts a file record holds.
const (
	recordLint   = 1 << iota // the file's diagnostics, notices and suppressions
	recordModule             // what the module graph keeps of it
)

// recordWriter encodes the records one worker keeps, in buffers reused
// from file to file (Records.Keep copies what it keeps).
type recordWriter struct {
	head   codec.Encoder // the parts and the lint part, then the whole record
	module codec.Encoder // the module part, filled by graph.Builder.AppendRecord
}

// startModule returns the encoder for the module part of the next record.
func (w *recordWriter) startModule() *codec.Encoder {
	w.module.Buf = w.module.Buf[:0]
	return &w.module
}

// finish returns the record of the file t: what checking it found (lint,
// nil for a file only read for the graph), then the module part, when
// startModule was called for it (withModule). It is valid until the next
// record.
func (w *recordWriter) finish(t discover.Target, lint *fileResult, withModule bool) []byte {
	e := &w.head
	e.Buf = e.Buf[:0]
	parts := uint64(0)
	if lint != nil {
		parts |= recordLint
	}
	if withModule {
		parts |= recordModule
	}
	e.Uint(parts)
	if lint != nil {
		e.Uint(uint64(len(lint.diags)))
		for i := range lint.diags {
			encodeDiagnostic(e, &lint.diags[i], t.Display)
		}
		encodeNotices(e, lint.notices, t.Display)
		encodeSuppressions(e, lint.supp, t.Display)
	}
	if withModule {
		e.Buf = append(e.Buf, w.module.Buf...)
	}
	return e.Buf
}

// samePath returns "" for the file's own path, which a record does not
// repeat, and p for another.
func samePath(p, display string) string {
	if p == display {
		return ""
	}
	return p
}

// ownPath is the inverse of samePath.
func ownPath(p, display string) string {
	if p == "" {
		return display
	}
	return p
}

// readRecord reads the lint part of a record into res, when want asks
// for it, and returns the decoder positioned at its module part (or nil
// when the record lacks a part wanted).
func readRecord(rec []byte, t discover.Target, wantLint, wantModule bool, res *fileResult) *codec.Decoder {
	d := codec.NewDecoder(rec)
	parts := d.Uint()
	if wantLint && parts&recordLint == 0 || wantModule && parts&recordModule == 0 || d.Err() != nil {
		return nil
	}
	if parts&recordLint != 0 {
		if n := d.Count(8); n > 0 {
			res.diags = make([]Diagnostic, n)
			for i := range res.diags {
				decodeDiagnostic(d, &res.diags[i], t.Display)
			}
		}
		res.notices = decodeNotices(d, t.Display)
		res.supp = decodeSuppressions(d, t.Display)
	}
	if d.Err() != nil {
		return nil
	}
	return d
}

// encodeDiagnostic appends d, a diagnostic of the file shown as display.
func encodeDiagnostic(e *codec.Encoder, d *Diagnostic, display string) {
	e.String(samePath(d.File, display))
	e.String(d.Rule)
	e.Uint(uint64(d.Severity))
	e.String(d.Message)
	e.Span(d.Span)
	e.Position(d.Pos)
	e.Position(d.End)
	e.Excerpt(d.Excerpt)
	e.Bool(d.Fix != nil)
	if d.Fix != nil {
		e.String(d.Fix.Message)
		e.Bool(d.Fix.Safe)
		e.Uint(uint64(len(d.Fix.Edits)))
		for _, ed := range d.Fix.Edits {
			e.Span(ed.Span)
			e.String(ed.NewText)
		}
	}
	e.Uint(uint64(len(d.Related)))
	for _, r := range d.Related {
		e.String(samePath(r.File, display))
		e.Span(r.Span)
		e.Position(r.Pos)
		e.String(r.Message)
	}
}

// encodeNotices appends ns, notices of the file shown as display ("" for
// none: every path is written).
func encodeNotices(e *codec.Encoder, ns []source.Notice, display string) {
	e.Uint(uint64(len(ns)))
	for _, n := range ns {
		e.String(samePath(n.Path, display))
		e.Position(n.Pos)
		e.String(n.Text)
	}
}

// decodeNotices reads what encodeNotices wrote; nil for none.
func decodeNotices(d *codec.Decoder, display string) []source.Notice {
	n := d.Count(4)
	if n == 0 {
		return nil
	}
	out := make([]source.Notice, n)
	for i := range out {
		out[i] = source.Notice{Path: ownPath(d.String(), display), Pos: d.Position(), Text: d.String()}
	}
	return out
}

// decodeDiagnostic reads what encodeDiagnostic wrote into d.
func decodeDiagnostic(dec *codec.Decoder, d *Diagnostic, display string) {
	d.File, d.Rule = ownPath(dec.String(), display), dec.String()
	d.Severity = Severity(dec.Uint())
	d.Message = dec.String()
	d.Span, d.Pos, d.End = dec.Span(), dec.Position(), dec.Position()
	d.Excerpt = dec.Excerpt()
	if dec.Bool() {
		d.Fix = &Fix{Message: dec.String(), Safe: dec.Bool()}
		if n := dec.Count(3); n > 0 {
			d.Fix.Edits = make([]TextEdit, n)
			for i := range d.Fix.Edits {
				d.Fix.Edits[i] = TextEdit{Span: dec.Span(), NewText: dec.String()}
			}
		}
	}
	if n := dec.Count(6); n > 0 {
		d.Related = make([]Related, n)
		for i := range d.Related {
			d.Related[i] = Related{File: ownPath(dec.String(), display), Span: dec.Span(), Pos: dec.Position(), Message: dec.String()}
		}
	}
}
