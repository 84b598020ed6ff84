package extract

import (
	"context"
	"testing"
)

// BenchmarkPeopleStage measures the people stage alone over the golden
// articles: resolvePeople after the people rules ran, then the people of
// the Document. Everything before it runs with the timer stopped.
func BenchmarkPeopleStage(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	texts, size := goldenArticles(b)
	// upToPeople is an analysis with every phase before resolvePeople done,
	// and the IDs of its organisations, which titles name, given.
	upToPeople := func(text string) *analysis {
		a := newAnalysis(context.Background(), x, text)
		for _, st := range stages {
			a.runPhase(context.Background(), st.phase, st.apply)
			if st.phase == "people" {
				break
			}
			st.after(a)
		}
		a.buildOrganisations(&Document{})
		return a
	}
	b.SetBytes(size)
	b.ReportAllocs()
	analyses := make([]*analysis, len(texts))
	for b.Loop() {
		b.StopTimer()
		for i, t := range texts {
			analyses[i] = upToPeople(t)
		}
		b.StartTimer()
		for _, a := range analyses {
			a.resolvePeople()
			a.buildPeople(&Document{})
		}
		b.StopTimer()
		for _, a := range analyses {
			a.release()
		}
		b.StartTimer()
	}
}
