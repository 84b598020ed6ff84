package text

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// testAbbrev stands in for the engine's gazetteer lookup of abbreviations.
func testAbbrev(w string) bool {
	switch w {
	case "Prof.", "Dr.", "Mr.", "Mrs.", "No.", "Assoc.", "e.g.", "U.S.", "St.", "Jan.":
		return true
	}
	return false
}

// sentenceTexts splits s and returns each sentence as the text from its
// first token to its last.
func sentenceTexts(t *testing.T, s string, abbrev func(string) bool) []string {
	t.Helper()
	toks := Tokenize(s)
	spans := Sentences(toks, abbrev)
	checkSpans(t, spans, len(toks))
	var out []string
	for _, sp := range spans {
		out = append(out, s[toks[sp.Start].Start:toks[sp.End-1].End()])
	}
	return out
}

// checkSpans tests that spans are non-empty, contiguous and cover n tokens.
func checkSpans(t *testing.T, spans []Span, n int) {
	t.Helper()
	if n == 0 {
		if len(spans) != 0 {
			t.Fatalf("no tokens but spans %v", spans)
		}
		return
	}
	next := 0
	for _, sp := range spans {
		if sp.Start != next || sp.End <= sp.Start {
			t.Fatalf("spans %v are not contiguous and non-empty", spans)
		}
		next = sp.End
	}
	if next != n {
		t.Fatalf("spans %v cover %d of %d tokens", spans, next, n)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"two sentences", "The talks ended. Both sides agreed.", []string{"The talks ended.", "Both sides agreed."}},
		{"question and exclamation", "Why now? Nobody knew! It was late.", []string{"Why now?", "Nobody knew!", "It was late."}},
		{"lower case after period", "It ended. then it rained.", []string{"It ended. then it rained."}},
		{"digit starts sentence", "It ended. 2024 was good.", []string{"It ended.", "2024 was good."}},
		{"abbreviation", "Prof. Nguyen spoke. He left.", []string{"Prof. Nguyen spoke.", "He left."}},
		{"two abbreviations", "Assoc. Prof. Dr. Tran Van Nam spoke.", []string{"Assoc. Prof. Dr. Tran Van Nam spoke."}},
		{"abbreviation number", "It is No. 1 in Asia.", []string{"It is No. 1 in Asia."}},
		{"glued abbreviation", "Dr.Nguyen spoke.", []string{"Dr.Nguyen spoke."}},
		{"unknown abbreviation splits", "Gen. Giap led.", []string{"Gen.", "Giap led."}},
		{"initial", "J. Smith arrived. He spoke.", []string{"J. Smith arrived.", "He spoke."}},
		{"U.S. mid-sentence", "He went to the U.S. last year.", []string{"He went to the U.S. last year."}},
		{"U.S. at the end stays unsplit", "He met them in the U.S. The minister left.", []string{"He met them in the U.S. The minister left."}},
		{"e.g.", "Some, e.g. Vietnam, agreed.", []string{"Some, e.g. Vietnam, agreed."}},
		{"decimal", "It grew 7.11 percent. Trade rose.", []string{"It grew 7.11 percent.", "Trade rose."}},
		{"thousands", "It cost 1,000,000 USD. Then more.", []string{"It cost 1,000,000 USD.", "Then more."}},
		{"closing quote", "He said \"yes.\" Then he left.", []string{"He said \"yes.\"", "Then he left."}},
		{"closing single quote", "He said 'yes.' Then he left.", []string{"He said 'yes.'", "Then he left."}},
		{"closing bracket", "They met (in Hanoi.) Then left.", []string{"They met (in Hanoi.)", "Then left."}},
		{"opening quote", "It ended. \"We agree,\" he said.", []string{"It ended.", "\"We agree,\" he said."}},
		{"glued opening quote", "It ended.\"We agree,\" he said.", []string{"It ended.", "\"We agree,\" he said."}},
		{"period after bracket", "They met (VNA). Talks began.", []string{"They met (VNA).", "Talks began."}},
		{"ellipsis", "He paused... Then spoke.", []string{"He paused...", "Then spoke."}},
		{"dateline", "Hanoi (VNA) – Prime Minister Pham Minh Chinh met Anwar Ibrahim.", []string{"Hanoi (VNA) – Prime Minister Pham Minh Chinh met Anwar Ibrahim."}},
		{"dateline with date", "Hanoi, May 5 (VNA) - Deputy Minister Le spoke.", []string{"Hanoi, May 5 (VNA) - Deputy Minister Le spoke."}},
		{"blank line", "Headline here\n\nlower start", []string{"Headline here", "lower start"}},
		{"blank line after abbreviation", "See Prof.\n\nNguyen", []string{"See Prof.", "Nguyen"}},
		{"headline line", "Vietnam, Malaysia boost ties\nPrime Minister Pham Minh Chinh met.", []string{"Vietnam, Malaysia boost ties", "Prime Minister Pham Minh Chinh met."}},
		{"wrapped line", "The two sides agreed to\nboost trade.", []string{"The two sides agreed to\nboost trade."}},
		{"line after terminal, lower start", "It ended.\nthen more.", []string{"It ended.", "then more."}},
		{"line after comma, capital start", "Hanoi,\nVietnam", []string{"Hanoi,", "Vietnam"}},
		{"CRLF counted by clean", "One.\nTwo.", []string{"One.", "Two."}},
		{"no terminal at end", "It ended. And then", []string{"It ended.", "And then"}},
		{"single token", "Hello", []string{"Hello"}},
		{"punctuation only", ". . !", []string{". . !"}},
		{"only terminal", "?", []string{"?"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(t, tt.text, testAbbrev)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentencesNilAbbrev(t *testing.T) {
	got := sentenceTexts(t, "Prof. Nguyen spoke.", nil)
	want := []string{"Prof.", "Nguyen spoke."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// Initials need no abbreviation list.
	if got := sentenceTexts(t, "J. Smith spoke.", nil); len(got) != 1 {
		t.Errorf("initial split: %q", got)
	}
}

func TestAppendSentences(t *testing.T) {
	prior := []Span{{7, 9}}
	tests := []struct {
		text string
		dst  []Span
		want []Span
	}{
		{"One. Two.", nil, []Span{{0, 2}, {2, 4}}},
		{"One. Two.", prior, []Span{{7, 9}, {0, 2}, {2, 4}}},
		{"", prior, prior},
		{"", nil, nil},
	}
	for _, tt := range tests {
		dst := slices.Clone(tt.dst)
		if got := AppendSentences(dst, Tokenize(tt.text), testAbbrev); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("AppendSentences(%v, %q) = %v, want %v", tt.dst, tt.text, got, tt.want)
		}
	}
	// A slice with room is reused, not replaced.
	buf := make([]Span, 0, 8)
	if got := AppendSentences(buf, Tokenize("One. Two."), testAbbrev); &got[0] != &buf[:1][0] {
		t.Error("AppendSentences did not reuse the room of dst")
	}
}

func TestSentencesEmpty(t *testing.T) {
	if got := Sentences(nil, testAbbrev); got != nil {
		t.Errorf("Sentences(nil) = %v", got)
	}
}

func TestSentencesAbbrevWord(t *testing.T) {
	// The abbreviation callback receives the whole glued word with its period.
	var asked []string
	abbrev := func(w string) bool { asked = append(asked, w); return false }
	Sentences(Tokenize("in the U.K. The end. He is Prof. Nguyen."), abbrev)
	// "U.K." ends in an initial and is not asked about.
	want := []string{"end.", "Prof."}
	if !reflect.DeepEqual(asked, want) {
		t.Errorf("abbrev asked %q, want %q", asked, want)
	}
	asked = nil
	Sentences(Tokenize("in the e.g. Vietnam."), abbrev)
	if !reflect.DeepEqual(asked, []string{"e.g.", "g."}) {
		t.Errorf("abbrev asked %q", asked)
	}
}

// TestSentencesBounded checks that a run without boundaries is cut every
// MaxSentence tokens, and that a run that fits stays whole.
func TestSentencesBounded(t *testing.T) {
	tests := []struct {
		words int
		want  []int // sentence lengths in tokens
	}{
		{MaxSentence - 1, []int{MaxSentence - 1}},
		{MaxSentence, []int{MaxSentence}},
		{MaxSentence + 1, []int{MaxSentence, 1}},
		{2*MaxSentence + 5, []int{MaxSentence, MaxSentence, 5}},
	}
	for _, tt := range tests {
		toks := Tokenize(strings.Repeat("word ", tt.words))
		spans := Sentences(toks, nil)
		checkSpans(t, spans, len(toks))
		var got []int
		for _, s := range spans {
			got = append(got, s.End-s.Start)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%d words: sentence lengths %v, want %v", tt.words, got, tt.want)
		}
	}
}
