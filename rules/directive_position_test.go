package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

func TestDirectivePosition(t *testing.T) {
	linttest.Run(t, fixtureDir("directive-position"), rules.DirectivePosition)
}
