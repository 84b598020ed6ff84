package extract

import (
	"context"
	"testing"
)

// analysedCorpus runs every stage over the golden articles and returns
// their analyses, ready for document(), with the corpus size.
func analysedCorpus(b *testing.B) ([]*analysis, int64) {
	b.Helper()
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	texts, size := goldenArticles(b)
	var out []*analysis
	for _, text := range texts {
		a := newAnalysis(context.Background(), x, text)
		for _, st := range stages {
			a.runPhase(context.Background(), st.phase, st.apply)
			st.after(a)
		}
		out = append(out, a)
	}
	return out, size
}

// BenchmarkDocument measures document() alone over the golden articles:
// the typed entities, their mentions and the relations.
func BenchmarkDocument(b *testing.B) {
	as, n := analysedCorpus(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			a.document()
		}
	}
}

// BenchmarkResolveOrganisations measures the overlap policy, the learned
// acronyms and the grouping into organisations over the golden articles.
func BenchmarkResolveOrganisations(b *testing.B) {
	as, n := analysedCorpus(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			// Undo the last run: the bare acronyms and the organisations.
			clear(a.acronyms)
			a.orgEntities = nil
			for _, o := range a.orgCands {
				o.entity, o.kept = nil, false
			}
			a.resolveOrganisations()
		}
	}
}

// BenchmarkResolveRelations measures putting the relations in text order
// and giving them their dates and places over the golden articles.
func BenchmarkResolveRelations(b *testing.B) {
	as, n := analysedCorpus(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			a.resolveRelations()
		}
	}
}
