package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

func TestDirectiveScope(t *testing.T) {
	linttest.Run(t, fixtureDir("directive-scope"), rules.DirectiveScope)
}
