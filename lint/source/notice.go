package source

import (
	"fmt"

	"github.com/directivelint/directivelint/lint/js"
)

// Notice is a message about a file that could not be checked, or not
// checked completely. Notices are not diagnostics: they do not change the
// exit status.
type Notice struct {
	// Path is the file as shown to the user.
	Path string
	// Pos is where in the file the notice points; zero when it is about
	// the whole file.
	Pos js.Position
	// Text is the message.
	Text string
}

// String formats the notice as one line: "path: text" or "path:line:col: text".
func (n Notice) String() string {
	if n.Pos.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", n.Path, n.Pos.Line, n.Pos.Column, n.Text)
	}
	return n.Path + ": " + n.Text
}
