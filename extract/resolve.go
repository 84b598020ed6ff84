package extract

import "sort"

// candidate is what the overlap policy needs to know of a mention.
type candidate interface {
	where() span
	priority() int // the rule's position: lower comes first
}

// pick is the one overlap policy of the engine: among candidates of one kind
// that overlap, keep the longest, then the one whose rule comes first, then
// the leftmost. The survivors come back in text order.
func pick[T candidate](cands []T) []T {
	sorted := append([]T(nil), cands...)
	sort.SliceStable(sorted, func(i, j int) bool {
		x, y := sorted[i].where(), sorted[j].where()
		if x.len() != y.len() {
			return x.len() > y.len()
		}
		if p, q := sorted[i].priority(), sorted[j].priority(); p != q {
			return p < q
		}
		return x.start < y.start
	})
	// owner[i] is 1 + the index in kept of the span holding token i, so
	// that a clash costs the candidate's length, not the number kept.
	// Empty spans, which hold no token, are checked one by one.
	var kept []T
	var owner []int
	var emptyKept []int // positions of kept empty spans
	for _, c := range sorted {
		w := c.where()
		if w.end > len(owner) {
			owner = append(owner, make([]int, w.end-len(owner))...)
		}
		clash := false
		if w.empty() {
			// An empty span at p lies inside a span holding p-1 and p.
			p := w.start
			clash = p > 0 && p < len(owner) && owner[p-1] != 0 && owner[p-1] == owner[p]
		} else {
			for i := max(w.start, 0); i < w.end && !clash; i++ {
				clash = owner[i] != 0
			}
			for _, p := range emptyKept {
				clash = clash || w.start < p && p < w.end
			}
		}
		if clash {
			continue
		}
		kept = append(kept, c)
		if w.empty() {
			emptyKept = append(emptyKept, w.start)
			continue
		}
		for i := max(w.start, 0); i < w.end; i++ {
			owner[i] = len(kept)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].where().start < kept[j].where().start })
	return kept
}
