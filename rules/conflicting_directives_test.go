package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

func TestConflictingDirectives(t *testing.T) {
	linttest.Run(t, fixtureDir("conflicting-directives"), rules.ConflictingDirectives)
}
