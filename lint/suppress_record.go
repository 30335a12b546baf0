package lint

import (
	"slices"

	"github.com/directivelint/directivelint/lint/codec"
)

// encodeSuppressions appends the suppression comments of the file shown
// as display (nil: none), as parsed, before any was used.
func encodeSuppressions(e *codec.Encoder, s *suppressions, display string) {
	e.Bool(s != nil)
	if s == nil {
		return
	}
	e.String(samePath(s.path, display))
	e.Uint(uint64(len(s.list)))
	for _, sup := range s.list {
		e.Buf = append(e.Buf, byte(sup.kind))
		e.String(sup.keyword)
		e.String(sup.family)
		e.Position(sup.at)
		e.Int(sup.line)
		e.Bool(sup.all)
		e.Uint(uint64(len(sup.rules)))
		for _, r := range sup.rules {
			e.String(r.name)
			e.Uint(uint64(len(r.ids)))
			for _, id := range r.ids {
				e.String(id)
			}
			e.Position(r.pos)
			e.Position(r.end)
			e.Excerpt(r.excerpt)
			e.Position(r.until)
			e.Bool(r.ranged)
			e.Bool(r.ends)
		}
	}
	e.Uint(uint64(len(s.problems)))
	for i := range s.problems {
		encodeDiagnostic(e, &s.problems[i], display)
	}
	ids := make([]string, 0, len(s.enabled))
	for id, on := range s.enabled {
		if on {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids) // the same record for the same file
	e.Uint(uint64(len(ids)))
	for _, id := range ids {
		e.String(id)
	}
}

// decodeSuppressions reads what encodeSuppressions wrote.
func decodeSuppressions(d *codec.Decoder, display string) *suppressions {
	if !d.Bool() {
		return nil
	}
	s := &suppressions{path: ownPath(d.String(), display)}
	s.list = make([]*suppression, d.Count(8))
	for i := range s.list {
		sup := &suppression{kind: suppressionKind(d.Uint()), keyword: d.String(), family: d.String(), at: d.Position(), line: d.Int(), all: d.Bool()}
		sup.rules = make([]*suppressedRule, d.Count(14))
		for j := range sup.rules {
			r := &suppressedRule{name: d.String()}
			r.ids = make([]string, d.Count(1))
			for k := range r.ids {
				r.ids[k] = d.String()
			}
			r.pos, r.end, r.excerpt, r.until, r.ranged, r.ends = d.Position(), d.Position(), d.Excerpt(), d.Position(), d.Bool(), d.Bool()
			sup.rules[j] = r
		}
		s.list[i] = sup
	}
	s.problems = make([]Diagnostic, d.Count(8))
	for i := range s.problems {
		decodeDiagnostic(d, &s.problems[i], display)
	}
	n := d.Count(1)
	s.enabled = make(map[string]bool, n)
	for range n {
		s.enabled[d.String()] = true
	}
	return s
}
