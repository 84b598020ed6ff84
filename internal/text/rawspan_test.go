package text

import (
	"testing"
)

// TestPieceOf compares pieceOf, from every piece it may start at, with a
// plain scan for the last piece starting at or before each clean byte.
func TestPieceOf(t *testing.T) {
	tests := []struct{ name, raw string }{
		{"emoji inside a word", "The Mi💝nister met the Vice Mi🌸nister in Hanoi."},
		{"quotes and dashes", "He said “we agree” — and ‘so do we’ – on 12 March…"},
		{"glued words and spaces", "NguyenXuan  Thang  received\u00a0the\u200bdelegation."},
		{"invalid UTF-8", "Ha\xffnoi and \xfe\xfeHue, then Da\xffNang"},
		{"deletions side by side", "A💝💝💝B 🌸🌸 C💝"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Clean(tt.raw, testLexicon())
			if s.pcs == nil {
				t.Fatal("the text needs no repair: it does not test the map")
			}
			for c := range len(s.Clean) {
				want := 0
				for i, p := range s.pcs {
					if p.start() <= c {
						want = i
					}
				}
				for from := 0; from < len(s.pcs) && s.pcs[from].start() <= c; from++ {
					if got := s.pieceOf(c, from); got != want {
						t.Fatalf("pieceOf(%d, %d) = %d, want %d (pieces %v)", c, from, got, want, s.pcs)
					}
				}
			}
		})
	}
}

// BenchmarkRawSpan translates every token of the golden articles to raw
// offsets, as the engine does for every mention.
func BenchmarkRawSpan(b *testing.B) {
	texts, _ := benchCorpus(b)
	shadows := make([]*Shadow, len(texts))
	toks := make([][]Token, len(texts))
	for i, t := range texts {
		shadows[i] = Clean(t, DefaultLexicon())
		toks[i] = Tokenize(shadows[i].Clean)
	}
	for b.Loop() {
		for i, s := range shadows {
			for _, tok := range toks[i] {
				s.RawSpan(int(tok.Start), int(tok.End()))
			}
		}
	}
}
