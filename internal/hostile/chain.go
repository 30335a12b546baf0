package hostile

import "fmt"

// ChainFiles returns a project of n modules in a cycle, the first a
// "use client" module, each importing the next and server-only: every
// module is client code through a chain as long as its place in the
// cycle, and each import of server-only is reported with that chain.
func ChainFiles(n int) map[string]string {
	files := map[string]string{}
	for i := range n {
		text := fmt.Sprintf("import './m%05d';\nimport 'server-only';\nexport const x%d = %d;\n", (i+1)%n, i, i)
		if i == 0 {
			text = "'use client';\n" + text
		}
		files[fmt.Sprintf("m%05d.ts", i)] = text
	}
	return files
}
