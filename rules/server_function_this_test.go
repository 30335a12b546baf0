package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

func TestServerFunctionThis(t *testing.T) {
	linttest.Run(t, fixtureDir("server-function-this"), rules.ServerFunctionThis)
}
