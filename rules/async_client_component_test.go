package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

func TestAsyncClientComponent(t *testing.T) {
	linttest.Run(t, fixtureDir("async-client-component"), rules.AsyncClientComponent)
}
