// Package config loads and checks directivelint.json (presets, rule
// severities, ignore globs, overrides, extends), finds the chain of config
// files that applies to each file (Tree) and reads the --rule settings of
// the command line.
package config

import (
	"fmt"
	"strings"

	"github.com/directivelint/directivelint/lint"
)

// ParseRuleSettings reads severity overrides written as ID=SEVERITY
// (error, warn or off), as given to --rule. Each ID must name one of rules;
// for an unknown ID the error names the closest valid one. A later setting
// for the same rule wins.
func ParseRuleSettings(settings []string, rules []*lint.Rule) (map[string]lint.Severity, error) {
	out := make(map[string]lint.Severity, len(settings))
	for _, s := range settings {
		id, value, ok := strings.Cut(s, "=")
		id, value = strings.TrimSpace(id), strings.TrimSpace(value)
		if !ok || id == "" {
			return nil, fmt.Errorf("invalid rule setting %q: want ID=error|warn|off", s)
		}
		if lint.FindRule(rules, id) == nil {
			return nil, unknownRuleError(id, rules)
		}
		sev, ok := lint.ParseSeverity(value)
		if !ok {
			return nil, fmt.Errorf("invalid severity %q for rule %q: want error, warn or off", value, id)
		}
		out[id] = sev
	}
	return out, nil
}

// unknownRuleError says that id names no rule and suggests the closest one.
func unknownRuleError(id string, rules []*lint.Rule) error {
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	return fmt.Errorf("unknown rule %q%s", id, lint.DidYouMean(id, ids))
}
