package graph

import (
	"slices"
	"strings"
	"sync"

	"github.com/directivelint/directivelint/lint/codec"
	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/resolve"
)

// AppendRecord appends to e what the graph kept of f, whose module m Keep
// or KeepContext returned, for a cache: KeepRecord rebuilds the module
// from it without the source. It holds every import with what it resolved
// to (a module, an asset, a package, nothing), so that KeepRecord can tell
// when a file added, removed or renamed elsewhere changes what the graph
// keeps of the file; fi must be the one Keep was given, not yet released.
// Import specifiers are written as indexes of specs.
func (b *Builder) AppendRecord(e *codec.Encoder, specs *codec.Strings, m *Module, f *js.File, fi *FileImports) {
	e.Bool(m.UseClient)
	e.Bool(m.UseServer)
	e.Bool(m.EventHandlers)
	e.Bool(m.PassesCode)
	e.Bool(len(f.Imports) > 0 && fi.importer.VerbatimModuleSyntax())
	e.Uint(uint64(len(f.Imports)))
	j := 0
	for i := range f.Imports {
		_, res := fi.resolve(f, i)
		e.Ref(specs, f.Imports[i].Source)
		e.Buf = append(e.Buf, byte(res))
		kept := j < len(m.Imports) && m.Imports[j].Span() == f.Imports[i].Span
		e.Bool(kept)
		if kept {
			im := &m.Imports[j]
			j++
			if res == resolve.ResolvedModule {
				e.Ref(specs, fi.path(f, i))
			}
			e.Uint(uint64(im.start))
			e.Uint(uint64(im.end))
			e.Uint(uint64(im.line))
			e.Uint(uint64(im.col))
		}
	}
	if m.extra == nil {
		e.Bool(false)
		return
	}
	e.Bool(true)
	e.Uint(uint64(len(m.extra.functions)))
	for _, fn := range m.extra.functions {
		e.Function(fn)
	}
	e.Uint(uint64(len(m.extra.frames)))
	for _, fr := range m.extra.frames {
		for _, v := range [...]uint32{fr.start, fr.end, fr.line, fr.col, fr.endLine, fr.endCol} {
			e.Uint(uint64(v))
		}
		e.Int(int(fr.imp))
		// No excerpt: few frames are ever shown, and the runner reads
		// the excerpt of a report that lacks one from its file.
		e.Uint(uint64(len(fr.names)))
		for _, n := range fr.names {
			e.Ref(specs, n.Imported)
			e.Ref(specs, n.Local)
			e.Bool(n.TypeOnly)
		}
	}
}

// recordedImport is one import as a record holds it.
type recordedImport struct {
	spec string
	path string // where it resolves now
	res  resolve.Resolution
	kept bool
	mi   ModuleImport
}

// recordedImportsPool lends KeepRecord the room to read a record's imports.
var recordedImportsPool = sync.Pool{New: func() any { return new([]recordedImport) }}

// KeepRecord is Keep (linted) or KeepContext for a file read from a
// record that AppendRecord wrote, with display the path shown for it. It
// reads the record from d and resolves its imports again: when one leads
// elsewhere now, or the record is corrupt, it keeps nothing and returns
// false, and the file must be scanned. specs is the table AppendRecord
// was given. With resolved set, the caller vouches that every import
// resolves as it did (nothing resolution reads changed: see
// resolve.Resolver.ListingHashes), and they are not resolved again.
func (b *Builder) KeepRecord(order int, abs, display string, d *codec.Decoder, specs *codec.Strings, linted, resolved bool) bool {
	var m Module
	m.UseClient, m.UseServer, m.EventHandlers, m.PassesCode = d.Bool(), d.Bool(), d.Bool(), d.Bool()
	verbatim := d.Bool()
	n := d.Count(3)
	if d.Err() != nil {
		return false
	}
	scratch := recordedImportsPool.Get().(*[]recordedImport)
	defer recordedImportsPool.Put(scratch)
	imports := slices.Grow((*scratch)[:0], n)[:n]
	*scratch = imports
	kept := 0
	for i := range imports {
		ri := &imports[i]
		ri.spec = d.Ref(specs)
		ri.res = resolve.Resolution(d.Uint())
		ri.kept = d.Bool()
		if ri.kept {
			kept++
			if ri.res == resolve.ResolvedModule {
				ri.path = d.Ref(specs)
			}
			ri.mi = ModuleImport{Resolution: ri.res, start: d.Uint32(), end: d.Uint32(), line: d.Uint32(), col: d.Uint32()}
		}
	}
	if d.Bool() {
		m.extra = readExtra(d, specs)
	}
	if d.Err() != nil || !resolved && !b.sameResolutions(abs, imports, verbatim) {
		return false
	}
	m.Imports = make([]ModuleImport, 0, kept)
	target := b.claim(abs)
	route := b.resolver.IsRouteFile(abs)
	errorFile := !route && b.resolver.IsErrorFile(abs)
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range imports {
		ri := &imports[i]
		if !ri.kept {
			continue
		}
		ri.mi.Source = b.intern(ri.spec)
		if ri.res == resolve.ResolvedModule {
			ri.mi.target = b.node(ri.path)
		}
		m.Imports = append(m.Imports, ri.mi)
	}
	m.Abs, m.Path = target.Abs, display
	if strings.HasSuffix(m.Abs, m.Path) {
		m.Path = m.Abs[len(m.Abs)-len(m.Path):]
	}
	m.Linted, m.Route, m.ErrorFile, m.inGraph = linted, route, errorFile, true
	*target = m
	b.files[order] = target
	return true
}

// sameResolutions reports whether the imports of the file at abs resolve
// as they did when its record was made: to the same kind of thing, and
// the imports the graph keeps to the same file. A record whose imports
// lead elsewhere is not used, so that every record kept holds where its
// imports lead now, which a later run that trusts the directory listings
// takes as is (see KeepRecord).
func (b *Builder) sameResolutions(abs string, imports []recordedImport, verbatim bool) bool {
	if len(imports) == 0 {
		return true
	}
	fi := b.NewFileImports(abs)
	defer fi.Release()
	if fi.importer.VerbatimModuleSyntax() != verbatim {
		return false
	}
	for i := range imports {
		path, res := fi.importer.Resolve(imports[i].spec)
		if res != imports[i].res || imports[i].kept && res == resolve.ResolvedModule && path != imports[i].path {
			return false
		}
	}
	return true
}

// readExtra reads the rarely needed part of a module.
func readExtra(d *codec.Decoder, specs *codec.Strings) *moduleExtra {
	x := &moduleExtra{}
	if n := d.Count(18); n > 0 {
		x.functions = make([]js.Function, n)
		for i := range x.functions {
			x.functions[i] = d.Function()
		}
	}
	if n := d.Count(8); n > 0 {
		x.frames = make([]codeFrame, n)
		for i := range x.frames {
			fr := &x.frames[i]
			fr.start, fr.end, fr.line, fr.col, fr.endLine, fr.endCol = d.Uint32(), d.Uint32(), d.Uint32(), d.Uint32(), d.Uint32(), d.Uint32()
			fr.imp = int32(d.Int())
			if k := d.Count(3); k > 0 {
				fr.names = make([]js.ImportName, k)
				for j := range fr.names {
					fr.names[j] = js.ImportName{Imported: d.Ref(specs), Local: d.Ref(specs), TypeOnly: d.Bool()}
				}
			}
		}
	}
	return x
}
