package lint

import "os"

// StdinTarget is the target for standard input linted as the file name:
// its language comes from the name's extension (JavaScript when unknown)
// and it is shown as the name relative to the working directory. The
// content is passed in Options.Sources under the target's Path.
func StdinTarget(name string) Target {
	d := &discovery{}
	if wd, err := os.Getwd(); err == nil {
		d.wd = wd
	}
	return Target{Path: name, Display: d.display(name), Lang: explicitLang(name)}
}
