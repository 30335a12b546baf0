package report

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/directivelint/directivelint/lint"
)

// GitLab Code Quality: a JSON array of issues in the subset of the Code
// Climate spec GitLab reads
// (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format).
type (
	gitlabIssue struct {
		Type        string         `json:"type"`
		CheckName   string         `json:"check_name"`
		Description string         `json:"description"`
		Categories  []string       `json:"categories"`
		Severity    string         `json:"severity"`
		Fingerprint string         `json:"fingerprint"`
		Location    gitlabLocation `json:"location"`
	}
	gitlabLocation struct {
		Path  string      `json:"path"`
		Lines gitlabLines `json:"lines"`
	}
	gitlabLines struct {
		Begin int `json:"begin"`
		End   int `json:"end,omitempty"`
	}
)

// gitlab writes a GitLab Code Quality report, for the merge request widget
// and diff annotations. Errors are major and warnings minor.
type gitlab struct{}

func newGitLab(Options) Reporter { return gitlab{} }

// Report implements Reporter.
func (gitlab) Report(w io.Writer, diags []lint.Diagnostic, _ Summary) error {
	issues := make([]gitlabIssue, 0, len(diags))
	var fp lint.Fingerprinter
	for _, d := range diags {
		severity := "minor"
		if d.Severity == lint.SeverityError {
			severity = "major"
		}
		issues = append(issues, gitlabIssue{
			Type:        "issue",
			CheckName:   d.Rule,
			Description: d.Message,
			Categories:  []string{"Bug Risk"},
			Severity:    severity,
			Fingerprint: fp.Fingerprint(d),
			Location:    gitlabLocation{Path: filepath.ToSlash(d.File), Lines: gitlabLines{Begin: max(d.Pos.Line, 1), End: d.End.Line}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(issues); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}
