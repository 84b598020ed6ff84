package extract

import (
	"slices"
	"sort"
	"sync"
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
	sc := pickPool.Get().(*pickScratch)
	defer pickPool.Put(sc)
	// Each candidate's span and priority are asked once, not at every
	// comparison of the sort.
	order := sc.order[:0]
	end := 0
	for i, c := range cands {
		w := c.where()
		order = append(order, ranked{w, c.priority(), i})
		end = max(end, w.end)
	}
	sc.order = order
	sortUnlessSorted(order, ranked.compare)
	// held marks the tokens a kept span holds and opens the first token of
	// each, so that a clash costs the candidate's length, not the number
	// kept. Empty spans, which hold no token, are checked one by one.
	held, opens := sc.bits2(end)
	// The survivors are kept in place: each is written at or before the
	// index it was read from.
	kept := order[:0]
	emptyKept := sc.emptyKept[:0] // positions of kept empty spans
	for _, r := range order {
		w := r.span
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
		kept = append(kept, r)
		if w.empty() {
			emptyKept = append(emptyKept, w.start)
			continue
		}
		opens.set(max(w.start, 0))
		for i := max(w.start, 0); i < w.end; i++ {
			held.set(i)
		}
	}
	sc.emptyKept = emptyKept
	// Text order. Spans kept at one start (an empty span and the span that
	// starts where it stands) stay in the policy's order.
	sortUnlessSorted(kept, ranked.compareByStart)
	out := make([]T, len(kept))
	for i, r := range kept {
		out[i] = cands[r.index]
	}
	return out
}

// ranked is what pick sorts a candidate by, asked of it once.
type ranked struct {
	span     span
	priority int
	index    int // the candidate's position in the list given to pick
}

// compare orders candidates as the overlap policy considers them: longest
// first, then by rule, then leftmost, then as they were given (which makes
// the unstable sort stable).
func (x ranked) compare(y ranked) int {
	if x.span.len() != y.span.len() {
		return y.span.len() - x.span.len()
	}
	if x.priority != y.priority {
		return x.priority - y.priority
	}
	if x.span.start != y.span.start {
		return x.span.start - y.span.start
	}
	return x.index - y.index
}

// compareByStart orders candidates by where they start, then as compare
// does.
func (x ranked) compareByStart(y ranked) int {
	if x.span.start != y.span.start {
		return x.span.start - y.span.start
	}
	return x.compare(y)
}

// sortUnlessSorted sorts list by cmp, after one pass that checks whether it
// already is: about one list in five that pick sorts already is (one rule's
// candidates, survivors of one length in text order), and that pass costs
// far less than the sort.
func sortUnlessSorted[T any](list []T, cmp func(T, T) int) {
	if !slices.IsSortedFunc(list, cmp) {
		slices.SortFunc(list, cmp)
	}
}

// pickScratch is the working memory of one pick call. pick runs five times
// per document, on lists of up to hundreds, for documents extracted
// concurrently: pooling its memory leaves the result as its one allocation.
type pickScratch struct {
	order     []ranked
	bits      bits
	emptyKept []int
}

var pickPool = sync.Pool{New: func() any { return new(pickScratch) }}

// bits2 returns two cleared sets of n token indices, in the scratch's
// reused storage.
func (sc *pickScratch) bits2(n int) (bits, bits) {
	w := (n + 63) / 64
	if cap(sc.bits) < 2*w {
		sc.bits = make(bits, 2*w)
	}
	b := sc.bits[:2*w]
	clear(b)
	return b[:w:w], b[w:]
}

// bits is a set of token indices.
type bits []uint64

func newBits(n int) bits      { return make(bits, (n+63)/64) }
func (b bits) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }
func (b bits) set(i int)      { b[i/64] |= 1 << (i % 64) }

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

// mentionSlabs are where the organisation, date, place and relation stages
// make their mentions, and the organisations stage its entities (the people
// stage has its own in peopleScratch): no Document points to them, so they
// can live in the scratch pool.
type mentionSlabs struct {
	orgs        slab[orgMention]
	orgEntities slab[orgEntity]
	dates       slab[dateMention]
	places      slab[placeMention]
	relations   slab[relationMention]

	// The lists that an analysis grows of what the slabs hold, for their
	// backing arrays to serve the next document (see newAnalysis and
	// release): they point only into the slabs.
	lists mentionLists
}

// mentionLists are the lists of an analysis that point into mentionSlabs.
type mentionLists struct {
	orgCands    []*orgMention
	dateCands   []*dateMention
	placeCands  []*placeMention
	relations   []*relationMention
	orgEntities []*orgEntity
}

// reset readies the slabs for the next document.
func (m *mentionSlabs) reset() {
	m.orgs.reset()
	m.orgEntities.reset()
	m.dates.reset()
	m.places.reset()
	m.relations.reset()
}
