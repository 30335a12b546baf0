package rules

// The rule pages under docs/rules and the config file's JSON Schema are
// generated from the rules' documentation; internal/gendocs has a test that
// fails when they are stale.
//go:generate go run ../internal/gendocs -root ..
