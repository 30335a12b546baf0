package rules_test

import (
	"regexp"
	"slices"
	"testing"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

// TestUnknownCacheKind runs the fixtures, laid out as projects: shop has a
// next.config.ts with cacheHandlers, unreadable one whose cacheHandlers is
// a variable, no-config none, and not-next is no Next.js project.
func TestUnknownCacheKind(t *testing.T) {
	linttest.Run(t, fixtureDir("unknown-cache-kind"), rules.UnknownCacheKind)
	linttest.RunProject(t, fixtureDir("unknown-cache-kind"), rules.UnknownCacheKind)
}

// TestUnknownCacheKindConfigured checks that the kinds configured in
// directivelint.json ("cacheKinds", Options.CacheKinds) are known too.
func TestUnknownCacheKindConfigured(t *testing.T) {
	targets, _, err := discover.Targets([]string{fixtureDir("unknown-cache-kind")})
	if err != nil {
		t.Fatal(err)
	}
	reported := func(cacheKinds []string) []string {
		res := lint.Run(targets, lint.Options{Rules: []*lint.Rule{rules.UnknownCacheKind}, CacheKinds: cacheKinds})
		var kinds []string
		for _, d := range res.Diagnostics {
			if m := regexp.MustCompile(`^Unknown cache kind "([^"]+)"`).FindStringSubmatch(d.Message); m != nil {
				kinds = append(kinds, m[1])
			}
		}
		slices.Sort(kinds)
		return kinds
	}
	if got, want := reported(nil), []string{"disk", "memcached", "radis", "redis", "remot", "warehouse"}; !slices.Equal(got, want) {
		t.Errorf("without cacheKinds, reported %q, want %q", got, want)
	}
	if got, want := reported([]string{"memcached", "warehouse", "redis"}), []string{"disk", "radis", "remot"}; !slices.Equal(got, want) {
		t.Errorf("with cacheKinds, reported %q, want %q", got, want)
	}
}
