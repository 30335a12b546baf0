package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/directivelint/directivelint/lint"
	"github.com/directivelint/directivelint/lint/js"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// tricky has a message with %, CR, LF and a path with , and :.
var tricky = diag("app/a,b:c/d%e.tsx", 2, 3, 4, 5, "directive-typo", lint.SeverityError,
	"100% wrong:\r\nsee, here\nnow", "'use sever'")

func TestGitHub(t *testing.T) {
	got := render(t, "github", Options{}, append(sample, tricky), Summary{})
	want := `::error file=app/a.tsx,line=3,col=1,endLine=3,endColumn=13,title=directivelint (directive-position)::"use client" must come first
::warning file=app/a.tsx,line=10,col=14,endLine=10,endColumn=26,title=directivelint (directive-typo)::Did you mean "use server"? <sic> & more
::error file=lib/b.ts,line=1,col=1,endLine=2,endColumn=3,title=directivelint (server-file-exports)::not async
::error file=app/a%2Cb%3Ac/d%25e.tsx,line=2,col=3,endLine=4,endColumn=5,title=directivelint (directive-typo)::100%25 wrong:%0D%0Asee, here%0Anow
`
	if got != want {
		t.Errorf("github =\n%s\nwant\n%s", got, want)
	}
	// Structural check: every line is one command, and unescaping the
	// properties as the runner does gives back the path and title.
	for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		cmd, msg, ok := strings.Cut(strings.TrimPrefix(line, "::"), "::")
		if !ok || !strings.HasPrefix(line, "::") {
			t.Fatalf("not a workflow command: %q", line)
		}
		_, props, _ := strings.Cut(cmd, " ")
		fields := map[string]string{}
		for _, p := range strings.Split(props, ",") {
			k, v, _ := strings.Cut(p, "=")
			fields[k] = unescapeProperty(v)
		}
		if strings.Contains(msg, "\n") || strings.Contains(msg, "\r") {
			t.Errorf("raw line break in %q", msg)
		}
		if line == strings.Split(want, "\n")[3] {
			if fields["file"] != tricky.File || fields["title"] != "directivelint (directive-typo)" || unescapeData(msg) != tricky.Message {
				t.Errorf("round trip: %q, %q", fields, unescapeData(msg))
			}
		}
	}
}

// unescapeProperty and unescapeData undo the escaping the way the runner does.
func unescapeProperty(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%").Replace(s)
}

func unescapeData(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%").Replace(s)
}

func TestCompact(t *testing.T) {
	got := render(t, "compact", Options{}, append(sample, tricky), Summary{})
	want := `app/a.tsx:3:1: error: "use client" must come first [directive-position]
app/a.tsx:10:14: warning: Did you mean "use server"? <sic> & more [directive-typo]
lib/b.ts:1:1: error: not async [server-file-exports]
app/a,b:c/d%e.tsx:2:3: error: 100% wrong: see, here now [directive-typo]
`
	if got != want {
		t.Errorf("compact =\n%s\nwant\n%s", got, want)
	}
	if got := render(t, "compact", Options{}, nil, Summary{}); got != "" {
		t.Errorf("compact with nothing = %q", got)
	}
	// A file name's bytes that are not UTF-8 are escaped in annotations.
	bad := sample[0]
	bad.File = "caf\xe9.js"
	if got := render(t, "github", Options{}, []lint.Diagnostic{bad}, Summary{}); !strings.Contains(got, "file=caf%E9.js,") || !utf8.ValidString(got) {
		t.Errorf("github annotation of a name that is not UTF-8 = %q", got)
	}
	// A file name's line breaks are escaped, not turned into spaces.
	odd := sample[0]
	odd.File = "new\nline.js"
	if got := render(t, "compact", Options{}, []lint.Diagnostic{odd}, Summary{}); !strings.HasPrefix(got, `new\nline.js:3:1: `) {
		t.Errorf("compact of a name with a line break = %q", got)
	}
}

var sarifRules = []*lint.Rule{
	{ID: "directive-position", Default: lint.SeverityError, Doc: lint.RuleDoc{Summary: "Directives first", What: "Reports misplaced directives."}},
	{ID: "directive-typo", Default: lint.SeverityError, Fix: lint.FixUnsafe, Doc: lint.RuleDoc{Summary: "No typos"}},
}

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	return loadSchema(t, "testdata/sarif-schema-2.1.0.json", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
}

func TestSARIF(t *testing.T) {
	schema := sarifSchema(t)
	withFix := tricky
	withFix.Fix = &lint.Fix{Message: "Replace with \"use server\"", Edits: []lint.TextEdit{
		{Span: js.Span{Start: 10, End: 21}, NewText: "'use server'"}, {Span: js.Span{Start: 30, End: 31}}}}
	withFix.Related = []lint.Related{{File: "app/page.tsx", Pos: js.Position{Line: 1, Column: 1}, Message: "imported here"}}
	outside := diag("/abs/x y.ts", 1, 1, 1, 2, "invalid-suppression", lint.SeverityError, "bad", "")
	for _, tt := range []struct {
		name  string
		diags []lint.Diagnostic
	}{{"empty", nil}, {"sample", append(append(sample, withFix), outside)}} {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, "sarif", Options{Rules: sarifRules, Version: "v1.2.3"}, tt.diags, Summary{})
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Fatalf("SARIF output does not match the 2.1.0 schema: %v\n%s", err, out)
			}
			var log sarifLog
			if err := json.Unmarshal([]byte(out), &log); err != nil {
				t.Fatal(err)
			}
			run := log.Runs[0]
			ids := []string{}
			for _, r := range run.Tool.Driver.Rules {
				ids = append(ids, r.ID)
			}
			if strings.Join(ids, " ") != "directive-position directive-typo invalid-suppression unused-suppression" {
				t.Errorf("rules = %v", ids)
			}
			r0 := run.Tool.Driver.Rules[0]
			if r0.HelpURI != lint.DocsURL+"directive-position.md" || r0.DefaultConfiguration.Level != "error" ||
				r0.FullDescription.Text != "Reports misplaced directives." || !strings.HasPrefix(r0.Help.Markdown, "# directive-position\n") {
				t.Errorf("rule metadata = %+v", r0)
			}
			if len(run.Results) != len(tt.diags) {
				t.Fatalf("%d results for %d diagnostics", len(run.Results), len(tt.diags))
			}
			if tt.name == "empty" {
				if !strings.Contains(out, `"results": []`) {
					t.Error("results must be an empty array")
				}
				return
			}
			if w := run.Results[1]; w.Level != "warning" || w.RuleID != "directive-typo" || *w.RuleIndex != 1 {
				t.Errorf("warning result = %+v", w)
			}
			r := run.Results[3]
			loc := r.Locations[0].PhysicalLocation
			if loc.ArtifactLocation.URI != "app/a%2Cb%3Ac/d%25e.tsx" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" ||
				*loc.Region != (sarifRegion{StartLine: 2, StartColumn: 3, EndLine: 4, EndColumn: 5}) || r.Message.Text != tricky.Message {
				t.Errorf("result = %+v", r)
			}
			if len(r.Fixes) != 1 || len(r.Fixes[0].ArtifactChanges[0].Replacements) != 2 ||
				*r.Fixes[0].ArtifactChanges[0].Replacements[0].DeletedRegion.ByteOffset != 10 ||
				r.Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != "'use server'" ||
				!strings.Contains(r.Fixes[0].Description.Text, "unsafe") {
				t.Errorf("fixes = %+v", r.Fixes)
			}
			if len(r.RelatedLocations) != 1 || r.RelatedLocations[0].PhysicalLocation.ArtifactLocation.URI != "app/page.tsx" {
				t.Errorf("related = %+v", r.RelatedLocations)
			}
			if u := run.Results[4].Locations[0].PhysicalLocation.ArtifactLocation; u.URI != "file:///abs/x%20y.ts" || u.URIBaseID != "" {
				t.Errorf("absolute path = %+v", u)
			}
		})
	}
}

func TestSARIFSchemaCatchesMistakes(t *testing.T) {
	// The validation is real: a log without a version is rejected.
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(`{"runs": []}`)))
	if err != nil {
		t.Fatal(err)
	}
	if sarifSchema(t).Validate(inst) == nil {
		t.Error("the schema accepted a log without a version")
	}
}
