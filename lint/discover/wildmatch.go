package discover

import "strings"

// wildResult is the outcome of matching a pattern from some point on.
// Besides a match and a miss, two outcomes stop the retries of the '*'
// being matched: the text ran out (no later start can match either), and
// a single '*' met a '/' it may not cross (only an enclosing '**' may try
// further). They keep matching linear in practice, and they decide the
// answer in the same cases as git.
type wildResult uint8

const (
	wildMatch wildResult = iota
	wildNoMatch
	wildAbortAll
	wildAbortToStarStar
)

// wildmatch reports whether text matches the glob pattern as git matches
// .gitignore patterns: '?' one byte, '*' any run of bytes, [...] one byte
// of a set (ranges, [:classes:], '!' or '^' to negate), a backslash makes
// the next byte literal. With pathname, none of them matches a '/', and
// '**' between slashes (or at either end) matches any number of
// directories.
func wildmatch(pattern, text string, pathname bool) bool {
	return matchFrom(pattern, text, pathname) == wildMatch
}

// isGlobSpecial reports whether c has a meaning of its own in a pattern.
func isGlobSpecial(c byte) bool {
	return c == '*' || c == '?' || c == '[' || c == '\\'
}

func matchFrom(p, t string, pathname bool) wildResult {
	ti := 0
	for pi := 0; pi < len(p); pi, ti = pi+1, ti+1 {
		c := p[pi]
		if ti == len(t) && c != '*' {
			return wildAbortAll
		}
		switch c {
		case '?':
			if pathname && t[ti] == '/' {
				return wildNoMatch
			}
		case '[':
			next, r := matchClass(p, pi+1, t[ti], pathname)
			if r != wildMatch {
				return r
			}
			pi = next
		case '*':
			return matchStar(p, pi, t[ti:], pathname)
		case '\\':
			pi++
			if pi == len(p) || t[ti] != p[pi] {
				return wildNoMatch
			}
		default:
			if t[ti] != c {
				return wildNoMatch
			}
		}
	}
	if ti < len(t) {
		return wildNoMatch
	}
	return wildMatch
}

// matchStar matches the '*' (or run of them) at p[star] and what follows
// it against t.
func matchStar(p string, star int, t string, pathname bool) wildResult {
	pi := star + 1
	crossSlash := !pathname
	if pi < len(p) && p[pi] == '*' {
		for pi < len(p) && p[pi] == '*' {
			pi++
		}
		rest := p[pi:]
		if pathname && (star == 0 || p[star-1] == '/') && (rest == "" || rest[0] == '/' || strings.HasPrefix(rest, "\\/")) {
			// "**/" may match no directory at all: a/**/b matches a/b.
			if rest != "" && rest[0] == '/' && matchFrom(rest[1:], t, pathname) == wildMatch {
				return wildMatch
			}
			crossSlash = true
		}
	}
	rest := p[pi:]
	if rest == "" {
		if !crossSlash && strings.IndexByte(t, '/') >= 0 {
			return wildNoMatch
		}
		return wildMatch
	}
	if !crossSlash && rest[0] == '/' {
		// One '*' before a slash matches the rest of one directory name.
		slash := strings.IndexByte(t, '/')
		if slash < 0 {
			return wildNoMatch
		}
		return matchFrom(rest[1:], t[slash+1:], pathname)
	}
	for ti := 0; ti < len(t); ti++ {
		if !isGlobSpecial(rest[0]) {
			// Skip to the next place the literal after the star occurs.
			for ti < len(t) && (crossSlash || t[ti] != '/') && t[ti] != rest[0] {
				ti++
			}
			if ti == len(t) || t[ti] != rest[0] {
				return wildNoMatch
			}
		}
		r := matchFrom(rest, t[ti:], pathname)
		if r != wildNoMatch {
			if !crossSlash || r != wildAbortToStarStar {
				return r
			}
		} else if !crossSlash && t[ti] == '/' {
			return wildAbortToStarStar
		}
	}
	return wildAbortAll
}

// matchClass matches the byte c against the set that starts at p[pi], just
// after its '['. It returns the index of the set's closing ']' and
// wildMatch when c is in the set.
func matchClass(p string, pi int, c byte, pathname bool) (int, wildResult) {
	negated := false
	if pi < len(p) && (p[pi] == '!' || p[pi] == '^') {
		negated = true
		pi++
	}
	matched := false
	var prev byte // the previous member, 0 after a range or a class
	for {
		if pi >= len(p) {
			return pi, wildAbortAll
		}
		m := p[pi]
		switch {
		case m == '\\':
			pi++
			if pi >= len(p) {
				return pi, wildAbortAll
			}
			m = p[pi]
			matched = matched || c == m
		case m == '-' && prev != 0 && pi+1 < len(p) && p[pi+1] != ']':
			pi++
			hi := p[pi]
			if hi == '\\' {
				pi++
				if pi >= len(p) {
					return pi, wildAbortAll
				}
				hi = p[pi]
			}
			matched = matched || prev <= c && c <= hi
			m = 0
		case m == '[' && pi+1 < len(p) && p[pi+1] == ':':
			name := pi + 2
			end := name + strings.IndexByte(p[name:], ']')
			if end < name {
				return pi, wildAbortAll
			}
			if end-name-1 < 0 || p[end-1] != ':' {
				// Not a [:class:]: the '[' is a member.
				matched = matched || c == '['
				break
			}
			in, ok := inCharClass(p[name:end-1], c)
			if !ok {
				return pi, wildAbortAll
			}
			matched = matched || in
			pi, m = end, 0
		default:
			matched = matched || c == m
		}
		prev = m
		pi++
		if pi < len(p) && p[pi] == ']' {
			break
		}
	}
	if matched == negated || pathname && c == '/' {
		return pi, wildNoMatch
	}
	return pi, wildMatch
}

// inCharClass reports whether c is in the [:class:] named name, in ASCII;
// ok is false for an unknown class.
func inCharClass(name string, c byte) (in, ok bool) {
	lower, upper, digit := 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9'
	graph := '!' <= c && c <= '~'
	switch name {
	case "alnum":
		return lower || upper || digit, true
	case "alpha":
		return lower || upper, true
	case "blank":
		return c == ' ' || c == '\t', true
	case "cntrl":
		return c < ' ' || c == 0x7f, true
	case "digit":
		return digit, true
	case "graph":
		return graph, true
	case "lower":
		return lower, true
	case "print":
		return graph || c == ' ', true
	case "punct":
		return graph && !lower && !upper && !digit, true
	case "space":
		return c == ' ' || c == '\t' || c == '\n' || c == '\r', true
	case "upper":
		return upper, true
	case "xdigit":
		return digit || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F', true
	}
	return false, false
}
