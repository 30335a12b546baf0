// Package lint is the engine of directivelint: it finds the files to lint
// (Discover), scans each into a File model (Scan), runs the rules over it
// (Run) and returns sorted Diagnostics for a reporter in package report.
//
// Data flows one way: paths → files → scanned model → rules → diagnostics.
// Before a file is scanned, the runner skims its bytes (skim.go) for the
// only text the rules and the module graph look at, directive-like strings
// and imports, and scans no further than that (File.Partial).
package lint
