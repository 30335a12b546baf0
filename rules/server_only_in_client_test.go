package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/rules"
)

// TestServerOnlyInClient checks the rule's documented example and its reports in
// the projects under testdata/graph (whose expectations TestGraphFixtures
// checks with every rule on).
func TestServerOnlyInClient(t *testing.T) {
	checkGraphDocExample(t, rules.ServerOnlyInClient)
	if n := graphFixtureReports(t, rules.ServerOnlyInClient); n == 0 {
		t.Errorf("no report of server-only-in-client in the projects under testdata/graph")
	}
}
