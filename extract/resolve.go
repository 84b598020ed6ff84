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
	var kept []T
	for _, c := range sorted {
		clash := false
		for _, k := range kept {
			if k.where().overlaps(c.where()) {
				clash = true
				break
			}
		}
		if !clash {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].where().start < kept[j].where().start })
	return kept
}
