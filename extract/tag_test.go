package extract

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/rules"
)

func TestBaseTags(t *testing.T) {
	g, err := gazetteer.New([]gazetteer.Entry{
		{ID: "title.minister", Type: "title", Name: "Minister"},
		{ID: "title.pm", Type: "title", Name: "Prime Minister"},
		{ID: "city.york", Type: "city", Name: "York"},
		{ID: "org.ny", Type: "organisation", Name: "New York"},
		{ID: "city.ny", Type: "city", Name: "New York"},
		{ID: "word.york", Type: "word", Name: "York Prime"}, // no class: never chosen
	})
	if err != nil {
		t.Fatal(err)
	}
	tags := []rules.Tag{{Class: "title", Tag: "T"}, {Class: "place", Tag: "P"}, {Class: "organisation", Tag: "O"}}
	tg := newTagger(tags, g.Entries())
	tests := []struct {
		text   string
		want   string
		chosen []int // -1: a shape; else the index of the match among g.Match's
	}{
		{"Prime Minister", "Tt", []int{0, 0}},
		{"the Minister, 12", "~T,1", []int{-1, 0, -1, -1}},
		// Longest first; a match inside the chosen one is left out.
		{"Prime Minister York", "TtP", []int{0, 0, 2}},
		// Same span: the class first in the tag list wins (place before
		// organisation), whatever the load order.
		{"New York", "Pp", []int{1, 1}},
		// A longer match without a class does not hide a shorter one.
		{"York Prime Minister", "PTt", []int{1, 2, 2}},
		{"Hanoi; ( 2024", "^.(4", []int{-1, -1, -1, -1}},
	}
	// The buffers of each case are reused by the next, as documents do:
	// what an earlier text left in them must not show.
	var got []byte
	var chosen []int
	for _, tt := range tests {
		toks := text.Tokenize(tt.text)
		got, chosen = tg.baseTags(toks, g.Match(toks), text.DefaultLexicon(), got, chosen)
		if string(got) != tt.want || !slices.Equal(chosen, tt.chosen) {
			t.Errorf("%q: tags %q chosen %v, want %q %v", tt.text, got, chosen, tt.want, tt.chosen)
		}
	}
}

// BenchmarkTagging times what newAnalysis does between the tokens and the
// tag string, over the golden articles: gazetteer matching, its index, and
// the base tags.
func BenchmarkTagging(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	texts, size := goldenArticles(b)
	var docs [][]text.Token
	for _, t := range texts {
		docs = append(docs, text.Tokenize(text.Clean(t, x.lexicon).Clean))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	a := &analysis{}
	for b.Loop() {
		for _, toks := range docs {
			a.toks = toks
			a.gaz = x.gaz.AppendMatch(a.gaz[:0], toks)
			a.indexGazetteer()
			a.base, a.chosen = x.tags.baseTags(toks, a.gaz, text.DefaultLexicon(), a.base, a.chosen)
		}
	}
}

// TestPaint checks that an entity layer and any other class paint the tag
// the rules give them, and that a class the rules lack paints nothing.
func TestPaint(t *testing.T) {
	tg := newTagger([]rules.Tag{{Class: classPerson, Tag: "P"}, {Class: classDate, Tag: "D"}, {Class: "honorific", Tag: "H"}}, nil)
	tests := []struct {
		class string
		want  string
	}{
		{classPerson, "~Pp~"},
		{classDate, "~Dd~"},
		{"honorific", "~Hh~"},
		{classTitle, "~~~~"}, // a layer the rules do not tag
		{"unknown", "~~~~"},
	}
	for _, tt := range tests {
		tags := []byte("~~~~")
		tg.paint(tags, 1, 3, tt.class)
		if string(tags) != tt.want {
			t.Errorf("paint(%q) = %q, want %q", tt.class, tags, tt.want)
		}
	}
}
