package main

import (
	"bytes"
	"testing"
)

// TestVersion checks what --version prints for the values that
// -ldflags "-X main.version=… -X main.commit=…" set (.goreleaser.yaml).
func TestVersion(t *testing.T) {
	defer func(v, c string) { version, commit = v, c }(version, commit)
	tests := []struct {
		version, commit, want string
	}{
		{"", "", "directivelint dev\n"},
		{"0.1.0", "", "directivelint 0.1.0\n"},
		{"0.1.0", "abc1234", "directivelint 0.1.0 (commit abc1234)\n"},
		{"", "abc1234", "directivelint dev (commit abc1234)\n"},
	}
	for _, tt := range tests {
		version, commit = tt.version, tt.commit
		var stdout, stderr bytes.Buffer
		if code := execute([]string{"--version"}, &stdout, &stderr, testRules); code != exitOK {
			t.Errorf("version %q commit %q: exit status %d, stderr %q", tt.version, tt.commit, code, stderr.String())
		}
		if got := stdout.String(); got != tt.want {
			t.Errorf("version %q commit %q: --version printed %q, want %q", tt.version, tt.commit, got, tt.want)
		}
	}
}
