package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/directivelint/directivelint/lint"
)

// JUnit XML, the shape GitLab, Jenkins and most CI systems read
// (testsuites/testsuite/testcase/failure, as in Jenkins' junit-10.xsd).
type (
	junitTestsuites struct {
		XMLName  xml.Name         `xml:"testsuites"`
		Name     string           `xml:"name,attr"`
		Tests    int              `xml:"tests,attr"`
		Failures int              `xml:"failures,attr"`
		Errors   int              `xml:"errors,attr"`
		Suites   []junitTestsuite `xml:"testsuite"`
	}
	junitTestsuite struct {
		Name     string          `xml:"name,attr"`
		Tests    int             `xml:"tests,attr"`
		Failures int             `xml:"failures,attr"`
		Errors   int             `xml:"errors,attr"`
		Skipped  int             `xml:"skipped,attr"`
		Time     string          `xml:"time,attr"`
		Cases    []junitTestcase `xml:"testcase"`
	}
	junitTestcase struct {
		Name      string        `xml:"name,attr"`
		Classname string        `xml:"classname,attr"`
		Time      string        `xml:"time,attr"`
		Failure   *junitFailure `xml:"failure"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

// junit writes a JUnit XML report for CI test views: a test suite per file
// with problems, a failed test case per problem (named after the rule and
// position, of type error or warning). A run without problems is one
// passing test case, so that the CI shows the lint ran.
type junit struct{}

func newJUnit(Options) Reporter { return junit{} }

// Report implements Reporter.
func (junit) Report(w io.Writer, diags []lint.Diagnostic, sum Summary) error {
	out := junitTestsuites{Name: "directivelint"}
	for start := 0; start < len(diags); {
		end := start + 1
		for end < len(diags) && diags[end].File == diags[start].File {
			end++
		}
		suite := junitTestsuite{Name: diags[start].File, Time: "0"}
		for _, d := range diags[start:end] {
			pos := strconv.Itoa(d.Pos.Line) + ":" + strconv.Itoa(d.Pos.Column)
			suite.Cases = append(suite.Cases, junitTestcase{
				Name:      d.Rule + " at " + pos,
				Classname: d.File,
				Time:      "0",
				Failure: &junitFailure{
					Message: d.Message,
					Type:    severityLabel(d.Severity),
					Text:    fmt.Sprintf("%s:%s: %s: %s [%s]\n%s", d.File, pos, severityLabel(d.Severity), d.Message, d.Rule, docsURL(d.Rule)),
				},
			})
		}
		suite.Tests, suite.Failures = len(suite.Cases), len(suite.Cases)
		out.Suites = append(out.Suites, suite)
		start = end
	}
	if len(out.Suites) == 0 {
		out.Suites = []junitTestsuite{{Name: "directivelint", Tests: 1, Time: "0", Cases: []junitTestcase{{
			Name: fmt.Sprintf("no problems in %s", plural(sum.Files, "file")), Classname: "directivelint", Time: "0",
		}}}}
	}
	for _, s := range out.Suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
	}
	return writeXML(w, out)
}

// writeXML writes v as an indented XML document with its declaration.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}
