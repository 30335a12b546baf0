package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/rules"
)

// TestUnserializableClientProp checks the rule's documented example and
// its reports in the projects under testdata/graph (whose expectations
// TestGraphFixtures checks with every rule on).
func TestUnserializableClientProp(t *testing.T) {
	checkGraphDocExample(t, rules.UnserializableClientProp)
	if n := graphFixtureReports(t, rules.UnserializableClientProp); n == 0 {
		t.Errorf("no report of unserializable-client-prop in the projects under testdata/graph")
	}
}
