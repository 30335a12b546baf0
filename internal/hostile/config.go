//go:build unix

package hostile

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// configGlobShapes are the shapes of the globs of the config cases, one
// for each way the index finds a glob: a name, a name's start, its end, a
// directory, a word anywhere, an extension among alternatives.
var configGlobShapes = []string{"qN", "qN*", "*qN", "qN/", "*xN*", "*.{tN,b}"}

// configCases are directivelint.json files that made each linted file
// cost work for every glob, or every config file, they hold: minutes (or,
// for extends, memory without bound) before the globs were indexed, the
// layers of a chain kept once and a path cut after each config file's
// directory without cleaning it again. A test that times out says one
// came back.
func configCases() []Case {
	const mib = 1 << 20
	return []Case{
		// 48,000 ignore globs, none of which matches, and 4,000 files 25
		// directories deep: each file, and each directory above it, was
		// matched against every glob (over 4 minutes).
		{Name: "config-ignore-globs", MaxHeap: 64 * mib, Files: configGlobs(48000, 4000, func(globs []string) any {
			return map[string]any{"ignore": globs}
		})},
		// 800 overrides of 100 globs each and 4,000 files 25 directories
		// deep: each file was matched against every glob (a minute and a
		// half).
		{Name: "config-override-globs", MaxHeap: 96 * mib, Files: configGlobs(80000, 4000, func(globs []string) any {
			overrides := make([]any, 0, len(globs)/100)
			for g := range slices.Chunk(globs, 100) {
				overrides = append(overrides, map[string]any{"files": g})
			}
			return map[string]any{"overrides": overrides}
		})},
		// Three files that each extend the next 1,000 times: the chain had
		// a billion layers (2.4 GB in the first minute).
		{Name: "config-extends-wide", MaxHeap: 16 * mib, Files: configExtends(3, 1000, 1000)},
		// 350 nested directories with a config file each and 1,000 files
		// in the deepest: each file was matched with the globs of each
		// config file, for each directory above it (minutes).
		{Name: "config-nested", MaxHeap: 16 * mib, Files: configNested(350, 1000)},
	}
}

// configGlobs returns n globs of configGlobShapes in config (as JSON) and
// files TypeScript files, deep, that none matches.
func configGlobs(n, files int, config func([]string) any) map[string]string {
	globs := make([]string, n)
	for i := range globs {
		globs[i] = strings.ReplaceAll(configGlobShapes[i%len(configGlobShapes)], "N", fmt.Sprint(i))
	}
	data, err := json.Marshal(config(globs))
	if err != nil {
		panic(err)
	}
	out := map[string]string{"directivelint.json": string(data), "package.json": `{"name":"x"}`}
	for i := range files {
		out[fmt.Sprintf("src/%sf%d.ts", strings.Repeat("d/", 24), i)] = "export const a = 1;\n"
	}
	return out
}

// configExtends returns a directivelint.json and depth files, each
// extending the next width times (the last an ignore glob and an
// override), and files TypeScript files.
func configExtends(depth, width, files int) map[string]string {
	out := map[string]string{"package.json": `{"name":"x"}`}
	name := "directivelint.json"
	for i := range depth {
		next := fmt.Sprintf("e%d.json", i)
		out[name] = `{"extends": [` + strings.TrimSuffix(strings.Repeat(`"./`+next+`", `, width), ", ") + `]}`
		name = next
	}
	out[name] = `{"ignore": ["zz"], "overrides": [{"files": ["zz"], "rules": {}}]}`
	for i := range files {
		out[fmt.Sprintf("src/f%d.ts", i)] = "export const a = 1;\n"
	}
	return out
}

// configNested returns depth nested directories, each with a config file
// that ignores and overrides a name, and files TypeScript files in the
// deepest.
func configNested(depth, files int) map[string]string {
	out := map[string]string{"package.json": `{"name":"x"}`}
	dir := ""
	for range depth {
		out[dir+"directivelint.json"] = `{"ignore": ["zz"], "overrides": [{"files": ["zz"], "rules": {}}]}`
		dir += "d/"
	}
	for i := range files {
		out[fmt.Sprintf("%sf%d.ts", dir, i)] = "export const a = 1;\n"
	}
	return out
}
