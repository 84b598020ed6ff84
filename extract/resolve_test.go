package extract

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
)

// testCand is a bare candidate for the overlap policy.
type testCand struct {
	s     span
	order int
}

func (c testCand) where() span   { return c.s }
func (c testCand) priority() int { return c.order }

// pickByPairs is the overlap policy checked pair by pair, the way it is
// defined: pick must keep exactly what it keeps.
func pickByPairs(cands []testCand) []testCand {
	sorted := slices.Clone(cands)
	sort.SliceStable(sorted, func(i, j int) bool {
		x, y := sorted[i].s, sorted[j].s
		if x.len() != y.len() {
			return x.len() > y.len()
		}
		if sorted[i].order != sorted[j].order {
			return sorted[i].order < sorted[j].order
		}
		return x.start < y.start
	})
	var kept []testCand
	for _, c := range sorted {
		if !slices.ContainsFunc(kept, func(k testCand) bool { return k.s.overlaps(c.s) }) {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].s.start < kept[j].s.start })
	return kept
}

func TestPick(t *testing.T) {
	tests := []struct {
		name  string
		cands []testCand
		want  []testCand
	}{
		{"longest wins", []testCand{{span{0, 2}, 0}, {span{1, 4}, 1}}, []testCand{{span{1, 4}, 1}}},
		{"rule order breaks a tie", []testCand{{span{0, 2}, 1}, {span{1, 3}, 0}}, []testCand{{span{1, 3}, 0}}},
		{"leftmost breaks the rest", []testCand{{span{1, 3}, 0}, {span{0, 2}, 0}}, []testCand{{span{0, 2}, 0}}},
		{"neighbours both stay", []testCand{{span{2, 4}, 0}, {span{0, 2}, 0}}, []testCand{{span{0, 2}, 0}, {span{2, 4}, 0}}},
		{"an empty span inside loses", []testCand{{span{0, 3}, 0}, {span{1, 1}, 0}}, []testCand{{span{0, 3}, 0}}},
		{"an empty span at an edge stays", []testCand{{span{0, 3}, 0}, {span{3, 3}, 0}}, []testCand{{span{0, 3}, 0}, {span{3, 3}, 0}}},
		{"spans at one start keep the policy's order", []testCand{{span{3, 3}, 1}, {span{3, 5}, 0}, {span{3, 3}, 0}},
			[]testCand{{span{3, 5}, 0}, {span{3, 3}, 0}, {span{3, 3}, 1}}},
		{"given in the policy's order", []testCand{{span{0, 3}, 0}, {span{5, 8}, 0}, {span{4, 6}, 1}},
			[]testCand{{span{0, 3}, 0}, {span{5, 8}, 0}}},
		{"given in text order", []testCand{{span{0, 2}, 0}, {span{2, 4}, 0}, {span{6, 8}, 1}},
			[]testCand{{span{0, 2}, 0}, {span{2, 4}, 0}, {span{6, 8}, 1}}},
	}
	for _, tt := range tests {
		if got := pick(tt.cands); !slices.Equal(got, tt.want) {
			t.Errorf("%s: pick = %v, want %v", tt.name, got, tt.want)
		}
	}
	// Random sets, against the pairwise definition.
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		cands := make([]testCand, r.IntN(12))
		for i := range cands {
			start := r.IntN(20)
			cands[i] = testCand{span{start, start + r.IntN(5)}, r.IntN(3)}
		}
		before := slices.Clone(cands)
		if got, want := pick(cands), pickByPairs(cands); !slices.Equal(got, want) {
			t.Fatalf("pick(%v) = %v, want %v", cands, got, want)
		}
		if !slices.Equal(cands, before) {
			t.Fatalf("pick changed its input %v to %v", before, cands)
		}
	}
}

// TestMentionListsInOrder checks, after every stage on every golden
// article, what firstFrom, startingIn and holding rely on: each list of
// kept mentions is in text order and no two of its mentions overlap.
func TestMentionListsInOrder(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatal("no golden articles", err)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := newAnalysis(context.Background(), x, string(raw))
		for _, st := range stages {
			a.runPhase(context.Background(), st.phase, st.apply)
			st.after(a)
			for name, list := range map[string][]span{
				"orgs": spansOf(a.orgs), "dates": spansOf(a.dates), "places": spansOf(a.places),
				"titles": spansOf(a.titles), "people": spansOf(a.people),
			} {
				for i := 1; i < len(list); i++ {
					if list[i-1].end > list[i].start {
						t.Errorf("%s after %s: %s %v then %v", filepath.Base(f), st.phase, name, list[i-1], list[i])
					}
				}
			}
		}
	}
}

func spansOf[T candidate](list []T) []span {
	out := make([]span, len(list))
	for i, m := range list {
		out[i] = m.where()
	}
	return out
}

func TestPickScratchBits2(t *testing.T) {
	// One scratch for all sizes, larger before smaller: sets handed out
	// again must come back empty.
	var sc pickScratch
	for _, n := range []int{200, 1, 65, 0, 64, 63} {
		first, second := sc.bits2(n)
		for i := range n {
			if first.has(i) || second.has(i) {
				t.Fatalf("n=%d: token %d set before any set", n, i)
			}
		}
		for i := range n {
			first.set(i)
		}
		for i := range n {
			if !first.has(i) || second.has(i) {
				t.Fatalf("n=%d: token %d: first %v, second %v, want true, false", n, i, first.has(i), second.has(i))
			}
			second.set(i)
		}
	}
}

func TestSlab(t *testing.T) {
	var s slab[span]
	for round := range 3 {
		n := []int{slabChunk*2 + 5, 3, slabChunk}[round]
		var got []*span
		for i := range n {
			got = append(got, s.new(span{i, i + round}))
		}
		for i, p := range got {
			if *p != (span{i, i + round}) {
				t.Fatalf("round %d: value %d is %v, want %v", round, i, *p, span{i, i + round})
			}
		}
		s.reset()
		for i, p := range got {
			if *p != (span{}) {
				t.Fatalf("round %d: value %d is %v after reset, want zero", round, i, *p)
			}
		}
	}
	if len(s.chunks) != 3 {
		t.Errorf("%d chunks, want the 3 of the first round reused", len(s.chunks))
	}
}

// BenchmarkPick runs the overlap policy on a list the size of a long
// article's candidates, overlapping as rule matches do.
func BenchmarkPick(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	cands := make([]testCand, 300)
	for i := range cands {
		start := r.IntN(1500)
		cands[i] = testCand{span{start, start + 1 + r.IntN(6)}, r.IntN(40)}
	}
	b.ReportAllocs()
	for b.Loop() {
		pick(cands)
	}
}

func TestMentionSlabsReset(t *testing.T) {
	var m mentionSlabs
	m.orgs.new(orgMention{rule: "o"})
	m.orgEntities.new(orgEntity{id: "e"})
	m.dates.new(dateMention{rule: "d"})
	m.places.new(placeMention{rule: "p"})
	m.relations.new(relationMention{rule: "r"})
	m.reset()
	for name, used := range map[string]int{"orgs": m.orgs.used, "orgEntities": m.orgEntities.used, "dates": m.dates.used, "places": m.places.used, "relations": m.relations.used} {
		if used != 0 {
			t.Errorf("%s: %d values still in use after reset, want 0", name, used)
		}
	}
}
