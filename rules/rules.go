// Package rules holds directivelint's rules, one file each, and the registry
// that lists them.
package rules

import (
	"github.com/directivelint/directivelint/lint"
)

// all lists the rules in the order of RULES.md; All returns it.
var all = []*lint.Rule{
	DirectivePosition,
	DirectiveSyntax,
	DirectiveTypo,
	DirectiveScope,
	ConflictingDirectives,
	AsyncServerFunction,
	ServerFileExports,
	ServerFunctionInClient,
	AsyncClientComponent,
	UnknownCacheKind,
	ClientRouteExports,
	// Module-graph rules.
	ServerOnlyInClient,
	MissingUseClient,
	UnserializableClientProp,
	// Server Function safety rules.
	ServerFunctionThis,
	UnvalidatedServerInput,
}

// All returns every rule, in a stable order (that of the rules
// specification). The slice is a copy; the rules are shared.
func All() []*lint.Rule {
	out := make([]*lint.Rule, len(all))
	copy(out, all)
	return out
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *lint.Rule {
	for _, r := range all {
		if r.ID == id {
			return r
		}
	}
	return nil
}
