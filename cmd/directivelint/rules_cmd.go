package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/rules"

	"github.com/spf13/cobra"
)

// rulesCommand is `directivelint rules`: the rule list, as a table or as
// JSON for tools.
func rulesCommand(ruleset []*lint.Rule) *cobra.Command {
	format := "text"
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules with their default severity, their severity in the strict preset, fix and summary",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch format {
			case "text":
				return listRules(cmd.OutOrStdout(), ruleset)
			case "json":
				return listRulesJSON(cmd.OutOrStdout(), ruleset)
			}
			return fmt.Errorf("unknown format %q: want text or json", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", format, "text (a table) or json")
	return cmd
}

// ruleJSON is one rule in `directivelint rules --format json`.
type ruleJSON struct {
	ID string `json:"id"`
	// Default is the severity in the recommended preset, Strict in the
	// strict one: error, warn or off.
	Default string `json:"default"`
	Strict  string `json:"strict"`
	// Fix is the kind of fix: safe, unsafe, sometimes or none.
	Fix     string `json:"fix"`
	Summary string `json:"summary"`
	URL     string `json:"url"`
	// Aliases are the ESLint and Biome names of the same check.
	Aliases []string `json:"aliases,omitempty"`
}

// listRulesJSON writes the rules as a JSON array, in the order of the table.
func listRulesJSON(w io.Writer, ruleset []*lint.Rule) error {
	strict, _ := rules.Preset("strict")
	out := make([]ruleJSON, 0, len(ruleset))
	for _, r := range ruleset {
		inStrict, ok := strict[r.ID]
		if !ok {
			inStrict = r.Default
		}
		out = append(out, ruleJSON{
			ID: r.ID, Default: r.Default.String(), Strict: inStrict.String(), Fix: r.Fix.String(),
			Summary: r.Doc.Summary, URL: lint.DocsURL + r.ID + ".md", Aliases: r.Aliases,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing rule list: %w", err)
	}
	return nil
}
