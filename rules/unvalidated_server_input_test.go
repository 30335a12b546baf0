package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

func TestUnvalidatedServerInput(t *testing.T) {
	linttest.Run(t, fixtureDir("unvalidated-server-input"), rules.UnvalidatedServerInput)
}
