// Package lint is the engine of directivelint: it runs the rules over the
// files that package discover found (Run), each scanned into a js.File,
// builds the module graph (package graph) when a rule needs it, applies
// suppression comments and fixes, and returns sorted Diagnostics for a
// reporter in package report.
//
// Data flows one way: paths → targets → sources → file models → (module
// graph) → rules → diagnostics → report. Rules are plain values (Rule)
// that declare what they need; the registry is in package rules.
package lint
