package main

import "os"

// scanWholeEnv reports whether DIRECTIVELINT_SCAN_WHOLE asks for every file
// to be scanned whole (1 or true), so that every place where the scanner
// loses track of the code is reported: by default a file is scanned only
// as far as the rules need (js.File.Partial), and a problem after that
// point goes unseen.
func scanWholeEnv() bool {
	switch os.Getenv("DIRECTIVELINT_SCAN_WHOLE") {
	case "1", "true":
		return true
	}
	return false
}
