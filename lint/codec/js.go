package codec

import "github.com/directivelint/directivelint/lint/js"

// Directive appends a js.Directive.
func (e *Encoder) Directive(x js.Directive) {
	e.String(x.Value)
	e.Span(x.Span)
	e.Buf = append(e.Buf, x.Quote, byte(x.Form), byte(x.Block))
	e.Bool(x.InPrologue)
	e.Int(x.Func)
	e.Int(x.StatementEnd)
}

// Directive reads a js.Directive.
func (d *Decoder) Directive() js.Directive {
	x := js.Directive{Value: d.String(), Span: d.Span()}
	x.Quote, x.Form, x.Block = d.byte(), js.DirectiveForm(d.byte()), js.BlockKind(d.byte())
	x.InPrologue, x.Func, x.StatementEnd = d.Bool(), d.Int(), d.Int()
	return x
}

// Function appends a js.Function.
func (e *Encoder) Function(f js.Function) {
	e.Buf = append(e.Buf, byte(f.Kind))
	for _, b := range [...]bool{f.Async, f.Generator, f.Static, f.InClass, f.HasBody, f.ClassBetween, f.Exported} {
		e.Bool(b)
	}
	e.String(f.Name)
	e.Int(f.Start)
	e.Span(f.Params)
	e.Span(f.Body)
	e.Span(f.ExprBody)
	e.Int(f.Parent)
	e.Uint(uint64(len(f.Prologue)))
	for _, x := range f.Prologue {
		e.Directive(x)
	}
}

// Function reads a js.Function.
func (d *Decoder) Function() js.Function {
	f := js.Function{Kind: js.FunctionKind(d.byte())}
	f.Async, f.Generator, f.Static, f.InClass = d.Bool(), d.Bool(), d.Bool(), d.Bool()
	f.HasBody, f.ClassBetween, f.Exported = d.Bool(), d.Bool(), d.Bool()
	f.Name, f.Start = d.String(), d.Int()
	f.Params, f.Body, f.ExprBody = d.Span(), d.Span(), d.Span()
	f.Parent = d.Int()
	if n := d.Count(9); n > 0 {
		f.Prologue = make([]js.Directive, n)
		for i := range f.Prologue {
			f.Prologue[i] = d.Directive()
		}
	}
	return f
}

// byte reads one byte.
func (d *Decoder) byte() byte {
	if len(d.buf) == 0 {
		d.fail()
		return 0
	}
	b := d.buf[0]
	d.buf = d.buf[1:]
	return b
}
