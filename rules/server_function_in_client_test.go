package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

func TestServerFunctionInClient(t *testing.T) {
	linttest.Run(t, fixtureDir("server-function-in-client"), rules.ServerFunctionInClient)
	checkGraphDocExample(t, rules.ServerFunctionInClient)
}
