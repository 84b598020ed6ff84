package extract

import (
	"context"
	"slices"
	"testing"
)

// TestReadRun checks what the gazetteer alone decides about a capitalised
// run that no rule claimed, before prose's recogniser is asked.
func TestReadRun(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, run string
		want      runReading
	}{
		{"The talks were chaired by Juan Carlos Moreno Brid yesterday.", "Juan Carlos Moreno Brid", runPerson},
		{"The letter reached Bodo Ramelow yesterday.", "Bodo Ramelow", runPerson},
		{"The letter reached Mark Field yesterday.", "Mark Field", runAsk},         // an English word last
		{"The letter went to Ben Thanh yesterday.", "Ben Thanh", runAsk},           // a given syllable last
		{"They toured the Ben Thanh market yesterday.", "Ben Thanh", runNotPerson}, // after "the"
		{"They toured the Xanh Complex Urban Area yesterday.", "Xanh Complex Urban Area", runNotPerson},
		{"They toured the Hi-Tech Park yesterday.", "Tech Park", runNotPerson},     // inside a hyphenated word
		{"They drove to the towns of Hoa Lac yesterday.", "Hoa Lac", runNotPerson}, // given syllable, family name
	} {
		a := newAnalysis(context.Background(), x, c.text)
		r, ok := findRun(a, c.run)
		if !ok {
			t.Errorf("%q: no run %q", c.text, c.run)
			continue
		}
		if got := a.readRun(r); got != c.want {
			t.Errorf("readRun(%q) = %d, want %d", c.run, got, c.want)
		}
	}
}

// findRun returns the token span whose text is s.
func findRun(a *analysis, s string) (span, bool) {
	for i := range a.toks {
		for j := i + 1; j <= len(a.toks); j++ {
			if a.text(span{i, j}) == s {
				return span{i, j}, true
			}
		}
	}
	return span{}, false
}

// TestProseDecidesWhatTheGazetteerCannot runs the path through prose's
// recogniser: a forename followed by an English word ("Stone") is left to
// it, and the person it confirms carries its rule.
func TestProseDecidesWhatTheGazetteerCannot(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc := x.Extract("The delegation was received by Peter Stone, who thanked the hosts.")
	if len(doc.People) != 1 || doc.People[0].Name != "Peter Stone" || doc.People[0].Rule != proseRule {
		t.Errorf("people = %+v, want Peter Stone by %s", doc.People, proseRule)
	}
	for _, c := range []struct {
		window string
		want   []string
	}{
		{"by Peter Stone, who", []string{"peter stone"}},
		{"near Song Hong Bridge", nil},
	} {
		got, err := prosePeople(c.window)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("prosePeople(%q) = %q, %v; want %q", c.window, got, err, c.want)
		}
	}
}

// BenchmarkProseWindow is the cost of one question to prose's recogniser:
// a two-word run in its six-token window, the price of each run the
// gazetteer leaves undecided.
func BenchmarkProseWindow(b *testing.B) {
	if _, err := prosePeople("warm up"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := prosePeople("received by Peter Stone , who"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestIsNameShape(t *testing.T) {
	for _, c := range []struct {
		tag  byte
		want bool
	}{
		{shapeCapital, true},
		{shapeCapWord, true},
		{'N', true},
		{'G', true},
		{shapeAcronym, false},
		{shapeLower, false},
		{shapeStop, false},
		{'n', false},
		{0, false},
	} {
		if got := isNameShape(c.tag); got != c.want {
			t.Errorf("isNameShape(%q) = %v, want %v", c.tag, got, c.want)
		}
	}
}
