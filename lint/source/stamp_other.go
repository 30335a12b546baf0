//go:build !linux && !darwin

package source

import "os"

// EntryStamp returns the stamp of whatever path names, after symbolic
// links, and what kind of entry it is. This system gives no change time or
// identity through os.FileInfo: the stamp holds the size and the
// modification time.
func EntryStamp(path string) (Stamp, EntryKind) {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return Stamp{}, Missing
	case info.Mode().IsRegular():
		return stampOfInfo(info), File
	case info.IsDir():
		return stampOfInfo(info), Directory
	}
	return stampOfInfo(info), Special
}

// stampOfInfo turns a FileInfo into a Stamp.
func stampOfInfo(info os.FileInfo) Stamp {
	t := info.ModTime().UnixNano()
	return Stamp{Size: info.Size(), ModTime: t, ChangeTime: t}
}
