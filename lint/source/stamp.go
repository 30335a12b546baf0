package source

// Stamp is what the file system says of a file without reading it: its
// size, its modification and change times and its identity. Two equal
// stamps mean the file was not written in between, except within the
// resolution of the clock (see Racy); a cache compares them, as git's
// index does.
type Stamp struct {
	Size int64
	// ModTime and ChangeTime are in nanoseconds since the Unix epoch; a
	// file system without a change time repeats ModTime.
	ModTime, ChangeTime int64
	// Inode and Device identify the file; 0 where the system has none.
	Inode, Device uint64
}

// Racy reports whether a change to the file could have left its stamp
// unchanged when it is compared with a stamp taken at the time before
// (nanoseconds since the epoch): its modification or change time is not
// safely older than that. Coarse file system clocks tick once a second or
// once every two; the margin covers both.
func (s Stamp) Racy(before int64) bool {
	const margin = 3e9 // nanoseconds
	return s.ModTime >= before-margin || s.ChangeTime >= before-margin
}

// EntryKind is what a path names, for EntryStamp.
type EntryKind uint8

// The kinds of entry EntryStamp tells apart.
const (
	Missing   EntryKind = iota // nothing, or nothing that can be stat'ed
	File                       // a regular file
	Directory                  // a directory
	Special                    // anything else: a device, a pipe, a socket
)

// StampOf returns the stamp of the regular file at path, after symbolic
// links; ok is false when there is none, or it is no regular file. It makes
// one system call and, on Linux and macOS, no allocation: a run with a
// cache stamps every file.
func StampOf(path string) (s Stamp, ok bool) {
	s, kind := EntryStamp(path)
	if kind != File {
		return Stamp{}, false
	}
	return s, true
}
