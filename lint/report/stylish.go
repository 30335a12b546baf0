package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/directivelint/directivelint/lint"

	"github.com/fatih/color"
)

// stylish writes diagnostics for people, like ESLint's stylish format:
// grouped by file, one line per diagnostic with a code frame under it, and
// a summary. It writes nothing when there are no diagnostics.
type stylish struct {
	file, pos, errorSev, warnSev, rule, gutter, summaryErr, summaryWarn *color.Color
}

func newStylish(opts Options) Reporter {
	s := &stylish{
		file:        color.New(color.Bold, color.Underline),
		pos:         color.New(color.Faint),
		errorSev:    color.New(color.FgRed),
		warnSev:     color.New(color.FgYellow),
		rule:        color.New(color.Faint),
		gutter:      color.New(color.Faint),
		summaryErr:  color.New(color.FgRed, color.Bold),
		summaryWarn: color.New(color.FgYellow, color.Bold),
	}
	for _, c := range []*color.Color{s.file, s.pos, s.errorSev, s.warnSev, s.rule, s.gutter, s.summaryErr, s.summaryWarn} {
		if opts.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return s
}

// Report implements Reporter.
func (s *stylish) Report(w io.Writer, diags []lint.Diagnostic, summary Summary) error {
	if len(diags) == 0 {
		return s.writeAllFixed(w, summary)
	}
	bw := bufio.NewWriter(w)
	files := 0
	for start := 0; start < len(diags); {
		end := start + 1
		for end < len(diags) && diags[end].File == diags[start].File {
			end++
		}
		s.writeFile(bw, diags[start:end])
		files++
		start = end
	}
	errors, warnings := count(diags)
	sum := s.summaryErr
	if errors == 0 {
		sum = s.summaryWarn
	}
	fmt.Fprintln(bw, sum.Sprintf("✖ %s (%s, %s) in %s",
		plural(errors+warnings, "problem"), plural(errors, "error"), plural(warnings, "warning"), plural(files, "file")))
	s.writeFixSummary(bw, diags, summary)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}

// writeFile writes the group of one file's diagnostics.
func (s *stylish) writeFile(w io.Writer, diags []lint.Diagnostic) {
	fmt.Fprintln(w, s.file.Sprint(sanitize(diags[0].File)))
	posWidth, sevWidth, msgWidth := 0, 0, 0
	for _, d := range diags {
		posWidth = max(posWidth, len(position(d)))
		sevWidth = max(sevWidth, len(severityLabel(d.Severity)))
		msgWidth = max(msgWidth, utf8.RuneCountInString(sanitize(d.Message)))
	}
	for _, d := range diags {
		pos, sev, msg := position(d), severityLabel(d.Severity), sanitize(d.Message)
		sevColor := s.errorSev
		if d.Severity != lint.SeverityError {
			sevColor = s.warnSev
		}
		fmt.Fprintf(w, "  %s%s  %s%s  %s%s  %s\n",
			s.pos.Sprint(pos), pad(pos, posWidth),
			sevColor.Sprint(sev), pad(sev, sevWidth),
			msg, pad(msg, msgWidth),
			s.rule.Sprint(d.Rule+fixMark(d)))
		s.writeFrame(w, d, sevColor)
		s.writeRelated(w, d)
	}
	fmt.Fprintln(w)
}

// writeFrame writes the source line of d and a caret line under its span.
// A long line comes as an excerpt around the column (js.ExcerptWidth
// characters at most), its cuts marked with "…".
func (s *stylish) writeFrame(w io.Writer, d lint.Diagnostic, caretColor *color.Color) {
	if d.Pos.Line < 1 {
		return
	}
	ex := d.Excerpt
	line := []rune(sanitize(ex.Text))
	first := max(ex.Column, 1) // the column of line[0]
	start := runeIndex(line, d.Pos.Column-first+1)
	end := len(line)
	if d.End.Line == d.Pos.Line {
		end = runeIndex(line, d.End.Column-first+1)
	}
	end = max(end, start+1)
	prefix, suffix := "", ""
	if ex.CutBefore {
		prefix = "…"
	}
	if ex.CutAfter {
		suffix = "…"
	}

	var caret strings.Builder
	caret.WriteString(strings.Repeat(" ", len([]rune(prefix))))
	for i := 0; i < start; i++ {
		if i < len(line) && line[i] == '\t' {
			caret.WriteByte('\t')
		} else {
			caret.WriteByte(' ')
		}
	}
	num := strconv.Itoa(d.Pos.Line)
	fmt.Fprintf(w, "    %s %s\n", s.gutter.Sprintf("%s |", num), prefix+string(line)+suffix)
	fmt.Fprintf(w, "    %s %s%s\n", s.gutter.Sprintf("%s |", strings.Repeat(" ", len(num))),
		caret.String(), caretColor.Sprint(strings.Repeat("^", end-start)))
}

// writeRelated writes the related positions of d (such as the steps of an
// import chain) as an indented trace under its frame.
func (s *stylish) writeRelated(w io.Writer, d lint.Diagnostic) {
	for _, r := range d.Related {
		loc := sanitize(r.File)
		if r.Pos.Line > 0 {
			loc += ":" + strconv.Itoa(r.Pos.Line) + ":" + strconv.Itoa(r.Pos.Column)
		}
		fmt.Fprintf(w, "    %s %s  %s\n", s.gutter.Sprint("↳"), s.pos.Sprint(loc), sanitize(r.Message))
	}
}

// runeIndex converts a 1-based column in UTF-16 code units into an index
// into line, clamped to the line's length.
func runeIndex(line []rune, column int) int {
	units := 0
	for i, r := range line {
		if units >= column-1 {
			return i
		}
		units += utf16.RuneLen(r)
	}
	return len(line)
}

// sanitize keeps control characters (other than tab) and bidirectional
// overrides in file content from reaching the terminal.
func sanitize(s string) string {
	if printableASCII(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return r
		case unicode.IsControl(r):
			return ' '
		case unicode.Is(unicode.Bidi_Control, r):
			return '\uFFFD'
		}
		return r
	}, s)
}

// printableASCII reports whether s holds only printable ASCII and tabs,
// which sanitize leaves as they are.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < ' ' && c != '\t') || c >= 0x7F {
			return false
		}
	}
	return true
}

func position(d lint.Diagnostic) string {
	return fmt.Sprintf("%d:%d", d.Pos.Line, d.Pos.Column)
}

func severityLabel(s lint.Severity) string {
	if s == lint.SeverityError {
		return "error"
	}
	return "warning"
}

// pad returns the spaces that widen s to width characters.
func pad(s string, width int) string {
	return strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
