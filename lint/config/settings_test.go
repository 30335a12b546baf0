package config

import (
	"maps"
	"testing"

	"github.com/directivelint/directivelint/lint"
)

func TestParseRuleSettings(t *testing.T) {
	rules := []*lint.Rule{{ID: "directive-position"}, {ID: "directive-typo"}, {ID: "async-server-function"}}
	tests := []struct {
		in      []string
		want    map[string]lint.Severity
		wantErr string
	}{
		{in: nil, want: map[string]lint.Severity{}},
		{in: []string{"directive-typo=off", "directive-position=warn"},
			want: map[string]lint.Severity{"directive-typo": lint.SeverityOff, "directive-position": lint.SeverityWarn}},
		{in: []string{"directive-typo=warning", "directive-typo=error"}, want: map[string]lint.Severity{"directive-typo": lint.SeverityError}},
		{in: []string{" directive-typo = off "}, want: map[string]lint.Severity{"directive-typo": lint.SeverityOff}},
		{in: []string{"directive-postion=off"}, wantErr: `unknown rule "directive-postion"; did you mean "directive-position"?`},
		{in: []string{"async-server-fn=off"}, wantErr: `unknown rule "async-server-fn"; did you mean "async-server-function"?`},
		{in: []string{"directive-typo=loud"}, wantErr: `invalid severity "loud" for rule "directive-typo": want error, warn or off`},
		{in: []string{"directive-typo"}, wantErr: `invalid rule setting "directive-typo": want ID=error|warn|off`},
		{in: []string{"=off"}, wantErr: `invalid rule setting "=off": want ID=error|warn|off`},
	}
	for _, tt := range tests {
		got, err := ParseRuleSettings(tt.in, rules)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseRuleSettings(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !maps.Equal(got, tt.want) {
			t.Errorf("ParseRuleSettings(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}
