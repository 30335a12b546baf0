package main

import (
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/report"
	"github.com/directivelint/directivelint/rules"

	"github.com/spf13/cobra"
)

// completeFlags tells the shell completions of `directivelint completion
// bash|zsh|fish|powershell` (cobra's) the values of the root command's
// flags: formats, colour modes, presets and rule IDs. PATH arguments
// complete as files, cobra's default.
func completeFlags(root *cobra.Command, ruleset []*lint.Rule) {
	fixed := func(values ...string) cobra.CompletionFunc {
		return cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)
	}
	_ = root.RegisterFlagCompletionFunc("format", fixed(report.Names()...))
	_ = root.RegisterFlagCompletionFunc("color", fixed("auto", "always", "never"))
	_ = root.RegisterFlagCompletionFunc("preset", fixed(rules.PresetNames()...))
	_ = root.RegisterFlagCompletionFunc("rule", func(_ *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, r := range ruleset {
			if id, _, hasSev := strings.Cut(typed, "="); hasSev && id == r.ID {
				return []string{id + "=error", id + "=warn", id + "=off"}, cobra.ShellCompDirectiveNoFileComp
			}
			out = append(out, r.ID+"=")
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	})
}
