package lint

import (
	"testing"

	"github.com/directivelint/directivelint/internal/corpus"
)

// BenchmarkMayHoldSuppression measures the byte search that every file
// goes through to tell whether it may hold a suppression comment (ours,
// ESLint's or Biome's), over generated files, some with eslint-disable
// comments naming other rules.
func BenchmarkMayHoldSuppression(b *testing.B) {
	names := newSuppressionNames([]*Rule{{ID: "async-client-component", Aliases: []string{"@next/next/no-async-client-component", "noNextAsyncClientComponent"}}})
	benchSources(b, func(src []byte) bool { return names.mayHold(src) })
}

func benchSources(b *testing.B, fn func([]byte) bool) {
	files := corpus.Generate(500, 1)
	var total int64
	for i := range files {
		if i%7 == 0 {
			files[i].Source = append([]byte("// eslint-disable-next-line no-console\n"), files[i].Source...)
		}
		total += int64(len(files[i].Source))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, f := range files {
			fn(f.Source)
		}
	}
}
