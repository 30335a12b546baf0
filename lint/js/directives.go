package js

import (
	"unicode"
	"unicode/utf8"
)

// The directives directivelint knows.
const (
	UseServer = "use server"
	UseClient = "use client"
	UseCache  = "use cache"
	// The React Compiler's directives: known, so they are never called
	// typos, but no rule checks them.
	UseMemo   = "use memo"
	UseNoMemo = "use no memo"
)

// maxTypoLen bounds the strings considered for typos: anything longer is a
// sentence, not a misspelt directive.
const maxTypoLen = 32

// IsKnownDirective reports whether value is a known directive: use server,
// use client, use cache, use cache: KIND (KIND a word), use memo or use no
// memo.
func IsKnownDirective(value string) bool { return isKnown(value) }

// SuggestDirective returns the directive that value is a close misspelling
// of, and false when value is a known directive or not close to one.
//
// Closeness: letter case is ignored, hyphens and underscores count as spaces
// and runs of spaces as one; then the value must be within an edit distance
// of 2 of use server, use client or use cache of the same length, or 1
// insertion or deletion away. "use cache:remote", "use cache private" and
// other spellings of a cache kind suggest "use cache: remote" and "use
// cache: private"; "use action" suggests "use server". "use strict" is never a typo, and neither is a misspelt React
// Compiler directive (not ours to check).
func SuggestDirective(value string) (string, bool) { return suggest(value) }

// DirectiveLike reports whether value is a known directive or a close
// misspelling of one: the only strings any rule looks at. The runner skips
// the parts of a file where no string is directive-like.
func DirectiveLike(value string) bool { return directiveLike(value) }

// text is the source text the vocabulary reads: a string, or bytes straight
// from a file (read without a copy).
type text interface{ ~string | ~[]byte }

func directiveLike[T text](value T) bool {
	if isKnown(value) {
		return true
	}
	_, ok := suggest(value)
	return ok
}

func isKnown[T text](value T) bool {
	switch string(value) {
	case UseServer, UseClient, UseCache, UseMemo, UseNoMemo:
		return true
	}
	return isCacheKind(value)
}

// isCacheKind reports whether value is exactly "use cache: KIND" with a
// non-empty word as KIND.
func isCacheKind[T text](value T) bool {
	const prefix = "use cache: "
	return len(value) > len(prefix) && string(value[:len(prefix)]) == prefix && isWord(value[len(prefix):])
}

// isWord reports whether s is a non-empty run of letters, digits, '-' and '_'.
func isWord[T text](s T) bool {
	if len(s) == 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) {
			return false
		}
	}
	return true
}

// isWordByte reports whether c may stand in a cache kind: a letter, a
// digit, '-' or '_'.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

func suggest[T text](value T) (string, bool) {
	if isKnown(value) || len(value) > maxTypoLen {
		return "", false
	}
	var buf [2 * maxTypoLen]byte
	if colon := indexByte(value, ':'); colon >= 0 {
		left, kind := value[:colon], trimSpace(value[colon+1:])
		if len(kind) > 0 && !isWord(kind) {
			return "", false
		}
		if n := normalize(buf[:0], left); string(n) != UseCache && !isClose(n, UseCache) {
			return "", false
		}
		if len(kind) == 0 {
			return UseCache, true
		}
		return "use cache: " + string(kind), true
	}
	n := normalize(buf[:0], value)
	switch string(n) {
	case "use strict":
		return "", false
	case "use action":
		return UseServer, true
	case UseMemo, UseNoMemo:
		return "", false
	}
	if kind, ok := spacedCacheKind(n); ok {
		return "use cache: " + string(kind), true
	}
	best, bestDist := "", 3
	for _, d := range [...]string{UseServer, UseClient, UseCache} {
		if !isClose(n, d) {
			continue
		}
		if dist := editDistance(n, d); dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return best, best != ""
}

// spacedCacheKind returns KIND when the normalised value n is "use cache
// KIND" with KIND one word: a cache kind written without its colon ("use
// cache private", "use-cache-remote").
func spacedCacheKind(n []byte) ([]byte, bool) {
	const prefix = UseCache + " "
	if len(n) <= len(prefix) || string(n[:len(prefix)]) != prefix {
		return nil, false
	}
	kind := n[len(prefix):]
	return kind, isWord(kind)
}

// normalize appends s to dst lowercased, with hyphens and underscores
// turned into spaces, runs of white space collapsed into one space, and
// no space at either end (strings.Fields joined by spaces).
func normalize[T text](dst []byte, s T) []byte {
	space := false
	for _, r := range string(s) {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		if r == '-' || r == '_' || unicode.IsSpace(r) {
			space = len(dst) > 0
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// isClose reports whether the normalised string n is close to directive d:
// an edit distance of at most 2 for the same length, or 1 insertion or
// deletion.
func isClose(n []byte, d string) bool {
	limit := 0
	switch len(n) - len(d) {
	case 0:
		limit = 2
	case 1, -1:
		limit = 1
	default:
		return false
	}
	// A cheap lower bound first: most strings share too few letters.
	return bagExcess(n, d) <= limit && editDistance(n, d) <= limit
}

// bagExcess counts the bytes of n that d lacks, taking both as multisets:
// no fewer edits turn n into d.
func bagExcess(n []byte, d string) int {
	var count [256]int8
	for i := 0; i < len(d); i++ {
		count[d[i]]++
	}
	excess := 0
	for _, c := range n {
		if count[c] > 0 {
			count[c]--
		} else {
			excess++
		}
	}
	return excess
}

// indexByte returns the index of the first c in s, or -1.
func indexByte[T text](s T, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// trimSpace returns s without leading and trailing white space (Unicode's,
// as strings.TrimSpace).
func trimSpace[T text](s T) T {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
		if !unicode.IsSpace(r) {
			break
		}
		s = s[size:]
	}
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(string(s[max(0, len(s)-utf8.UTFMax):]))
		if !unicode.IsSpace(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// EditDistance is the Levenshtein distance between a and b, in bytes. It
// suggests the closest name for a misspelt rule, key or directive.
func EditDistance(a, b string) int { return editDistance(a, b) }

func editDistance[T text](a T, b string) int {
	// Rows on the stack for the short strings of the hot path.
	var prevBuf, curBuf [2*maxTypoLen + 1]int
	prev, cur := prevBuf[:0], curBuf[:0]
	if len(b)+1 > len(prevBuf) {
		prev, cur = make([]int, 0, len(b)+1), make([]int, 0, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
