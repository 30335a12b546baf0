package discover

import "os"

// Stdin is the target for standard input linted as the file name:
// its language comes from the name's extension (JavaScript when unknown)
// and it is shown as the name relative to the working directory. The
// content is passed in Options.Sources under the target's Path.
func Stdin(name string) Target {
	return Target{Path: name, Display: DisplayPath(name), Lang: ExplicitLang(name)}
}

// DisplayPath returns the path p as it is shown to the user, as the
// targets' Display: relative to the working directory when it is under it.
func DisplayPath(p string) string {
	d := &discovery{}
	if wd, err := os.Getwd(); err == nil {
		d.wd = wd
	}
	return d.display(p)
}
