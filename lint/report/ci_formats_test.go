package report

import (
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/directivelint/directivelint/lint"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var update = flag.Bool("update", false, "rewrite the golden files of the report tests")

// golden compares got with testdata/NAME, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -run %s -update rewrites it):\n%s", name, t.Name(), got)
	}
}

// ciSample is sample plus a problem whose message XML must escape (a
// control character, a quote, a line break).
var ciSample = append(append([]lint.Diagnostic{}, sample...),
	diag("lib/b.ts", 4, 2, 4, 9, "directive-typo", lint.SeverityWarn, "bad \x01 \"quote\"\nnext line", "  'use sever'"))

// xmlNode is an XML element, read whole.
type xmlNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []xmlNode  `xml:",any"`
	Text     string     `xml:",chardata"`
}

func (n xmlNode) attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// xmlElement is what a schema allows of an element: its required and
// optional attributes, and the elements it may contain.
type xmlElement struct {
	required, optional, children []string
}

// validateXML checks doc against schema, whose first element is the
// root's, as an XSD would (see checkXML), and returns the root.
func validateXML(t *testing.T, doc, root string, schema map[string]xmlElement, ints []string) xmlNode {
	t.Helper()
	n, problems := checkXML(doc, root, schema, ints)
	for _, p := range problems {
		t.Error(p)
	}
	if len(problems) > 0 {
		t.Fatalf("in\n%s", doc)
	}
	return n
}

// checkXML checks doc: an XML declaration, one root element named root,
// and in each element every required attribute, no unknown attribute or
// element, and integers in the attributes named in ints.
func checkXML(doc, root string, schema map[string]xmlElement, ints []string) (xmlNode, []string) {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if !strings.HasPrefix(doc, `<?xml version="1.0" encoding="UTF-8"?>`) {
		fail("no XML declaration")
	}
	var n xmlNode
	dec := xml.NewDecoder(strings.NewReader(doc))
	dec.Strict = true
	if err := dec.Decode(&n); err != nil {
		return n, append(problems, "not well-formed XML: "+err.Error())
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if cd, ok := tok.(xml.CharData); !ok || strings.TrimSpace(string(cd)) != "" {
			fail("something after the root element: %v %v", tok, err)
			break
		}
	}
	if n.XMLName.Local != root {
		return n, append(problems, fmt.Sprintf("root element %q, want %q", n.XMLName.Local, root))
	}
	var walk func(n xmlNode)
	walk = func(n xmlNode) {
		el := schema[n.XMLName.Local]
		for _, a := range el.required {
			if _, ok := n.attr(a); !ok {
				fail("<%s> lacks the required attribute %s", n.XMLName.Local, a)
			}
		}
		for _, a := range n.Attrs {
			name := a.Name.Local
			if !slices.Contains(el.required, name) && !slices.Contains(el.optional, name) {
				fail("<%s> has an attribute the schema does not allow: %s", n.XMLName.Local, name)
			}
			if _, err := strconv.Atoi(a.Value); slices.Contains(ints, name) && err != nil {
				fail("<%s %s=%q> is not an integer", n.XMLName.Local, name, a.Value)
			}
		}
		for _, c := range n.Children {
			if !slices.Contains(el.children, c.XMLName.Local) {
				fail("<%s> in <%s>: the schema does not allow it there", c.XMLName.Local, n.XMLName.Local)
			}
			walk(c)
		}
	}
	walk(n)
	return n, problems
}

// junitSchema is the part of Jenkins' JUnit schema (junit-10.xsd, the one
// GitLab and most CI systems follow) that the report uses.
var junitSchema = map[string]xmlElement{
	"testsuites": {optional: []string{"name", "time", "tests", "failures", "disabled", "errors"}, children: []string{"testsuite"}},
	"testsuite": {required: []string{"name", "tests"},
		optional: []string{"failures", "errors", "time", "disabled", "skipped", "timestamp", "hostname", "id", "package", "file", "log", "url", "version"},
		children: []string{"properties", "testcase", "system-out", "system-err"}},
	"testcase": {required: []string{"name"}, optional: []string{"assertions", "time", "classname", "status"},
		children: []string{"skipped", "error", "failure", "system-out", "system-err"}},
	"failure": {optional: []string{"message", "type"}},
}

func TestJUnit(t *testing.T) {
	out := render(t, "junit", Options{}, ciSample, Summary{Files: 4})
	golden(t, "sample.junit.xml", out)
	root := validateXML(t, out, "testsuites", junitSchema, []string{"tests", "failures", "errors", "skipped"})
	total := 0
	for _, s := range root.Children {
		tests, _ := s.attr("tests")
		failures, _ := s.attr("failures")
		if tests != strconv.Itoa(len(s.Children)) || failures != tests {
			t.Errorf("suite %v: tests=%s failures=%s for %d cases", s.Attrs, tests, failures, len(s.Children))
		}
		for _, c := range s.Children {
			if len(c.Children) != 1 || c.Children[0].XMLName.Local != "failure" {
				t.Errorf("test case without its failure: %v", c.Attrs)
			}
			total++
		}
	}
	if tests, _ := root.attr("tests"); total != len(ciSample) || tests != strconv.Itoa(total) {
		t.Errorf("%d test cases (tests=%s) for %d diagnostics", total, tests, len(ciSample))
	}
	if !strings.Contains(out, `message="bad � &#34;quote&#34;&#xA;next line"`) {
		t.Errorf("the message is not escaped as XML must:\n%s", out)
	}

	clean := render(t, "junit", Options{}, nil, Summary{Files: 7})
	golden(t, "empty.junit.xml", clean)
	root = validateXML(t, clean, "testsuites", junitSchema, []string{"tests", "failures", "errors", "skipped"})
	if f, _ := root.attr("failures"); f != "0" || len(root.Children) != 1 {
		t.Errorf("a clean run:\n%s", clean)
	}
}

// checkstyleSchema is Checkstyle's XML report format, as ESLint's
// checkstyle formatter writes it.
var checkstyleSchema = map[string]xmlElement{
	"checkstyle": {optional: []string{"version"}, children: []string{"file"}},
	"file":       {required: []string{"name"}, children: []string{"error"}},
	"error":      {required: []string{"line", "severity", "message", "source"}, optional: []string{"column"}},
}

func TestCheckstyle(t *testing.T) {
	out := render(t, "checkstyle", Options{}, ciSample, Summary{})
	golden(t, "sample.checkstyle.xml", out)
	root := validateXML(t, out, "checkstyle", checkstyleSchema, []string{"line", "column"})
	var files []string
	n := 0
	for _, f := range root.Children {
		name, _ := f.attr("name")
		files = append(files, name)
		for _, e := range f.Children {
			n++
			if sev, _ := e.attr("severity"); sev != "error" && sev != "warning" {
				t.Errorf("severity %q", sev)
			}
			if src, _ := e.attr("source"); !strings.HasPrefix(src, "directivelint.rules.") {
				t.Errorf("source %q", src)
			}
		}
	}
	if strings.Join(files, " ") != "app/a.tsx lib/b.ts" || n != len(ciSample) {
		t.Errorf("files %v, %d errors", files, n)
	}
	empty := render(t, "checkstyle", Options{}, nil, Summary{})
	validateXML(t, empty, "checkstyle", checkstyleSchema, nil)
}

func TestGitLab(t *testing.T) {
	schema := loadSchema(t, "testdata/gitlab-code-quality.schema.json", "gitlab-code-quality.schema.json")
	validate := func(out string) {
		t.Helper()
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("not a Code Quality report: %v\n%s", err, out)
		}
	}
	out := render(t, "gitlab", Options{}, ciSample, Summary{})
	golden(t, "sample.gitlab.json", out)
	validate(out)
	if empty := render(t, "gitlab", Options{}, nil, Summary{}); empty != "[]\n" {
		t.Errorf("empty report = %q", empty)
	}
	if bad := `[{"description":"x","check_name":"r","fingerprint":"f","severity":"error","location":{"path":"a","lines":{"begin":1}}}]`; schema.Validate(mustJSON(t, bad)) == nil {
		t.Error("the schema accepted a severity GitLab does not know")
	}
}

func mustJSON(t *testing.T, s string) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestGitLabFingerprints checks that a fingerprint stays when lines move
// and differs between problems, even two alike on lines alike.
func TestGitLabFingerprints(t *testing.T) {
	fingerprints := func(diags []lint.Diagnostic) []string {
		var issues []struct{ Fingerprint string }
		if err := json.Unmarshal([]byte(render(t, "gitlab", Options{}, diags, Summary{})), &issues); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, is := range issues {
			out = append(out, is.Fingerprint)
		}
		return out
	}
	same := diag("a.ts", 5, 3, 5, 14, "directive-typo", lint.SeverityError, "typo", "  'use sever';")
	twin := diag("a.ts", 9, 1, 9, 12, "directive-typo", lint.SeverityError, "typo", "'use sever';")
	other := diag("b.ts", 5, 3, 5, 14, "directive-typo", lint.SeverityError, "typo", "  'use sever';")
	before := fingerprints([]lint.Diagnostic{same, twin, other})
	moved := []lint.Diagnostic{same, twin, other}
	for i := range moved {
		moved[i].Pos.Line += 10
		moved[i].End.Line += 10
		moved[i].Message = "reworded"
	}
	if after := fingerprints(moved); !slices.Equal(before, after) {
		t.Errorf("fingerprints changed when the lines moved: %v → %v", before, after)
	}
	seen := map[string]bool{}
	for _, f := range before {
		if seen[f] {
			t.Errorf("fingerprint %s twice in %v", f, before)
		}
		seen[f] = true
	}
}

func TestXMLSchemaCatchesMistakes(t *testing.T) {
	for _, doc := range []string{
		`<testsuites><testsuite tests="1"><testcase name="a"/></testsuite></testsuites>`,                       // no suite name
		`<testsuites><testsuite name="s" tests="1"><testcase/></testsuite></testsuites>`,                       // no case name
		`<testsuites><testsuite name="s" tests="x"><testcase name="a"/></testsuite></testsuites>`,              // tests not a number
		`<testsuites><testsuite name="s" tests="1"><failure message="m"/></testsuite></testsuites>`,            // failure outside a case
		`<testsuites><testsuite name="s" tests="1" colour="red"><testcase name="a"/></testsuite></testsuites>`, // unknown attribute
	} {
		if _, problems := checkXML(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+doc, "testsuites", junitSchema, []string{"tests"}); len(problems) == 0 {
			t.Errorf("the JUnit check accepted %s", doc)
		}
	}
}

// loadSchema compiles the JSON Schema in the file at path, known by url.
func loadSchema(t *testing.T, path, url string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
