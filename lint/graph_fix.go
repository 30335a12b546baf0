package lint

import (
	"slices"

	"github.com/directivelint/directivelint/lint/discover"
	"github.com/directivelint/directivelint/lint/source"
)

// applyGraphFixes applies the fixes of graph diagnostics that the run's
// fix mode asks for, after the files' own fixes (res.Fixed): the graph was
// built from the fixed content, so the edits apply to it. It returns the
// diagnostics left, without those whose fix was applied.
func (r *runner) applyGraphFixes(res *Result, diags []Diagnostic, targets []discover.Target, supps map[string]*suppressions) []Diagnostic {
	byFile := map[string][]int{} // display path → indices into diags of fixes to apply
	for i, d := range diags {
		if r.opts.Fix.wants(d.Fix) && !supps[d.File].suppresses(d, false) {
			byFile[d.File] = append(byFile[d.File], i)
		}
	}
	if len(byFile) == 0 {
		return diags
	}
	order := make(map[string]int, len(targets)) // display path → target number
	for i, t := range targets {
		if _, ok := order[t.Display]; !ok {
			order[t.Display] = i
		}
	}
	fixed := map[int]bool{} // indices into diags
	for file, idx := range byFile {
		n, ok := order[file]
		if !ok {
			continue
		}
		ff := r.fixedFile(res, targets[n])
		if ff == nil {
			continue
		}
		var picked []TextEdit
		var applied []int
		for _, i := range idx {
			if edits := diags[i].Fix.Edits; editsFit(ff.After, edits, picked) {
				picked = append(picked, edits...)
				applied = append(applied, i)
			}
		}
		after, err := ApplyFixes(ff.After, picked)
		if err != nil {
			continue
		}
		ff.After = after
		ff.Fixes += len(applied)
		for _, i := range applied {
			fixed[i] = true
		}
	}
	slices.SortStableFunc(res.Fixed, func(a, b FixedFile) int { return order[a.Target.Display] - order[b.Target.Display] })
	kept := diags[:0]
	for i, d := range diags {
		if !fixed[i] {
			kept = append(kept, d)
		}
	}
	return kept
}

// fixedFile returns the entry of res.Fixed for t, adding one with t's
// content when its own fixes changed nothing; nil when t cannot be read.
func (r *runner) fixedFile(res *Result, t discover.Target) *FixedFile {
	for i := range res.Fixed {
		if res.Fixed[i].Target.Path == t.Path {
			return &res.Fixed[i]
		}
	}
	src, reason := r.opts.Sources[t.Path], ""
	if src == nil {
		src, reason = source.Read(t.Path, r.maxSize)
	}
	if reason != "" {
		return nil
	}
	res.Fixed = append(res.Fixed, FixedFile{Target: t, Before: src, After: src})
	return &res.Fixed[len(res.Fixed)-1]
}
