package lint

import (
	"github.com/directivelint/directivelint/lint/js"
)

// Severity is how much a diagnostic matters.
type Severity uint8

// The severities a rule can be set to.
const (
	SeverityOff Severity = iota
	SeverityWarn
	SeverityError
)

// String returns the name used in output and configuration: off, warn or error.
func (s Severity) String() string {
	switch s {
	case SeverityWarn:
		return "warn"
	case SeverityError:
		return "error"
	}
	return "off"
}

// ParseSeverity reads error, warn (or warning) and off.
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "error":
		return SeverityError, true
	case "warn", "warning":
		return SeverityWarn, true
	case "off":
		return SeverityOff, true
	}
	return SeverityOff, false
}

// TextEdit replaces the bytes of Span with NewText.
type TextEdit struct {
	Span    js.Span
	NewText string
}

// Fix is a change that resolves a diagnostic, as text edits.
type Fix struct {
	// Message says what the fix does, e.g. "Move the directive to the top of the file".
	Message string
	// Safe is true when applying it cannot change what the code means
	// beyond what the diagnostic asks for; unsafe fixes need --unsafe-fixes.
	Safe  bool
	Edits []TextEdit
}

// Related is another place that helps explain a diagnostic, such as a step
// of an import chain.
type Related struct {
	File    string
	Span    js.Span
	Pos     js.Position
	Message string
}

// Diagnostic is one problem found by a rule.
type Diagnostic struct {
	// File is the path of the file, as shown to the user.
	File     string
	Rule     string
	Severity Severity
	Message  string
	// Span is the byte range the diagnostic points at.
	Span js.Span
	// Pos and End are Span as lines and columns, filled in by the runner.
	Pos, End js.Position
	// Excerpt is the line Pos is on, or the part of it around Pos when
	// the line is long, for code frames.
	Excerpt js.Excerpt
	Fix     *Fix
	Related []Related
}
