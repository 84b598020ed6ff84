package text

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refGlueSplit is glueSplit as it was before it found the closed-class sides
// of a word in one pass: it asks the lexicon about every split point. The
// tests below hold the fast version to it, word for word.
func refGlueSplit(w string, base int, lex Lexicon, ins []int) []int {
	if len(w) < 5 || len(w) > maxGlued {
		return ins
	}
	capitalised := 'A' <= w[0] && w[0] <= 'Z'
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i == 0 && capitalised {
			continue
		}
		if c < 'a' || c > 'z' {
			return ins
		}
	}
	if lex.Known(w) {
		return ins
	}
	minFunc := 2
	if capitalised {
		minFunc = 3
	}
	for k := minFunc; k <= len(w)-minFunc; k++ {
		left, right := w[:k], w[k:]
		lf, rf := lex.Function(left), lex.Function(right)
		switch {
		case lf && rf:
			return append(ins, base+k)
		case lf && len(right) >= 3 && !inSet(affixLike, left) && lex.Known(right),
			rf && len(left) >= 3 && !inSet(affixLike, right) && lex.Known(left):
			return append(ins, base+k)
		}
	}
	return ins
}

// refWordSplits is wordSplits as it was before its ASCII shortcut, calling
// refGlueSplit.
func refWordSplits(w string, base int, lex Lexicon, ins []int) []int {
	ps, whole := 0, -1
	prevLower := false
	for k := 0; k < len(w); {
		r, sz := utf8.DecodeRuneInString(w[k:])
		upper, lower := unicode.IsUpper(r), unicode.IsLower(r)
		if prevLower && upper && k+sz < len(w) {
			next, _ := utf8.DecodeRuneInString(w[k+sz:])
			if unicode.IsLower(next) && leftPart(w[ps:k], lex) {
				if whole < 0 {
					whole = b2i(lex.Known(w))
				}
				if whole == 0 {
					ins = append(ins, base+k)
					ps = k
				}
			}
		}
		prevLower = lower
		k += sz
	}
	return refGlueSplit(w[ps:], base+ps, lex, ins)
}

// refSplitPoints is splitPoints as it was before its ASCII shortcut,
// calling refWordSplits.
func refSplitPoints(t string, lex Lexicon) []int {
	var ins []int
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		switch {
		case unicode.IsLetter(r):
			j := scanWord(t, i)
			n := len(ins)
			if at, ok := yearSplit(t, i, j, lex); ok {
				ins = append(ins, at)
			} else if !inAddress(t, i, j) {
				ins = refWordSplits(t[i:j], i, lex, ins)
			}
			if len(ins) > n {
				ins = append(ins[:n], yearSplitParts(t, i, j, ins[n:], lex)...)
			}
			i = j
			continue
		case r == '.' && periodSplit(t, i):
			ins = append(ins, i+1)
		}
		i += size
	}
	return ins
}

// TestSplitPointsMatchesReference checks splitPoints against the reference
// on the golden articles, the fuzz seeds and random texts of words, glued
// words, numbers, addresses, non-ASCII letters and marks.
func TestSplitPointsMatchesReference(t *testing.T) {
	texts := append(benchArticles(), fuzzSeeds...)
	words := glueWords()
	rng := rand.New(rand.NewPCG(3, 4))
	seps := []string{" ", " ", " ", ".", ". ", "2019", " 2019", " 1975 ", "in2013", " in2013 ", "/", "@", "-", "é", "Ấn", "\u0301", "河", "'s ", "\n", "5"}
	for range 20000 {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		texts = append(texts, b.String())
	}
	for name, lex := range splitLexicons() {
		bad := 0
		for _, text := range texts {
			if got, want := splitPoints(text, lex), refSplitPoints(text, lex); !slices.Equal(got, want) {
				if bad++; bad <= 10 {
					t.Errorf("%s: splitPoints(%q) = %v, want %v", name, text, got, want)
				}
			}
		}
	}
}

// splitLexicons are the kinds of lexicon the splitter finds sides in
// differently: the default one, an extended one, and one of another package.
func splitLexicons() map[string]Lexicon {
	names := map[string]bool{"vinfast": true, "theminister": true, "minister": true, "Bothsides": true}
	return map[string]Lexicon{
		"default":  DefaultLexicon(),
		"extended": Extend(nil, func(w string) bool { return names[w] || names[strings.ToLower(w)] }),
		"plain":    plainLexicon{DefaultLexicon()},
	}
}

// plainLexicon hides the sideSource of the lexicon it wraps, so that
// sidesOf asks Function of every part, as for a caller's lexicon.
type plainLexicon struct{ Lexicon }

// glueWords returns words to split: every dictionary word, lower-case and
// capitalised; closed-class words glued to each other and to a sample of
// dictionary words on either side; camel case; and random glue of word
// fragments.
func glueWords() []string {
	var dict, closed []string
	for line := range strings.Lines(wordsTxt) {
		if w := strings.TrimSpace(line); w != "" && w[0] != '#' {
			dict = append(dict, w)
		}
	}
	for line := range strings.Lines(closedTxt) {
		if w := strings.TrimSpace(line); w != "" && w[0] != '#' {
			closed = append(closed, w)
		}
	}
	capital := func(w string) string { return strings.ToUpper(w[:1]) + w[1:] }
	var out []string
	for _, w := range dict {
		out = append(out, w, capital(w))
	}
	for i, c := range closed {
		for _, d := range closed {
			out = append(out, c+d, capital(c+d))
		}
		for j := i; j < len(dict); j += 97 {
			out = append(out, c+dict[j], dict[j]+c, capital(c+dict[j]), capital(dict[j]+c), dict[j]+capital(c)+dict[(j+1)%len(dict)])
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := append(closed, "tion", "er", "ing", "ed", "s", "x", "q", "ment", "ly", "Min", "ister")
	for range 200000 {
		var b strings.Builder
		for n := 1 + rng.IntN(4); n > 0; n-- {
			if rng.IntN(3) == 0 {
				b.WriteString(dict[rng.IntN(len(dict))])
			} else {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestGlueSplitMatchesReference checks that the splitter finds exactly the
// splits of the reference, with the package's lexicon, with a lexicon
// extended by a caller's names, and with a lexicon of another package.
func TestGlueSplitMatchesReference(t *testing.T) {
	words := glueWords()
	for name, lex := range splitLexicons() {
		bad := 0
		for _, w := range words {
			got, want := wordSplits(w, 3, newSplitLexicon(lex), nil), refWordSplits(w, 3, lex, nil)
			if !slices.Equal(got, want) {
				if bad++; bad <= 10 {
					t.Errorf("%s: wordSplits(%q) = %v, want %v", name, w, got, want)
				}
			}
		}
	}
}

// TestSideSet checks the tries of small sets on the split points of a few
// words, in both cases, and that the bounds are kept.
func TestSideSet(t *testing.T) {
	s := newSideSet(map[string]bool{"of": true, "the": true, "a": true, "X": true, "o'": true}, map[string]bool{"a": true, "in": true})
	tests := []struct {
		w      string
		lo, hi int
		want   sides
	}{
		{"ofthe", 1, 4, sides{pre: 1 << 2, suf: 1 << 2}},
		{"Theof", 1, 4, sides{pre: 1 << 3, suf: 1 << 3}},
		{"thea", 1, 4, sides{pre: 1 << 3, suf: 1 << 3, affixSuf: 1 << 3}},
		{"thea", 1, 2, sides{}},     // both past hi
		{"athe", 2, 3, sides{}},     // "a" is before lo, and so is "the"
		{"xofx", 1, 3, sides{}},     // "X" is not lower case in the set
		{"minister", 2, 6, sides{}}, // nothing
		{"INthe", 2, 3, sides{affixPre: 1 << 2, suf: 1 << 2}},
		{"theofthe", 2, 6, sides{pre: 1 << 3, suf: 1 << 5}},
	}
	for _, tt := range tests {
		if got := s.sides(tt.w, tt.lo, tt.hi); got != tt.want {
			t.Errorf("sides(%q, %d, %d) = %+v, want %+v", tt.w, tt.lo, tt.hi, got, tt.want)
		}
	}
}

// TestTrieFull checks that a trie takes words until its entries could no
// longer index a new node, and that the words it took are still found then.
func TestTrieFull(t *testing.T) {
	tr := trie{{}}
	// Words of distinct letter pairs, each three nodes deep, fill the trie.
	var words []string
	for a := byte('a'); a <= 'z'; a++ {
		for b := byte('a'); b <= 'z'; b++ {
			for c := byte('a'); c <= 'z'; c++ {
				words = append(words, string([]byte{a, b, c}))
			}
		}
	}
	for _, w := range words {
		tr.add(w, endClosed)
	}
	if len(tr) > maxTrieNodes {
		t.Fatalf("trie has %d nodes, more than %d", len(tr), maxTrieNodes)
	}
	// The trie turns words away from the first that might not fit on, so
	// the words it holds are the first ones added, all found.
	s := &sideSet{fwd: tr, rev: trie{{}}}
	found := 0
	for found < len(words) && s.sides(words[found], 3, 3).pre == 1<<3 {
		found++
	}
	for _, w := range words[found:] {
		if s.sides(w, 3, 3).pre != 0 {
			t.Errorf("%q found after %q was not", w, words[found])
		}
	}
	// Every node holds a word's last letter, or one of the 26 first
	// letters, or one of the first pairs of letters of the words found.
	if min := maxTrieNodes - 1 - 26 - 26*26 - 3; found < min || found == len(words) {
		t.Errorf("%d of %d words found, want at least %d and not all", found, len(words), min)
	}
}

// FuzzSplitPoints holds splitPoints to the reference on any text.
func FuzzSplitPoints(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("the 2019and in2013 Theminister ofHome www.VinFast.vn Bothsides")
	lex := DefaultLexicon()
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitPoints(s, lex), refSplitPoints(s, lex); !slices.Equal(got, want) {
			t.Errorf("splitPoints(%q) = %v, want %v", s, got, want)
		}
	})
}

func TestYearSplitParts(t *testing.T) {
	lex := DefaultLexicon()
	tests := []struct {
		t        string
		i, j     int
		at, want []int
	}{
		{"in2019X", 0, 7, []int{6}, []int{2, 6}},        // the first part holds a year split
		{"Xin2019Y", 0, 8, []int{1, 7}, []int{1, 3, 7}}, // a middle part
		{"Xin2019", 0, 7, []int{1}, []int{1, 3}},        // the last part
		{"2019andX", 4, 8, []int{7}, []int{4, 7}},       // a word after a year
		{"XminsterY", 0, 9, []int{1, 8}, []int{1, 8}},   // no year: unchanged
	}
	for _, tt := range tests {
		if got := yearSplitParts(tt.t, tt.i, tt.j, slices.Clone(tt.at), lex); !slices.Equal(got, tt.want) {
			t.Errorf("yearSplitParts(%q, %d, %d, %v) = %v, want %v", tt.t, tt.i, tt.j, tt.at, got, tt.want)
		}
	}
}
