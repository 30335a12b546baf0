package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

func TestAsyncServerFunction(t *testing.T) {
	linttest.Run(t, fixtureDir("async-server-function"), rules.AsyncServerFunction)
}
