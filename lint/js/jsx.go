package js

import (
	"cmp"
	"slices"
)

// Element is an opening (or self-closing) JSX tag, as ScanJSX records
// it. Fragments (<>) are not recorded.
type Element struct {
	// Tag is the element's name as written: "button", "Widget", "ui.Card".
	Tag string
	// Span covers the tag's name.
	Span Span
	// Attrs are the element's attributes, in source order.
	Attrs []Attribute
}

// Attribute is one attribute of a JSX element, or a spread {...props}.
type Attribute struct {
	// Name is the attribute's name ("onClick", "aria-label"); empty for a
	// spread.
	Name string
	// Span covers the attribute, from its name (or the spread's {) to the
	// end of its value.
	Span Span
	// Value covers the expression between the braces of a {…} value (the
	// spread's ...x for a spread); empty for a string value, an element
	// value or no value.
	Value Span
}

// ScanJSX is Scan that also records the file's JSX elements (File.JSX). It
// reads the whole file, and costs more than Scan: for the few files whose
// JSX a rule needs.
func ScanJSX(path string, src []byte, lang Lang) *File {
	return scanWith(path, src, lang, scanPlan{limit: -1, jsx: true})
}

// jsxName records a name read inside a tag: the element's tag, or the name
// of an attribute.
func (s *scanner) jsxName(st jsxState, start, end int) jsxState {
	if st.closing {
		return st
	}
	name := string(s.src[start:end])
	if !st.tagRead {
		st.tagRead = true
		*s.jsx = append(*s.jsx, Element{Tag: name, Span: Span{Start: start, End: end}})
		st.elem = len(*s.jsx)
		return st
	}
	if el := s.jsxElement(st); el != nil {
		el.Attrs = append(el.Attrs, Attribute{Name: name, Span: Span{Start: start, End: end}})
		st.attr = len(el.Attrs)
	}
	return st
}

// jsxValueOpens notes that the { at i in a tag opens an attribute's value
// (after its =) or a spread.
func (s *scanner) jsxValueOpens(st jsxState, i int) jsxState {
	el := s.jsxElement(st)
	if el == nil || st.closing {
		return st
	}
	j := i - 1
	for j >= 0 && isJSXSpaceByte(s.src[j]) {
		j--
	}
	if j < 0 || s.src[j] != '=' || st.attr == 0 {
		el.Attrs = append(el.Attrs, Attribute{Span: Span{Start: i, End: i}})
		st.attr = len(el.Attrs)
	}
	st.valueStart = i + 1
	return st
}

// jsxValueEnds ends the value of the pending attribute at end; value is
// its expression, if any.
func (s *scanner) jsxValueEnds(st jsxState, end int, value Span) jsxState {
	if el := s.jsxElement(st); el != nil && st.attr > 0 && st.attr <= len(el.Attrs) {
		a := &el.Attrs[st.attr-1]
		a.Span.End = end
		a.Value = value
	}
	st.attr = 0
	return st
}

// jsxElement returns the element whose tag st is reading, or nil.
func (s *scanner) jsxElement(st jsxState) *Element {
	if st.elem == 0 || st.elem > len(*s.jsx) {
		return nil
	}
	return &(*s.jsx)[st.elem-1]
}

// isJSXSpaceByte reports whether c is white space between JSX tokens.
func isJSXSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// PropKind classifies the value of a JSX attribute as far as the rules
// about what crosses into a Client Component need.
type PropKind uint8

// The kinds of attribute value.
const (
	PropOther      PropKind = iota // a string, a member expression, a call, anything else
	PropSpread                     // {...props}
	PropFunction                   // an inline function or arrow
	PropIdentifier                 // a lone identifier
	PropNew                        // new C(…) with C a lone identifier
	PropSymbol                     // Symbol(…), not Symbol.for(…)
)

// PropValue classifies the value of attribute a of one of f's elements.
// For PropIdentifier and PropNew it returns the identifier; for PropFunction
// the index of the function in f.Functions.
func (f *File) PropValue(a Attribute) (kind PropKind, name string, fn int) {
	if a.Value.End <= a.Value.Start {
		return PropOther, "", -1
	}
	toks := f.Tokens(a.Value)
	if len(toks) == 0 {
		return PropOther, "", -1
	}
	first, last := toks[0], toks[len(toks)-1]
	switch {
	case a.Name == "":
		return PropSpread, "", -1
	case len(toks) == 1 && first.Kind == TokenIdentifier:
		return PropIdentifier, first.Text, -1
	case first.Text == "new" && len(toks) >= 2 && toks[1].Kind == TokenIdentifier &&
		(len(toks) == 2 || toks[2].Text == "(" && last.Text == ")" && closesAt(toks, 2) == len(toks)-1):
		return PropNew, toks[1].Text, -1
	case first.Text == "Symbol" && len(toks) >= 3 && toks[1].Text == "(" && closesAt(toks, 1) == len(toks)-1:
		return PropSymbol, "", -1
	}
	if i := f.functionSpanning(first.Span.Start, first.Span.End+len("async"), last.Span.End); i >= 0 {
		return PropFunction, "", i
	}
	return PropOther, "", -1
}

// functionSpanning returns the index of the first of f.Functions that
// starts between from and to (both included) and ends at end, or -1.
//
// It looks only at the functions starting in that window, found by a
// binary search: asking each function, for each attribute, took the
// number of functions times the number of attributes.
func (f *File) functionSpanning(from, to, end int) int {
	order := f.functionOrder()
	found := -1
	k, _ := slices.BinarySearchFunc(order, from, func(i, from int) int { return cmp.Compare(f.Functions[i].Start, from) })
	for ; k < len(order) && f.Functions[order[k]].Start <= to; k++ {
		i := order[k]
		if functionEnd(&f.Functions[i]) == end && (found < 0 || i < found) {
			found = i
		}
	}
	return found
}

// functionOrder returns the indexes of f.Functions sorted by Start (equal
// starts in list order), sorting them the first time. Functions are
// appended as the scanner recognizes them, so an arrow comes after the
// arrows in its parameters although it starts before them.
func (f *File) functionOrder() []int {
	if f.functionsByStart == nil {
		order := make([]int, len(f.Functions))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(f.Functions[i].Start, f.Functions[j].Start) })
		f.functionsByStart = order
	}
	return f.functionsByStart
}

// functionEnd returns where fn ends: the end of its body, or of its
// expression body for an arrow without braces.
func functionEnd(fn *Function) int {
	if !fn.HasBody {
		return fn.ExprBody.End
	}
	return fn.Body.End
}

// closesAt returns the index of the token closing the bracket at toks[open],
// or -1.
func closesAt(toks []Token, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		switch toks[i].Text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
