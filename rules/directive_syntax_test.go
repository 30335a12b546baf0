package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

func TestDirectiveSyntax(t *testing.T) {
	linttest.Run(t, fixtureDir("directive-syntax"), rules.DirectiveSyntax)
}
