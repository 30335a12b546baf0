package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

func TestServerFileExports(t *testing.T) {
	linttest.Run(t, fixtureDir("server-file-exports"), rules.ServerFileExports)
}
