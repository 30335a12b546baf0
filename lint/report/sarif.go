package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"
)

// SARIF 2.1.0, the subset GitHub code scanning reads:
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Version        string      `json:"version,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string             `json:"id"`
		ShortDescription     sarifMessage       `json:"shortDescription"`
		FullDescription      sarifMessage       `json:"fullDescription"`
		HelpURI              string             `json:"helpUri"`
		Help                 sarifMessage       `json:"help"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifMessage struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifResult struct {
		RuleID           string          `json:"ruleId"`
		RuleIndex        *int            `json:"ruleIndex,omitempty"`
		Level            string          `json:"level"`
		Message          sarifMessage    `json:"message"`
		Locations        []sarifLocation `json:"locations"`
		RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
		Fixes            []sarifFix      `json:"fixes,omitempty"`
		Properties       sarifProperties `json:"properties"`
	}
	// sarifProperties is a result's property bag: fix is safe, unsafe or none.
	sarifProperties struct {
		Fix string `json:"fix"`
	}
	sarifLocation struct {
		ID               *int                  `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifMessage         `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int  `json:"startLine,omitempty"`
		StartColumn int  `json:"startColumn,omitempty"`
		EndLine     int  `json:"endLine,omitempty"`
		EndColumn   int  `json:"endColumn,omitempty"`
		ByteOffset  *int `json:"byteOffset,omitempty"`
		ByteLength  *int `json:"byteLength,omitempty"`
	}
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifContent `json:"insertedContent,omitempty"`
	}
	sarifContent struct {
		Text string `json:"text"`
	}
)

// sarif writes one SARIF 2.1.0 log for GitHub code scanning and other
// SARIF viewers.
type sarif struct{ opts Options }

func newSARIF(opts Options) Reporter { return sarif{opts} }

// Report implements Reporter.
func (s sarif) Report(w io.Writer, diags []lint.Diagnostic, _ Summary) error {
	driver := sarifDriver{
		Name:           "directivelint",
		InformationURI: "https://github.com/directivelint/directivelint",
		Version:        s.opts.Version,
		Rules:          []sarifRule{},
	}
	index := map[string]int{}
	for _, r := range append(append([]*lint.Rule{}, s.opts.Rules...), lint.SuppressionRules...) {
		if _, dup := index[r.ID]; dup {
			continue
		}
		index[r.ID] = len(driver.Rules)
		full := strings.TrimSpace(r.Doc.What)
		if full == "" {
			full = r.Doc.Summary
		}
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   r.ID,
			ShortDescription:     sarifMessage{Text: r.Doc.Summary},
			FullDescription:      sarifMessage{Text: full},
			HelpURI:              docsURL(r.ID),
			Help:                 sarifMessage{Text: r.Doc.Summary + ". See " + docsURL(r.ID), Markdown: lint.RuleMarkdown(r)},
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Default)},
		})
	}
	results := []sarifResult{}
	for _, d := range diags {
		res := sarifResult{
			RuleID:     d.Rule,
			Level:      sarifLevel(d.Severity),
			Message:    sarifMessage{Text: d.Message},
			Properties: sarifProperties{Fix: fixOf(d)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: artifact(d.File),
				Region:           region(d.Pos, d.End),
			}}},
		}
		if i, ok := index[d.Rule]; ok {
			res.RuleIndex = &i
		}
		for i, r := range d.Related {
			file := r.File
			if file == "" {
				file = d.File
			}
			id := i + 1
			loc := sarifLocation{ID: &id, PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: artifact(file), Region: region(r.Pos, js.Position{})}}
			if r.Message != "" {
				loc.Message = &sarifMessage{Text: r.Message}
			}
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		if d.Fix != nil && len(d.Fix.Edits) > 0 {
			change := sarifArtifactChange{ArtifactLocation: artifact(d.File)}
			for _, e := range d.Fix.Edits {
				off, n := e.Span.Start, e.Span.End-e.Span.Start
				rep := sarifReplacement{DeletedRegion: sarifRegion{ByteOffset: &off, ByteLength: &n}}
				if e.NewText != "" {
					rep.InsertedContent = &sarifContent{Text: e.NewText}
				}
				change.Replacements = append(change.Replacements, rep)
			}
			desc := d.Fix.Message
			if !d.Fix.Safe {
				desc += " (unsafe: applied only with --unsafe-fixes)"
			}
			res.Fixes = []sarifFix{{Description: sarifMessage{Text: desc}, ArtifactChanges: []sarifArtifactChange{change}}}
		}
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, ColumnKind: "utf16CodeUnits", Results: results}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarn:
		return "warning"
	}
	return "none"
}

// region is a SARIF region from 1-based positions; an end of zero is left out.
func region(pos, end js.Position) *sarifRegion {
	if pos.Line < 1 {
		return nil
	}
	r := &sarifRegion{StartLine: pos.Line, StartColumn: max(pos.Column, 1)}
	if end.Line >= pos.Line {
		r.EndLine, r.EndColumn = end.Line, max(end.Column, 1)
	}
	return r
}

// artifact is the location of a file: a relative URI reference against
// %SRCROOT% (the directory directivelint ran in, which code scanning maps to
// the repository root), or a file: URI for a path outside it.
func artifact(path string) sarifArtifactLocation {
	if filepath.IsAbs(filepath.FromSlash(path)) || filepath.VolumeName(path) != "" {
		u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
		if !strings.HasPrefix(u.Path, "/") {
			u.Path = "/" + u.Path
		}
		return sarifArtifactLocation{URI: u.String()}
	}
	segs := strings.Split(path, "/")
	for i, s := range segs {
		// PathEscape keeps ':' which would make a first segment look like a scheme.
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return sarifArtifactLocation{URI: strings.Join(segs, "/"), URIBaseID: "%SRCROOT%"}
}
