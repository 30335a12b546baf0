package js

// Plan says how much of a file ScanFor reads and what the File keeps.
type Plan struct {
	// Whole scans the whole file, without skimming it first: the results
	// are the same, slower. This is for checking the skim.
	Whole bool
	// WantTokens, when set, keeps every token read (for MarkElided), and
	// is asked at the end of a partial scan's imports up to where the
	// caller needs the file's tokens after all (-1: nowhere): then the
	// scan reads on at least that far (see File.ElisionEnd).
	WantTokens func(*File) int
	// Marker, when set, reports whether src holds text that makes the file
	// be scanned whole (a suppression comment, whose reading needs the
	// whole file); it must be cheap, as it sees every file. File.MarkerAbsent
	// records that it said no.
	Marker func(src []byte) bool
	// ClientExports says the caller needs every export of the file when
	// its prologue holds "use client" (the rules about what a Next.js
	// route file exports): such a file is scanned whole.
	ClientExports bool
}

// ScanFor scans src as far as plan says the caller needs. Most files hold
// no string a rule looks at (see DirectiveLike) but their module prologue,
// and no import past their first lines: their bytes are skimmed, and only
// their start is scanned (File.Partial). The others are scanned whole.
func ScanFor(path string, src []byte, lang Lang, plan Plan) *File {
	keep := plan.WantTokens != nil
	if plan.Whole {
		return scanWith(path, src, lang, scanPlan{limit: -1, tokens: keep})
	}
	sk := skimSource(src)
	if plan.Marker != nil && plan.Marker(src) || sk.nCandidates > len(sk.candidates) {
		return scanWith(path, src, lang, scanPlan{limit: -1, tokens: keep})
	}
	limit := max(sk.lastCandidate(), sk.lastImport)
	if limit < 0 {
		// Nothing to find: no scan at all.
		return &File{Path: path, Source: src, Lang: lang, Partial: true, MarkerAbsent: plan.Marker != nil}
	}
	// Where the scan may stop, it reads on to the end instead when the
	// prologue does not hold or the caller wants the tokens: the same File
	// as a whole scan, without lexing the start twice.
	f := scanWith(path, src, lang, scanPlan{limit: limit, more: plan.WantTokens, prologue: sk, checkPrologue: true, clientExports: plan.ClientExports, tokens: keep})
	f.MarkerAbsent = plan.Marker != nil // the skim found none
	return f
}

// prologueHolds reports whether a partial scan of f is enough for the
// rules: each directive-like string the skim found is a "use client" of
// the module prologue (rules about a client module's exports need its
// whole code when a function of it may be async, or when clientExports
// says the caller reads them all).
func prologueHolds(f *File, sk *skim, clientExports bool) bool {
	for _, offset := range sk.candidates[:sk.nCandidates] {
		found := false
		for _, d := range f.Prologue {
			if d.Span.Start == offset && d.Form == FormQuoted && d.Value == UseClient {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return !f.IsClient() || !clientExports && indexByTail(f.Source, 0, "async", "ync") < 0
}
