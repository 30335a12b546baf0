package rules

import "testing"

func TestIsKnown(t *testing.T) {
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
		if got := IsKnown(v); got != want {
			t.Errorf("IsKnown(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestSuggest(t *testing.T) {
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
		{"http://example.com", ""},
		{"use swr", ""},
	}
	for _, tt := range tests {
		got, ok := Suggest(tt.value)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Suggest(%q) = %q, %v; want %q", tt.value, got, ok, tt.want)
		}
	}
}
