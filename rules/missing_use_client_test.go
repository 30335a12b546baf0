package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/rules"
)

// TestMissingUseClient checks the rule's documented example and its reports in
// the projects under testdata/graph (whose expectations TestGraphFixtures
// checks with every rule on).
func TestMissingUseClient(t *testing.T) {
	checkGraphDocExample(t, rules.MissingUseClient)
	if n := graphFixtureReports(t, rules.MissingUseClient); n == 0 {
		t.Errorf("no report of missing-use-client in the projects under testdata/graph")
	}
}
