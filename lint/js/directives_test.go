package js

import (
	"strings"
	"testing"
)

func TestIsKnownDirective(t *testing.T) {
	for v, want := range map[string]bool{
		"use server":           true,
		"use client":           true,
		"use cache":            true,
		"use cache: remote":    true,
		"use cache: private":   true,
		"use cache: my-kind_2": true,
		"use memo":             true,
		"use no memo":          true,
		"use cache:remote":     false,
		"use cache: ":          false,
		"use cache: two words": false,
		"use strict":           false,
		"Use server":           false,
		"use server ":          false,
		"":                     false,
	} {
		if got := IsKnownDirective(v); got != want {
			t.Errorf("IsKnownDirective(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestSuggestDirective(t *testing.T) {
	tests := []struct {
		value, want string // want "" means not a typo
	}{
		{"use sever", "use server"},
		{"use-client", "use client"},
		{"use_client", "use client"},
		{"Use client", "use client"},
		{"USE SERVER", "use server"},
		{"useserver", "use server"},
		{"useclient", "use client"},
		{"use  server", "use server"},
		{" use server", "use server"},
		{"use servr", "use server"},
		{"use srever", "use server"},
		{"use servers", "use server"},
		{"user server", "use server"},
		{"use clinet", "use client"},
		{"use cahce", "use cache"},
		{"use cached", "use cache"},
		{"use-cache", "use cache"},
		{"use cache:remote", "use cache: remote"},
		{"use cache:  remote", "use cache: remote"},
		{"use cache :private", "use cache: private"},
		{"Use-Cache: remote", "use cache: remote"},
		{"use cahce: remote", "use cache: remote"},
		{"use cache:", "use cache"},
		{"use cache: ", "use cache"},
		{"use cache ", "use cache"},
		{"use cache : remote", "use cache: remote"},
		{"use cache private", "use cache: private"},
		{"use cache  remote", "use cache: remote"},
		{"Use-Cache-Remote", "use cache: remote"},
		{"USE CACHE REMOTE", "use cache: remote"},
		{"use action", "use server"},
		{"Use Action", "use server"},

		// Known directives and ordinary strings are never typos.
		{"use server", ""},
		{"use client", ""},
		{"use cache", ""},
		{"use cache: remote", ""},
		{"use memo", ""},
		{"use no memo", ""},
		{"Use Memo", ""},
		{"use strict", ""},
		{"Use Strict", ""},
		{"use asm", ""},
		{"use", ""},
		{"server", ""},
		{"client", ""},
		{"", ""},
		{"use serverless functions", ""},
		{"use server because this file only runs on the server", ""},
		{"use client only where needed", ""},
		{"use sentry", ""},
		{"use clerk", ""},
		{"use server: remote", ""},
		{"use cache: two words", ""},
		{"use cache two words", ""},
		{"use cache for this function", ""},
		{"use cache private!", ""},
		{"use_cache my-kind", ""},
		{"use case study", ""},
		{"use cahce remote", ""},
		{"http://example.com", ""},
		{"use swr", ""},
	}
	for _, tt := range tests {
		got, ok := SuggestDirective(tt.value)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("SuggestDirective(%q) = %q, %v; want %q", tt.value, got, ok, tt.want)
		}
	}
}

// referenceSuggest is the plain strings version of SuggestDirective: the
// specification that the allocation-free one is checked against.
func referenceSuggest(value string) (string, bool) {
	normalize := func(s string) string {
		s = strings.ToLower(s)
		s = strings.Map(func(r rune) rune {
			if r == '-' || r == '_' {
				return ' '
			}
			return r
		}, s)
		return strings.Join(strings.Fields(s), " ")
	}
	isClose := func(n, d string) bool {
		switch len(n) - len(d) {
		case 0:
			return EditDistance(n, d) <= 2
		case 1, -1:
			return EditDistance(n, d) <= 1
		}
		return false
	}
	if IsKnownDirective(value) || len(value) > maxTypoLen {
		return "", false
	}
	if left, kind, ok := strings.Cut(value, ":"); ok {
		kind = strings.TrimSpace(kind)
		if kind != "" && !isWord(kind) {
			return "", false
		}
		if n := normalize(left); n != UseCache && !isClose(n, UseCache) {
			return "", false
		}
		if kind == "" {
			return UseCache, true
		}
		return "use cache: " + kind, true
	}
	n := normalize(value)
	switch n {
	case "use strict":
		return "", false
	case "use action":
		return UseServer, true
	case UseMemo, UseNoMemo:
		return "", false
	}
	if kind, ok := strings.CutPrefix(n, "use cache "); ok && isWord(kind) {
		return "use cache: " + kind, true
	}
	best, bestDist := "", 3
	for _, d := range []string{UseServer, UseClient, UseCache} {
		if isClose(n, d) {
			if dist := EditDistance(n, d); dist < bestDist {
				best, bestDist = d, dist
			}
		}
	}
	return best, best != ""
}

// FuzzSuggestDirective checks SuggestDirective, on strings and on bytes,
// against the plain strings version.
func FuzzSuggestDirective(f *testing.F) {
	for _, s := range []string{"use sever", "Use\u00a0Client", "use cache:remote", " use cache : x ", "USE-SERVER",
		"use\u2028server", "uſe server", "use cache:\u00a0remote\u00a0", "use \xffserver", "İse server", "use clıent", "use cache: a", "use cache private", " Use-Cache \u212aind"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantOK := referenceSuggest(s)
		if got, ok := SuggestDirective(s); got != want || ok != wantOK {
			t.Errorf("SuggestDirective(%q) = %q, %v; the reference says %q, %v", s, got, ok, want, wantOK)
		}
		if got, ok := suggest([]byte(s)); got != want || ok != wantOK {
			t.Errorf("suggest([]byte(%q)) = %q, %v; the reference says %q, %v", s, got, ok, want, wantOK)
		}
		like := IsKnownDirective(s) || wantOK
		if got := directiveLike([]byte(s)); got != like {
			t.Errorf("directiveLike(%q) = %v, want %v", s, got, like)
		}
		if like && tooPlain([]byte(s)) {
			t.Errorf("tooPlain(%q), but it is directive-like", s)
		}
	})
}

// The runner asks about every short string of every file: the common case
// must not allocate.
func TestDirectiveLikeAllocations(t *testing.T) {
	for _, s := range []string{"flex-col", "relative", "use strict", "items-center gap-2", "use sever", "https://example.com"} {
		b := []byte(s)
		if n := testing.AllocsPerRun(100, func() { directiveLike(b) }); n != 0 {
			t.Errorf("directiveLike(%q) allocates %v times", s, n)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"postion", "position", 1}, {"same", "same", 0},
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
