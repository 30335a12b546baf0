package main

import (
	"strings"
	"testing"

	"github.com/directivelint/directivelint/rules"
)

func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{
		"bash":       "# bash completion V2 for directivelint",
		"zsh":        "#compdef directivelint",
		"fish":       "# fish completion for directivelint",
		"powershell": "# powershell completion for directivelint",
	} {
		code, out, errOut := cli(t, rules.All(), "completion", shell)
		if code != 0 || !strings.HasPrefix(out, want) || errOut != "" {
			t.Errorf("completion %s: status %d, stderr %q, stdout starts %.60q", shell, code, errOut, out)
		}
	}
	for args, want := range map[string]string{
		"__complete --format ":              "checkstyle\ncompact\ngithub\ngitlab\njson\njunit\nsarif\nstylish\n:4\n",
		"__complete --color a":              "auto\nalways\nnever\n:4\n",
		"__complete --rule directive-typo=": "directive-typo=error\ndirective-typo=warn\ndirective-typo=off\n:4\n",
	} {
		fields := strings.Fields(args)
		if strings.HasSuffix(args, " ") {
			fields = append(fields, "")
		}
		if _, out, _ := cli(t, rules.All(), fields...); out != want {
			t.Errorf("%s = %q, want %q", args, out, want)
		}
	}
}
