package rules_test

import (
	"testing"

	"github.com/directivelint/directivelint/lint/linttest"
	"github.com/directivelint/directivelint/rules"
)

// TestClientRouteExports runs the fixtures one file at a time: each project
// under the fixture directory has a package.json that declares next (or,
// for no-next, does not), which tells the route files.
func TestClientRouteExports(t *testing.T) {
	linttest.Run(t, fixtureDir("client-route-exports"), rules.ClientRouteExports)
}

// TestClientRouteExportsProject runs the same fixtures through the whole
// pipeline, where the runner learns which files are route files and reads
// every export of a "use client" one (app/page.tsx has no async function,
// so a partial scan would stop after its prologue).
func TestClientRouteExportsProject(t *testing.T) {
	linttest.RunProject(t, fixtureDir("client-route-exports"), rules.ClientRouteExports)
}
