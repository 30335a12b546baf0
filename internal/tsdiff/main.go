// Command tsdiff checks directivelint's scanner (lint/js) against
// TypeScript's parser: scripts/tsdiff/tsdump.js prints, for each file, what
// TypeScript's AST says; `tsdiff dump` prints the same from js.Scan; and
// `tsdiff compare` lists every disagreement, grouped by class. It is a
// development tool, not part of the directivelint binary; run it all with
// scripts/tsdiff/run.sh DIR...
//
//	go run ./internal/tsdiff list DIR...            the files directivelint lints under DIR, one a line
//	go run ./internal/tsdiff dump -files LIST       one JSON record a file, from js.Scan (whole files)
//	go run ./internal/tsdiff compare [-known FILE] TS.jsonl GO.jsonl
//
// A record holds, per file:
//
//   - functions: every function with its Start as lint/js defines it (the
//     async or function keyword; for an arrow its async, its type
//     parameters' < or its first parameter token; a method's, getter's or
//     setter's name, its [ when computed; the constructor keyword), kind,
//     name, async, generator, static, whether it has a body, and the
//     quoted strings of its body's prologue. Functions in ambient contexts
//     (declare) are left out. Names: a function's own name, else the name
//     of what it is the value of, through parentheses, as and satisfies
//     (not through a call or an operator): a variable, parameter or
//     destructuring default, a property or class field (its key as
//     written, a string without its quotes, a number as written; "" for a
//     computed key), the last name of an assignment target (a.b = fn is
//     "b", a[k] = fn is ""), and "default" for export default.
//   - exports: each ES export name with its kind: "type" (erased: export
//     type, interface, declare, an overload signature, const enum, a
//     re-exported or listed name marked type, a listed name that is only a
//     local type or an import type), "function", "async
//     function", "class" or "other" (re-exports of other modules included),
//     a value seen through parentheses, as and satisfies. In TypeScript
//     files export = x is the default export (what a default import
//     receives); export as namespace is left out.
//   - strings: every statement that is a quoted string alone, with its
//     value, the offset of its opening quote and its place: "prologue of
//     module", "prologue of function@START", "misplaced in module" or
//     "misplaced in function@START" (the innermost function around it).
//
// Offsets are bytes. The TypeScript side also gives its parse errors, and
// the scanner side its ScanProblems: both are reported, never hidden.
//
// The mutation passes (tsdump.js --mutate) copy each file with 'use
// client' as the first statement of the module and 'use server' as the
// first statement of every function body ("prologue"), again with each
// after a `void 0;` ("misplaced"), and again with 'use server' first in
// every other block: if, loop, try, catch, bare, static and namespace
// blocks ("block"). The copies' records list the offsets of the inserted
// strings, and compare checks that the scanner puts each where TypeScript
// does (in which prologue, or misplaced in which function).
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "list":
		err = list(os.Stdout, os.Stderr, os.Args[2:])
	case "dump":
		err = dumpCommand(os.Stdout, os.Stderr, os.Args[2:])
	case "compare":
		var ok bool
		ok, err = compareCommand(os.Stdout, os.Args[2:])
		if err == nil && !ok {
			os.Exit(1)
		}
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "tsdiff:", err)
		os.Exit(2)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: tsdiff list DIR... | tsdiff dump -files LIST | tsdiff compare [-known FILE] TS.jsonl GO.jsonl")
	os.Exit(2)
}
