package rules

import (
	"slices"
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// UnknownCacheKind reports "use cache: KIND" where the project has no cache
// handler of that kind.
var UnknownCacheKind = &lint.Rule{
	ID:      "unknown-cache-kind",
	Default: lint.SeverityError,
	Fix:     lint.FixNone,
	Doc: lint.RuleDoc{
		Summary: `"use cache: KIND" names a cache kind the project has no handler for`,
		What: `Reports "use cache: KIND", in a module or a function prologue, where KIND is ` +
			`neither a built-in kind (default, remote, private, static), nor a key of ` +
			`cacheHandlers in the project's Next.js config (next.config.js, .mjs, .cjs, .ts ` +
			`or .mts beside the package.json that declares next, read without running it: ` +
			`an object literal at the top of the config or under experimental), nor one of ` +
			`the "cacheKinds" of directivelint.json. When the config's cacheHandlers cannot ` +
			`be read so (a variable, a call, a spread), or the file is in no Next.js ` +
			`project, nothing is reported.`,
		Why: `Next.js looks the kind up among the cache handlers it was configured with; a ` +
			`kind it has no handler for is a mistake (often a typo of a real one) that ` +
			`fails when the function is compiled or first called, instead of caching.`,
		Example: `async function getPrices() {
  "use cache: remot";
  return db.prices.findMany();
}`,
		Instead: `async function getPrices() {
  "use cache: remote";
  return db.prices.findMany();
}`,
		Fix: `None: use a kind the project has, or add a handler for it to cacheHandlers ` +
			`in next.config (or to "cacheKinds" in directivelint.json when the config sets ` +
			`it in a way the linter cannot read).`,
	},
	Run: runUnknownCacheKind,
}

func runUnknownCacheKind(pass *lint.Pass) {
	f := pass.File
	var known []string // the built-in kinds and the project's, once asked for
	check := func(ds []js.Directive) bool {
		for i := range ds {
			d := &ds[i]
			kind, ok := strings.CutPrefix(d.Value, "use cache: ")
			if d.Form != js.FormQuoted || !ok || !IsCache(d.Value) || slices.Contains(lint.BuiltinCacheKinds, kind) {
				continue
			}
			if known == nil {
				kinds, ok := pass.CacheKinds()
				if !ok {
					return false // the project's kinds cannot be known: nothing is reported
				}
				known = append(slices.Clip(lint.BuiltinCacheKinds), kinds...)
			}
			if slices.Contains(known, kind) {
				continue
			}
			msg := "Unknown cache kind " + quoted(kind) + ": the project has no cache handler of that kind (it has " +
				strings.Join(known, ", ") + ")"
			if near := nearestKind(kind, known); near != "" {
				msg += `. Did you mean "use cache: ` + near + `"?`
			} else {
				msg += ". Add a handler for it to cacheHandlers in next.config, or use a kind the project has"
			}
			pass.Report(d.Span, msg, nil)
		}
		return true
	}
	if !check(f.Prologue) {
		return
	}
	for i := range f.Functions {
		if !check(f.Functions[i].Prologue) {
			return
		}
	}
}

// nearestKind returns the one of known closest to kind, ignoring case, when
// it is at most two edits away, or "".
func nearestKind(kind string, known []string) string {
	best, bestDist := "", 3
	for _, k := range known {
		if d := js.EditDistance(strings.ToLower(kind), strings.ToLower(k)); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}
