// Package lint is the engine of directivelint: it finds the files to lint
// (Discover), scans each into a File model (Scan), runs the rules over it
// (Run) and returns sorted Diagnostics for a reporter in package report.
//
// Data flows one way: paths → files → scanned model → rules → diagnostics.
package lint
