package graph

import (
	"fmt"
	"slices"
	"testing"
)

// TestChainEnds checks ClientChainEnds against ClientChain on a line of
// modules, for every length and cut.
func TestChainEnds(t *testing.T) {
	var mods []*Module
	for i := range 120 {
		m := &Module{Path: fmt.Sprintf("m%d.ts", i)}
		if i > 0 {
			m.clientVia = link{from: mods[i-1], imp: i}
		}
		mods = append(mods, m)
	}
	for _, m := range mods {
		full := chain(m, func(x *Module) link { return x.clientVia })
		for n := range 17 {
			head, tail, omitted := m.ClientChainEnds(n)
			if len(full) <= 2*n {
				if !slices.Equal(head, full) || tail != nil || omitted != 0 {
					t.Errorf("%s, n=%d: got %v %v %d, want the whole chain %v", m.Path, n, head, tail, omitted, full)
				}
				continue
			}
			if !slices.Equal(head, full[:n]) || !slices.Equal(tail, full[len(full)-n:]) || omitted != len(full)-2*n {
				t.Errorf("%s, n=%d: got %v %v %d, want the ends of %v", m.Path, n, head, tail, omitted, full)
			}
		}
	}
	cut := MaxChainSteps
	for _, m := range mods {
		full := chain(m, func(x *Module) link { return x.clientVia })
		got := m.ClientChain()
		if len(full) <= cut {
			if !slices.Equal(got, full) {
				t.Errorf("%s: ClientChain = %v, want %v", m.Path, got, full)
			}
			continue
		}
		if len(got) != cut || got[cut/2-1].Skipped != len(full)-cut || got[0] != full[0] || got[cut-1] != full[len(full)-1] {
			t.Errorf("%s: ClientChain = %v, want the ends of %v", m.Path, got, full)
		}
	}
	if got, want := ChainText(mods[29].ClientChain(), mods[29]), "m0.ts → m1.ts → m2.ts → m3.ts → m4.ts → … 19 more → m24.ts → m25.ts → m26.ts → m27.ts → m28.ts → m29.ts"; got != want {
		t.Errorf("ChainText = %q, want %q", got, want)
	}
	if got, want := ChainText(mods[3].ClientChain(), mods[3]), "m0.ts → m1.ts → m2.ts → m3.ts"; got != want {
		t.Errorf("ChainText = %q, want %q", got, want)
	}
}
