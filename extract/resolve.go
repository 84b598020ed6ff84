package extract

import (
	"slices"
	"sort"
)

// candidate is what the overlap policy needs to know of a mention.
type candidate interface {
	where() span
	priority() int // the rule's position: lower comes first
}

// pick is the one overlap policy of the engine: among candidates of one kind
// that overlap, keep the longest, then the one whose rule comes first, then
// the leftmost. The survivors come back in text order.
func pick[T candidate](cands []T) []T {
	sorted := slices.Clone(cands)
	slices.SortStableFunc(sorted, func(a, b T) int {
		x, y := a.where(), b.where()
		if x.len() != y.len() {
			return y.len() - x.len()
		}
		if p, q := a.priority(), b.priority(); p != q {
			return p - q
		}
		return x.start - y.start
	})
	// held marks the tokens a kept span holds and opens the first token of
	// each, so that a clash costs the candidate's length, not the number
	// kept. Empty spans, which hold no token, are checked one by one.
	end := 0
	for _, c := range sorted {
		end = max(end, c.where().end)
	}
	held, opens := newBits2(end)
	// The survivors are kept in place: each is written at or before the
	// index it was read from.
	kept := sorted[:0]
	var emptyKept []int // positions of kept empty spans
	for _, c := range sorted {
		w := c.where()
		clash := false
		if w.empty() {
			// An empty span at p lies inside a span holding p-1 and p.
			p := w.start
			clash = p > 0 && p < end && held.has(p-1) && held.has(p) && !opens.has(p)
		} else {
			for i := max(w.start, 0); i < w.end && !clash; i++ {
				clash = held.has(i)
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
		opens.set(max(w.start, 0))
		for i := max(w.start, 0); i < w.end; i++ {
			held.set(i)
		}
	}
	slices.SortStableFunc(kept, func(a, b T) int { return a.where().start - b.where().start })
	return kept
}

// bits is a set of token indices.
type bits []uint64

func newBits(n int) bits      { return make(bits, (n+63)/64) }
func (b bits) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }
func (b bits) set(i int)      { b[i/64] |= 1 << (i % 64) }

// newBits2 returns two sets of n token indices, allocated as one.
func newBits2(n int) (bits, bits) {
	w := (n + 63) / 64
	b := make(bits, 2*w)
	return b[:w:w], b[w:]
}

// The mention lists the stages keep (a.orgs, a.dates, a.places, a.titles,
// a.people) are in text order and do not overlap, so the mentions near a
// span are found by binary search: a long document must not cost a scan of
// every mention for every sentence (TestMentionListsInOrder checks the
// order these helpers rely on).

// firstFrom returns the index of the first mention that starts at or
// after token pos.
func firstFrom[T candidate](list []T, pos int) int {
	return sort.Search(len(list), func(i int) bool { return list[i].where().start >= pos })
}

// startingIn returns the mentions that start inside s or at its end.
func startingIn[T candidate](list []T, s span) []T {
	return list[firstFrom(list, s.start):firstFrom(list, s.end+1)]
}

// holding returns the mention that holds token pos, if one does.
func holding[T candidate](list []T, pos int) (T, bool) {
	var none T
	i := firstFrom(list, pos+1) - 1
	if i < 0 || !list[i].where().covers(pos) {
		return none, false
	}
	return list[i], true
}

// slab hands out pointers to values of T from chunks that outlive one
// document, kept in the scratch pool: a stage that makes hundreds of small
// structs per article then spares the allocator and the garbage collector
// most of them. The pointers are valid until reset.
type slab[T any] struct {
	chunks [][]T
	used   int // how many values the chunks hold
}

// slabChunk is how many values one chunk of a slab holds.
const slabChunk = 64

// new returns a pointer to a copy of v.
func (s *slab[T]) new(v T) *T {
	c := s.used / slabChunk
	if c == len(s.chunks) {
		s.chunks = append(s.chunks, make([]T, slabChunk))
	}
	p := &s.chunks[c][s.used%slabChunk]
	*p = v
	s.used++
	return p
}

// reset makes every value handed out available again, zeroed, so that the
// chunks keep nothing of the last document alive.
func (s *slab[T]) reset() {
	for c := 0; c*slabChunk < s.used; c++ {
		clear(s.chunks[c])
	}
	s.used = 0
}
