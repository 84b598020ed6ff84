package text

import (
	"slices"
	"strings"
	"testing"
)

func TestDefaultLexicon(t *testing.T) {
	lex := DefaultLexicon()
	tests := []struct {
		word            string
		known, function bool
	}{
		{"minister", true, false},
		{"Minister", true, false},
		{"MINISTER", true, false},
		{"cooperation", true, false},
		{"labour", true, false},       // British spelling
		{"organisation", true, false}, // British spelling
		{"labor", true, false},        // American spelling
		{"Nguyễn", false, false},      // a name: the gazetteer knows it, the word list does not
		{"Labour", true, false},       // folded to "labour", a British spelling
		{"Hanoi", false, false},
		{"the", true, true},
		{"The", true, true},
		{"OF", true, true},
		{"both", true, true},
		{"they", true, true},
		{"i", true, true}, // closed-class words are known even when shorter than the list allows
		{"theminister", false, false},
		{"xqzvw", false, false},
		{"", false, false},
		{"minister's", false, false},
		{strings.Repeat("a", 40), false, false},
		{"Ibrahimovićević", false, false},
	}
	for _, tt := range tests {
		if got := lex.Known(tt.word); got != tt.known {
			t.Errorf("Known(%q) = %v, want %v", tt.word, got, tt.known)
		}
		if got := lex.Function(tt.word); got != tt.function {
			t.Errorf("Function(%q) = %v, want %v", tt.word, got, tt.function)
		}
	}
	if DefaultLexicon() != lex {
		t.Error("DefaultLexicon should be parsed once and shared")
	}
}

func TestExtend(t *testing.T) {
	names := map[string]bool{"VinFast": true}
	lex := Extend(DefaultLexicon(), func(w string) bool { return names[w] })
	tests := []struct {
		word            string
		known, function bool
	}{
		{"VinFast", true, false},
		{"vinfast", false, false}, // the caller decides about case
		{"minister", true, false},
		{"the", true, true},
	}
	for _, tt := range tests {
		if got := lex.Known(tt.word); got != tt.known {
			t.Errorf("Known(%q) = %v, want %v", tt.word, got, tt.known)
		}
		if got := lex.Function(tt.word); got != tt.function {
			t.Errorf("Function(%q) = %v, want %v", tt.word, got, tt.function)
		}
	}
	if Extend(nil, nil) != DefaultLexicon() {
		t.Error("Extend(nil, nil) should be the default lexicon")
	}
	base := DefaultLexicon()
	if Extend(base, nil) != base {
		t.Error("Extend(base, nil) should be base")
	}
	if !Extend(nil, func(string) bool { return true }).Known("anything") {
		t.Error("Extend(nil, f) should use f")
	}
}

// TestWordList checks the generated list: the form gen promises and a size
// that neither lost the list nor swelled it.
func TestWordList(t *testing.T) {
	var words []string
	for line := range strings.Lines(wordsTxt) {
		w := strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(w, "#") {
			continue
		}
		if len(w) < 2 || len(w) > 20 {
			t.Errorf("word %q: length outside 2..20", w)
		}
		for _, c := range []byte(w) {
			if c < 'a' || c > 'z' {
				t.Errorf("word %q: not lower-case ASCII letters", w)
				break
			}
		}
		words = append(words, w)
	}
	if !slices.IsSorted(words) {
		t.Error("words.txt is not sorted")
	}
	if len(slices.Compact(slices.Clone(words))) != len(words) {
		t.Error("words.txt has duplicates")
	}
	if len(words) < 60000 || len(words) > 120000 {
		t.Errorf("words.txt has %d words, want about 75,000", len(words))
	}
	if len(wordsTxt) > 800<<10 {
		t.Errorf("words.txt is %d bytes", len(wordsTxt))
	}
}

func TestClosedList(t *testing.T) {
	lex := DefaultLexicon()
	n := 0
	for line := range strings.Lines(closedTxt) {
		w := strings.TrimSpace(line)
		if w == "" || w[0] == '#' {
			continue
		}
		n++
		if w != strings.ToLower(w) || strings.ContainsAny(w, " '") {
			t.Errorf("closed word %q: want one lower-case word", w)
		}
		if !lex.Function(w) || !lex.Known(w) {
			t.Errorf("closed word %q: not Function and Known", w)
		}
	}
	if n < 120 || n > 220 {
		t.Errorf("closed.txt has %d words, want about 150", n)
	}
}

func TestParseList(t *testing.T) {
	m := parseList("# comment\n\nalpha\n  beta  \r\ngamma")
	want := []string{"alpha", "beta", "gamma"}
	if len(m) != len(want) {
		t.Fatalf("parseList: got %v", m)
	}
	for _, w := range want {
		if _, ok := m[w]; !ok {
			t.Errorf("parseList: missing %q", w)
		}
	}
}

func BenchmarkKnown(b *testing.B) {
	lex := DefaultLexicon()
	for b.Loop() {
		lex.Known("Minister")
		lex.Known("theminister")
	}
}

// BenchmarkKnownCorpus asks Known of every word of the golden articles, as
// the tagger asks it of capitalised words: most are short, many are names.
func BenchmarkKnownCorpus(b *testing.B) {
	lex := DefaultLexicon()
	words := corpusWords()
	benchCorpus(b)
	for b.Loop() {
		for _, w := range words {
			lex.Known(w)
		}
	}
}

// TestWordSetFilters checks that the length and first-letters filters of a
// word set never reject a word that is in it, and that a non-ASCII word
// longer than every word of the set is still folded before it is judged.
func TestWordSetFilters(t *testing.T) {
	set := newWordSet(map[string]struct{}{"of": {}, "the": {}, "a": {}, "x1": {}})
	tests := []struct {
		word string
		want bool
	}{
		{"of", true},
		{"OF", true},
		{"The", true},
		{"a", true},
		{"X1", true},     // not two letters: no pair filter
		{"thee", false},  // known pair, unknown length
		{"oft", false},   // known pair, unknown length
		{"zz", false},    // unknown pair
		{"theme", false}, // longer than every word
		{"thé", true},    // four bytes, but folds to "the"
		{"", false},
	}
	for _, tt := range tests {
		if got := lookup(set, tt.word); got != tt.want {
			t.Errorf("lookup(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestWordTable checks the hash table under the word sets: words of up to
// eight bytes are settled by a slot's head and length, longer ones by their
// tail as well, and the query's ASCII case never matters.
func TestWordTable(t *testing.T) {
	words := []string{"a", "of", "minister", "ministers", "ministerial", "internationally", "international", "hà"}
	table := newWordTable(append(words, ""))
	tests := []struct {
		word string
		want bool
	}{
		{"a", true},
		{"A", true},
		{"of", true},
		{"Of", true},
		{"minister", true},  // eight bytes: head and length alone
		{"MINISTERS", true}, // nine: one byte of tail
		{"ministerial", true},
		{"ministeriax", false}, // head and length agree, tail differs
		{"Internationally", true},
		{"internationalle", false},
		{"international", true},
		{"internationa", false},
		{"ministe", false},
		{"hà", true},  // non-ASCII bytes compare as they are
		{"HÀ", false}, // only ASCII is lowered
		{"", false},   // the empty word is never stored
		{"b", false},
	}
	for _, tt := range tests {
		if got := has(&table, tt.word); got != tt.want {
			t.Errorf("has(%q) = %v, want %v", tt.word, got, tt.want)
		}
		if got := has(&table, []byte(tt.word)); got != tt.want {
			t.Errorf("has([]byte(%q)) = %v, want %v", tt.word, got, tt.want)
		}
	}
	if got := has(&wordTable{}, "a"); got {
		t.Error("an empty table has a word")
	}
}

// TestWordSetSkipsUpper checks that a word with an upper-case letter, which
// a map keyed by lowered words could never find, is not found by the table
// either.
func TestWordSetSkipsUpper(t *testing.T) {
	set := newWordSet(map[string]struct{}{"Hanoi": {}, "paris": {}})
	for word, want := range map[string]bool{"Hanoi": false, "hanoi": false, "Paris": true} {
		if got := lookup(set, word); got != want {
			t.Errorf("lookup(%q) = %v, want %v", word, got, want)
		}
	}
}

// TestDefaultLexiconComplete checks that every word of the embedded lists is
// found, in lower and upper case: the table must lose none of them.
func TestDefaultLexiconComplete(t *testing.T) {
	lex := DefaultLexicon()
	for w := range parseList(wordsTxt) {
		if !lex.Known(w) || !lex.Known(strings.ToUpper(w)) {
			t.Fatalf("Known(%q) = false", w)
		}
	}
	for w := range parseList(closedTxt) {
		if !lex.Function(w) {
			t.Fatalf("Function(%q) = false", w)
		}
	}
}
