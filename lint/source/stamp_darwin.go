package source

import "syscall"

// statTimes returns the modification and change times of a stat result.
func statTimes(st *syscall.Stat_t) (mtim, ctim syscall.Timespec) { return st.Mtimespec, st.Ctimespec }
