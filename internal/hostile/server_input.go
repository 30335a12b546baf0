//go:build unix

package hostile

import "strings"

// strictConfig turns on the strict preset, where unvalidated-server-input
// runs.
const strictConfig = `{ "preset": "strict" }`

// serverInputCases are shapes on which unvalidated-server-input took a
// square of the file's size (minutes to hours at these sizes) before each
// search it repeated became one pass: a test that times out says one came
// back.
func serverInputCases() []Case {
	const mib = 1 << 20
	return []Case{
		// 200,000 arrows with block bodies nested in a Server Function:
		// each lexed 64 KB after its parameters to look for an
		// expression body.
		{Name: "server-input-arrows", MaxHeap: 96 * mib, Files: map[string]string{
			"directivelint.json": strictConfig,
			"a.ts":               "export async function f(a){ 'use server';\n" + strings.Repeat("()=>{};\n", 200000) + "}\n",
		}},
		// 6,000 Server Functions nested in one another around 300,000
		// statements: each tokenized its whole body again.
		{Name: "server-input-nested", MaxHeap: 96 * mib, Files: map[string]string{
			"directivelint.json": strictConfig,
			"a.ts": strings.Repeat("async function f(a){ 'use server'; g(a);\n", 6000) +
				strings.Repeat("x;\n", 300000) + strings.Repeat("}", 6000) + "\n",
		}},
		// 200,000 uses of a validated parameter after 2,000 nested
		// functions that each bind its name 100 times: each use looked
		// through every binding.
		{Name: "server-input-shadowed", MaxHeap: 160 * mib, Files: map[string]string{
			"directivelint.json": strictConfig,
			"a.ts": "export async function f(a){ 'use server'; parse(a);\n" +
				strings.Repeat("(function("+strings.Repeat("a,", 100)+"){});\n", 2000) +
				"g(" + strings.Repeat("a,", 200000) + ");\n}\n",
		}},
	}
}
