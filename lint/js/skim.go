package js

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// skim is what one pass over a file's bytes, before any lexing, tells about
// the parts of the file the rules and the module graph need. It errs only
// one way: every directive-like string and every import of the file is
// found, and sometimes text that only looks like one (in a comment, a
// regular expression or JSX text) is found too.
type skim struct {
	// candidates are the offsets of the quotes where a string, a template
	// literal or a concatenation with a directive-like value (see
	// DirectiveLike) may start; only the first len(candidates) are kept.
	candidates [4]int
	// nCandidates counts them all.
	nCandidates int
	// lastImport is the offset of the last word that may start an import:
	// import followed by what may start an import, require followed by (,
	// or export followed by what may be a re-export (export * / export
	// { … } from / export type { … } from); -1 when there is none.
	lastImport int
}

// skimSource skims src. It reads each byte a few times at most, with the
// bytes package's vector searches doing most of the work.
func skimSource(src []byte) skim {
	sk := skim{lastImport: lastImportWord(src)}
	// The next quote of each kind, found with vector searches: quotes are
	// dense in JSX, but each search skips a stretch at a time.
	next := [3]int{-1, -1, -1}
	for i := 0; ; {
		q := -1
		for k, c := range [3]byte{'\'', '"', '`'} {
			if next[k] < i && next[k] != len(src) {
				next[k] = len(src)
				if j := bytes.IndexByte(src[i:], c); j >= 0 {
					next[k] = i + j
				}
			}
			if next[k] < len(src) && (q < 0 || next[k] < q) {
				q = next[k]
			}
		}
		if q < 0 {
			break
		}
		if !afterOperator(src, q) && candidateAt(src, q) {
			if sk.nCandidates < len(sk.candidates) {
				sk.candidates[sk.nCandidates] = q
			}
			sk.nCandidates++
		}
		i = q + 1
	}
	return sk
}

// afterOperator reports whether the quote at src[q] follows, on its line,
// one of = , [ ? | & (after blanks): there a string is an operand, which
// no statement starts with, so it is no directive-like statement (a fifth
// of the quotes of the repositories in the README's figures).
// Whatever the quote is (it may close a string, or stand in a comment),
// its being an operand or not is decided by the code around it.
func afterOperator(src []byte, q int) bool {
	for i := q - 1; i >= 0; i-- {
		switch src[i] {
		case ' ', '\t':
		case '=', ',', '[', '?', '|', '&':
			return true
		default:
			return false
		}
	}
	return false
}

// lastCandidate returns the offset of the last candidate kept, or -1.
func (sk *skim) lastCandidate() int {
	if sk.nCandidates == 0 {
		return -1
	}
	return sk.candidates[min(sk.nCandidates, len(sk.candidates))-1]
}

// maxParts is how many strings joined by + the scanner takes for one
// directive-like statement (see candidate.parts).
const maxParts = 4

// candidateAt reports whether a string, template literal or concatenation
// of them (the way the scanner reads a directive-like statement: up to
// maxParts quoted parts joined by +) starting at the quote src[q] has a
// directive-like value. It is not told whether src[q] really opens a
// string: it answers as if it did.
func candidateAt(src []byte, q int) bool {
	end, ok := quotedEnd(src, q)
	if !ok {
		return false // not a string or no-substitution template: the scanner takes no such part
	}
	if p := plus(src, end+1); p != -1 {
		return p == -2 || concatenationAt(src, q)
	}
	// The common case: one part.
	content := src[q+1 : end]
	if len(content) > maxTypoLen {
		// Too long for a typo: only a known "use cache: KIND" can be that long.
		return bytes.HasPrefix(content, []byte("use cache: "))
	}
	return !tooPlain(content) && directiveLike(content)
}

// plus returns the offset of the + that follows src[i:] (after blanks),
// or -1; or -2 when the skim stopped looking. A ++ or += does not count:
// after it the statement is over, or is not one the scanner takes.
func plus(src []byte, i int) int {
	i, sure := skipBlank(src, i)
	switch {
	case !sure:
		return -2
	case i >= len(src) || src[i] != '+' || i+1 < len(src) && (src[i+1] == '+' || src[i+1] == '='):
		return -1
	}
	return i
}

// concatenationAt is candidateAt for quoted parts joined by +.
func concatenationAt(src []byte, q int) bool {
	var buf [2 * maxTypoLen]byte
	value := buf[:0]
	for part := 0; part < maxParts; part++ {
		end, ok := quotedEnd(src, q)
		if !ok {
			return false
		}
		content := src[q+1 : end]
		if len(value)+len(content) > maxTypoLen {
			return joinedHasPrefix(value, content, "use cache: ")
		}
		value = append(value, content...)
		i := plus(src, end+1)
		if i == -2 {
			return true // unsure: scan the file
		}
		if i < 0 {
			break
		}
		i, sure := skipBlank(src, i+1)
		if !sure {
			return true
		}
		if i >= len(src) || (src[i] != '\'' && src[i] != '"' && src[i] != '`') {
			return false // the scanner takes no statement with other parts
		}
		q = i
	}
	return !tooPlain(value) && directiveLike(value)
}

// tooPlain reports, cheaply, that a value cannot be directive-like (see
// DirectiveLike). Each edit changes one letter, so a value within two edits
// of a directive has at most two letters that the directive lacks, and
// about as many letters: it is shorter than any directive, has more than
// the 11 letters a typo of one may have, or more than two letters missing
// from each directive. A value with a colon must be a cache kind: "use
// cache" (or close to it) before the first colon, a word after it. Most
// strings of a file end here. Non-ASCII text is left to DirectiveLike.
func tooPlain(value []byte) bool {
	if len(value) < len(UseMemo) {
		return true
	}
	letters := 0
	var foreign uint64 // per directive, an 8-bit count of the letters it lacks (see foreignTo)
	for i, c := range value {
		switch {
		case c >= utf8.RuneSelf:
			return false
		case c == ':':
			return letters < len("usecache")-2 || letters > len(UseCache)+1 ||
				foreign>>(8*cacheLane)&0xff > 2 || !kindLike(value[i+1:])
		case isSeparator(c):
		default:
			letters++
			foreign += foreignTo[c]
			if letters > len(UseNoMemo) || (foreign+atLeast3)&laneTops == laneTops {
				// Too many letters for any target, or three that each
				// target lacks: no colon or later letter changes that,
				// but a cache kind may follow "use cache" without one.
				return !maySpellCacheKind(value)
			}
		}
	}
	if letters > len(UseNoMemo) {
		return !maySpellCacheKind(value)
	}
	for k := range plainTargets {
		if foreign>>(8*k)&0xff <= 2 {
			return false
		}
	}
	return true
}

// maySpellCacheKind reports whether value is "use cache KIND", a cache
// kind without its colon (see spacedCacheKind). Most values tooPlain sends
// here do not start with a u: they stop at the first letter.
func maySpellCacheKind(value []byte) bool {
	i := 0
	for i < len(value) && isSeparator(value[i]) {
		i++
	}
	if i == len(value) || value[i] != 'u' && value[i] != 'U' || len(value) > maxTypoLen {
		return false
	}
	var buf [2 * maxTypoLen]byte
	_, ok := spacedCacheKind(normalize(buf[:0], value))
	return ok
}

// plainTargets are the values tooPlain measures a string against: the
// known directives and "use action" (which suggests "use server").
var plainTargets = [...]string{UseServer, UseClient, UseCache, UseMemo, UseNoMemo, "use action"}

// atLeast3 and laneTops test all the lanes of a count at once: adding
// atLeast3 sets a lane's top bit when the lane holds 3 or more (the counts
// stay below 128: a string tooPlain measures is short).
const (
	laneOnes = (1<<(8*len(plainTargets)) - 1) / 0xff // 0x01 in each lane
	atLeast3 = 0x7d * laneOnes
	laneTops = 0x80 * laneOnes
)

// cacheLane is the place of UseCache in plainTargets.
const cacheLane = 2

// foreignTo holds, for each byte, a 1 in the 8-bit lane k when
// plainTargets[k] lacks it (letters in either case).
var foreignTo = func() (table [256]uint64) {
	for c := range 256 {
		lower := byte(c)
		if lower >= 'A' && lower <= 'Z' {
			lower += 'a' - 'A'
		}
		for k, d := range plainTargets {
			if c >= utf8.RuneSelf || !strings.Contains(d, string(rune(lower))) {
				table[c] |= 1 << (8 * k)
			}
		}
	}
	return table
}()

// isSeparator reports whether normalisation turns c into a space (or drops it).
func isSeparator(c byte) bool {
	return c == '-' || c == '_' || isASCIISpace(c)
}

// isASCIISpace reports whether c is ASCII white space.
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// kindLike reports whether the ASCII text after a cache directive's colon
// may be a cache kind: empty or a word once trimmed of white space, or
// holding non-ASCII text (left to DirectiveLike).
func kindLike(rest []byte) bool {
	inWord, ended := false, false
	for _, c := range rest {
		switch {
		case c >= utf8.RuneSelf:
			return true
		case isASCIISpace(c):
			ended = inWord
		case ended || !isWordByte(c):
			return false
		default:
			inWord = true
		}
	}
	return true
}

// joinedHasPrefix reports whether a followed by b starts with prefix.
func joinedHasPrefix(a, b []byte, prefix string) bool {
	if len(a) >= len(prefix) {
		return string(a[:len(prefix)]) == prefix
	}
	return string(a) == prefix[:len(a)] && bytes.HasPrefix(b, []byte(prefix[len(a):]))
}

// quotedEnd returns the offset of the quote that closes the string or
// template literal opened at src[q], reading escapes as the lexer does. ok
// is false when there is none: a string ends at a line break, and a
// template literal with a substitution is not one directive-like part.
func quotedEnd(src []byte, q int) (end int, ok bool) {
	quote := src[q]
	stops := &quoteStops[quoteKind(quote)]
	// Past long, where the string ends makes no difference: it is longer
	// than any directive-like value but a "use cache: KIND" (or than the
	// skim looks).
	long := q + maxTypoLen + 2
	if bytes.HasPrefix(src[q+1:], []byte("use cache: ")) {
		long = q + maxLook + 1
	}
	for i := q + 1; i < len(src); i++ {
		for i < long && i < len(src) && !stops[src[i]] {
			i++
		}
		if i >= len(src) {
			break
		}
		switch c := src[i]; c {
		case quote:
			return i, true
		case '\\':
			i++
			if i+1 < len(src) && src[i] == '\r' && src[i+1] == '\n' {
				i++
			}
		case '\n', '\r':
			if quote != '`' {
				return 0, false
			}
		case '$':
			if quote == '`' && i+1 < len(src) && src[i+1] == '{' {
				return 0, false
			}
		}
		if i >= long {
			return i, true
		}
	}
	return 0, false
}

// quoteStops are, for each kind of quote (see quoteKind), the bytes where
// quotedEnd looks closer: the closing quote, a backslash, a line break in
// a string, a $ in a template literal.
var quoteStops = func() (stops [3][256]bool) {
	for k, quote := range [3]byte{'\'', '"', '`'} {
		stops[k][quote], stops[k]['\\'] = true, true
		if quote == '`' {
			stops[k]['$'] = true
		} else {
			stops[k]['\n'], stops[k]['\r'] = true, true
		}
	}
	return stops
}()

// quoteKind numbers the quotes ' " and ` 0, 1 and 2.
func quoteKind(quote byte) int {
	switch quote {
	case '\'':
		return 0
	case '"':
		return 1
	}
	return 2
}

// maxLook bounds how far the skim looks from one place (past blanks and
// comments, for a closing brace or quote): it never reads a file more than
// a constant number of times over. Where it stops looking, it takes the
// answer that costs time, not correctness.
const maxLook = 4096

// skipBlank returns the offset of the first byte from i that is neither
// white space (as JavaScript has it, Unicode's included) nor in a comment.
// sure is false when it stopped looking (see maxLook) before finding one.
func skipBlank(src []byte, i int) (next int, sure bool) {
	stop := min(len(src), i+maxLook)
	for i < stop {
		switch c := src[i]; {
		case isASCIISpace(c):
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < stop && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:stop], []byte("*/"))
			if end < 0 {
				return stop, stop == len(src)
			}
			i += 2 + end + 2
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(src[i:])
			if !unicode.IsSpace(r) && r != '\uFEFF' {
				return i, true
			}
			i += size
		default:
			return i, true
		}
	}
	return i, i >= len(src)
}

// lastImportWord returns the offset of the last word of src that may start
// an import (see skim.lastImport), or -1.
func lastImportWord(src []byte) int {
	last := -1
	// import and export end alike: one search for their tail, port, finds
	// both (its p is about as rare in code as the m of import).
	for at := 2; at < len(src); {
		k := bytes.Index(src[at:], []byte("port"))
		if k < 0 {
			break
		}
		i := at + k - 2
		at += k + len("port")
		switch {
		case src[i] == 'i' && src[i+1] == 'm' && importWordAt(src, i, "import"),
			src[i] == 'e' && src[i+1] == 'x' && importWordAt(src, i, "export"):
			last = i
		}
	}
	// The q of require is rare.
	for i := indexByTail(src, last+1, "require", "quire"); i >= 0; i = indexByTail(src, i+1, "require", "quire") {
		if importWordAt(src, i, "require") {
			last = i
		}
	}
	return last
}

// indexByTail returns the offset of the first word in src at or after
// from, or -1. It searches for tail, the end of word: the vector search goes
// fastest from a byte that is rare in code (the x of export, the v of
// "directivelint-" rather than its d).
func indexByTail(src []byte, from int, word, tail string) int {
	head := len(word) - len(tail)
	for at := from + head; at < len(src); {
		k := bytes.Index(src[at:], []byte(tail))
		if k < 0 {
			return -1
		}
		if i := at + k - head; string(src[i:i+head]) == word[:head] {
			return i
		}
		at += k + len(tail)
	}
	return -1
}

// importWordAt reports whether w, found at src[i], may start an import:
// what follows it must be what the scanner reads an import from.
func importWordAt(src []byte, i int, w string) bool {
	if !wordAt(src, i, len(w)) {
		return false
	}
	after := i + len(w)
	switch w {
	case "import":
		return mayFollowImport(src, after)
	case "export":
		return mayReexport(src, after)
	case "require":
		next, sure := skipBlank(src, after)
		return !sure || next < len(src) && src[next] == '('
	}
	return true
}

// mayFollowImport reports whether the import keyword ending at i may start
// an import: a declaration goes on with a name, a quote, { or * (or what
// the scanner passes over in one, a comma or =), a call with (. Prose
// ("import: …", "import-able") and markup ("import</span>") do not. When
// unsure it says yes.
func mayFollowImport(src []byte, i int) bool {
	i, sure := skipBlank(src, i)
	if !sure {
		return true
	}
	if i >= len(src) {
		return false
	}
	switch c := src[i]; c { // not '.': import.meta
	case '\'', '"', '{', '*', '(', ',', '=', '#', '\\':
		return true
	default:
		return isIdentByte(c) && (c < '0' || c > '9')
	}
}

// wordAt reports whether the n bytes at src[i:] stand as a word of their
// own: no identifier byte just before or after them, and no single '.'
// before (a property, x.import). Non-ASCII bytes around count as a
// boundary (they may be white space), and so does a digit before: the
// lexer ends a number there (00import is a number and the keyword). A
// stray # takes the byte after it into its error token, dot included.
func wordAt(src []byte, i, n int) bool {
	if i > 0 {
		c := src[i-1]
		if c < 0x80 && isIdentByte(c) && (c < '0' || c > '9') || c == '.' && (i < 2 || src[i-2] != '.' && src[i-2] != '#') {
			return false
		}
	}
	if j := i + n; j < len(src) && src[j] < 0x80 && isIdentByte(src[j]) {
		return false
	}
	return true
}

// mayReexport reports whether the export keyword ending at i may start a
// re-export: export *, export type * or export type { … } followed by
// from, or export { … } followed by from (export type T = … does not). When
// unsure (a comment, a string or a non-ASCII byte in the way) it says yes.
func mayReexport(src []byte, i int) bool {
	i, sure := skipBlank(src, i)
	if !sure {
		return true
	}
	if i >= len(src) {
		return false
	}
	switch src[i] {
	case '*':
		return true
	case 't':
		// export type { … } from, export type * from; not a type alias.
		if !bytes.HasPrefix(src[i:], []byte("type")) || !wordAt(src, i, 4) {
			return false
		}
		if i, sure = skipBlank(src, i+4); !sure {
			return true
		}
		if i >= len(src) || src[i] != '{' && src[i] != '*' {
			return false
		}
		return src[i] == '*' || braceFrom(src, i)
	case '{':
		return braceFrom(src, i)
	}
	return false
}

// braceFrom reports whether the { at src[i] opens a list of names followed
// by from (export { a } from …). When unsure it says yes.
func braceFrom(src []byte, i int) bool {
	end := bytes.IndexByte(src[i:min(len(src), i+maxLook)], '}')
	if end < 0 {
		return true
	}
	names := src[i+1 : i+end]
	for k, c := range names {
		if c == '/' || c == '\'' || c == '"' || c == '`' || c >= utf8.RuneSelf {
			return true // a comment or a quoted name: read it properly
		}
		if c >= '0' && c <= '9' && (k == 0 || !isIdentByte(names[k-1])) {
			return true // a number, no name: what the lexer makes of it decides
		}
	}
	j, sure := skipBlank(src, i+end+1)
	return !sure || bytes.HasPrefix(src[j:], []byte("from")) && wordAt(src, j, 4)
}
