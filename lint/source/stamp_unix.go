//go:build linux || darwin

package source

import "syscall"

// EntryStamp returns the stamp of whatever path names, after symbolic
// links, and what kind of entry it is; a directory's stamp changes when an
// entry is added to it, removed or renamed.
func EntryStamp(path string) (Stamp, EntryKind) {
	var st syscall.Stat_t
	for {
		err := syscall.Stat(path, &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return Stamp{}, Missing
		}
		kind := Special
		switch st.Mode & syscall.S_IFMT {
		case syscall.S_IFREG:
			kind = File
		case syscall.S_IFDIR:
			kind = Directory
		}
		return stampOf(&st), kind
	}
}

// stampOf turns a stat result into a Stamp.
func stampOf(st *syscall.Stat_t) Stamp {
	mtim, ctim := statTimes(st)
	return Stamp{
		Size:    st.Size,
		ModTime: mtim.Nano(), ChangeTime: ctim.Nano(),
		Inode: st.Ino, Device: uint64(st.Dev),
	}
}
