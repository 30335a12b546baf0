package discover

import "os"

// Stdin is the target for standard input linted as the file name:
// its language comes from the name's extension (JavaScript when unknown)
// and it is shown as the name relative to the working directory. The
// content is passed in Options.Sources under the target's Path.
func Stdin(name string) Target {
	d := &discovery{}
	if wd, err := os.Getwd(); err == nil {
		d.wd = wd
	}
	return Target{Path: name, Display: d.display(name), Lang: ExplicitLang(name)}
}
