package lint

import "github.com/directivelint/directivelint/lint/source"

// ReadProjectFile reads a project or configuration file the way every file
// directivelint opens is read: a regular file only (a link to /dev/zero or
// a named pipe fails at once), up to source.MaxProjectFileSize. It is here
// for lint/config, which may use the engine but not lint/source.
func ReadProjectFile(path string) ([]byte, error) {
	return source.ReadProjectFile(path)
}
