//go:build !linux && !darwin

package source

import "os"

// StampOf returns the stamp of the regular file at path, after symbolic
// links; ok is false when there is none, or it is no regular file. This
// system gives no change time or identity through os.FileInfo: the stamp
// holds the size and the modification time.
func StampOf(path string) (s Stamp, ok bool) {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return Stamp{}, false
	}
	return stampOfInfo(info), true
}

// EntryStamp returns the stamp of whatever path names, after symbolic
// links, and what kind of entry it is.
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
