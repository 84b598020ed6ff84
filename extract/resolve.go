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
	// owner[t] is 1 + the index in kept of the span covering token t, 0 if
	// none: kept spans never overlap, so a candidate clashes exactly when
	// one of its tokens is owned, and an empty candidate when it falls
	// inside one kept span. Comparing each candidate with every kept one
	// instead made long documents quadratic.
	end := 0
	for _, c := range cands {
		end = max(end, c.where().end)
	}
	owner := make([]int, end+1)
	var kept []T
	for _, c := range sorted {
		w := c.where()
		clash := false
		if w.empty() {
			clash = w.start > 0 && owner[w.start] != 0 && owner[w.start] == owner[w.start-1]
		}
		for t := w.start; t < w.end && !clash; t++ {
			clash = owner[t] != 0
		}
		if clash {
			continue
		}
		kept = append(kept, c)
		for t := w.start; t < w.end; t++ {
			owner[t] = len(kept)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].where().start < kept[j].where().start })
	return kept
}
