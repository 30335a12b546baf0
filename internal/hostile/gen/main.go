//go:build unix

// Command gen writes the hostile fixture set (see package hostile) to the
// directory named by its argument, one directory a case.
package main

import (
	"fmt"
	"os"

	"github.com/directivelint/directivelint/internal/hostile"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen DIR")
		os.Exit(2)
	}
	for _, c := range hostile.Cases() {
		if err := hostile.Write(os.Args[1], c); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
