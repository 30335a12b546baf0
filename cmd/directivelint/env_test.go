package main

import (
	"strings"
	"testing"
)

// TestScanWholeEnv: a file the rules need nothing from is not scanned, so
// code the scanner cannot follow in it goes unreported, unless
// DIRECTIVELINT_SCAN_WHOLE asks for every file to be scanned whole.
func TestScanWholeEnv(t *testing.T) {
	project(t, map[string]string{"a.js": "const a = 1;\nfunction ;\n"})
	const notice = "a.js:2:1: could not follow the code here: expected ( after function"
	for _, tc := range []struct {
		env  string
		want bool
	}{{"", false}, {"0", false}, {"1", true}, {"true", true}} {
		t.Setenv("DIRECTIVELINT_SCAN_WHOLE", tc.env)
		for _, args := range [][]string{{"--color", "never"}, {"graph"}} {
			_, _, errOut := cli(t, testRules, args...)
			if got := strings.Contains(errOut, notice); got != tc.want {
				t.Errorf("DIRECTIVELINT_SCAN_WHOLE=%q %v: notice %v, want %v; stderr:\n%s", tc.env, args, got, tc.want, errOut)
			}
		}
	}
}
