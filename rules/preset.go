package rules

import (
	"slices"

	"github.com/directivelint/directivelint/lint"
)

// presets maps each preset name to the severities it sets, by rule ID, for
// the rules whose severity differs from their default. "recommended" is the
// defaults themselves.
var presets = map[string]map[string]lint.Severity{
	"recommended": {},
	// strict adds the rules that are off by default because they ask a
	// project for more than correctness.
	"strict": {
		"unvalidated-server-input": lint.SeverityWarn,
	},
}

// Preset returns the severity of every rule in the named preset, and
// whether the preset exists.
func Preset(name string) (map[string]lint.Severity, bool) {
	diff, ok := presets[name]
	if !ok {
		return nil, false
	}
	out := make(map[string]lint.Severity, len(all))
	for _, r := range all {
		out[r.ID] = r.Default
	}
	for id, sev := range diff {
		out[id] = sev
	}
	return out, true
}

// PresetNames returns the names of the presets, sorted.
func PresetNames() []string {
	names := make([]string, 0, len(presets))
	for name := range presets {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
