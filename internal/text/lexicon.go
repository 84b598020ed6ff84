package text

import (
	_ "embed" // the word lists are embedded
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./gen -out words.txt /usr/share/dict/american-english /usr/share/dict/british-english

// Lexicon tells the cleaner which words exist, so that it splits only glued
// words ("theminister") and leaves real words and known names alone.
type Lexicon interface {
	// Known reports whether word is a dictionary word or a name the engine
	// knows, in any case.
	Known(word string) bool
	// Function reports whether word is a closed-class word that scraping
	// glues to its neighbours (the, of, and, they, both ...), in any case.
	Function(word string) bool
}

// wordsTxt is the English word list built by ./gen (see WORDS-SOURCE.md).
//
//go:embed words.txt
var wordsTxt string

// closedTxt is the hand-written list of closed-class words.
//
//go:embed closed.txt
var closedTxt string

// setLexicon is a Lexicon over two sets of lower-case, diacritic-free words.
type setLexicon struct {
	known, function wordSet
	sideSet         *sideSet // the function words and affixLike, for sidesOf
}

// wordSet is a set of lower-case words with the length of the longest and,
// for each pair of letters its words start with, the set of their lengths,
// so that most ASCII words not in a small set are answered without hashing
// them: the glued-word splitter asks the closed-class set for every prefix
// and suffix of a word.
type wordSet struct {
	words   map[string]struct{}
	longest int
	starts  *[26 * 26]uint32 // bit min(len, 31) for each word starting with the pair
}

func newWordSet(words map[string]struct{}) wordSet {
	s := wordSet{words: words, starts: new([26 * 26]uint32)}
	for w := range words {
		s.longest = max(s.longest, len(w))
		if i, ok := letterPair(w); ok {
			s.starts[i] |= lengthBit(len(w))
		}
	}
	return s
}

func lengthBit(n int) uint32 { return 1 << min(n, 31) }

// letterPair returns the index of the first two bytes of w in
// wordSet.starts, if they are lower-case ASCII letters.
func letterPair[S ~string | ~[]byte](w S) (int, bool) {
	if len(w) < 2 || w[0] < 'a' || w[0] > 'z' || w[1] < 'a' || w[1] > 'z' {
		return 0, false
	}
	return int(w[0]-'a')*26 + int(w[1]-'a'), true
}

// defaultLexicon parses the embedded lists once; the sets are read-only
// afterwards, so one value serves every goroutine.
var defaultLexicon = sync.OnceValue(func() Lexicon {
	function := parseList(closedTxt)
	known := parseList(wordsTxt)
	// A closed-class word is a word: make sure Known agrees even if the
	// dictionary lacks one.
	for w := range function {
		known[w] = struct{}{}
	}
	return &setLexicon{known: newWordSet(known), function: newWordSet(function), sideSet: newSideSet(function, affixLike)}
})

// DefaultLexicon is the embedded English word list (SCOWL size 50, American
// and British spellings, through Debian's wamerican and wbritish; about
// 75,000 words) plus the embedded closed-class list. It is
// parsed on first use and shared.
func DefaultLexicon() Lexicon { return defaultLexicon() }

// parseList reads one word per line, skipping blank lines and '#' comments.
// The words are substrings of the embedded text, so the set costs only its
// map, not a second copy of the list.
func parseList(s string) map[string]struct{} {
	m := make(map[string]struct{}, strings.Count(s, "\n"))
	for line := range strings.Lines(s) {
		w := strings.TrimSpace(line)
		if w == "" || w[0] == '#' {
			continue
		}
		m[w] = struct{}{}
	}
	return m
}

// Known implements Lexicon.
func (l *setLexicon) Known(word string) bool { return lookup(l.known, word) }

// Function implements Lexicon.
func (l *setLexicon) Function(word string) bool { return lookup(l.function, word) }

// lookup finds word in a set of lower-case words. ASCII words are lowered
// into a stack buffer, which keeps the cleaner's many look-ups free of
// allocations, and are never hashed when longer than every word of the set;
// other words are folded with AppendKey ("Nguyễn" -> "nguyen"), on the
// stack as well when short.
func lookup(s wordSet, word string) bool {
	var buf [32]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			// A key in buf, looked up without a string of its own.
			_, ok := s.words[string(AppendKey(buf[:0], word))]
			return ok
		}
		if i < len(buf) {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
	}
	n := min(len(word), len(buf))
	if i, ok := letterPair(buf[:n]); ok && s.starts[i]&lengthBit(len(word)) == 0 {
		return false
	}
	switch {
	case word == "" || len(word) > s.longest:
		return false
	case len(word) <= len(buf):
		_, ok := s.words[string(buf[:len(word)])]
		return ok
	}
	_, ok := s.words[strings.ToLower(word)]
	return ok
}

// sideFinder implements sideSource.
func (l *setLexicon) sideFinder() sideFinder { return l.sideSet }

// extended adds a caller's notion of known words to a base lexicon.
type extended struct {
	base  Lexicon
	known func(string) bool
}

// Extend returns a lexicon that also knows the words for which known returns
// true (the engine passes gazetteer names, so that "VinFast" or
// "PetroVietnam" is never split). A nil base stands for DefaultLexicon(); a
// nil known returns the base unchanged.
func Extend(base Lexicon, known func(word string) bool) Lexicon {
	if base == nil {
		base = DefaultLexicon()
	}
	if known == nil {
		return base
	}
	return &extended{base: base, known: known}
}

// Known implements Lexicon.
func (e *extended) Known(word string) bool { return e.base.Known(word) || e.known(word) }

// Function implements Lexicon.
func (e *extended) Function(word string) bool { return e.base.Function(word) }

// sideFinder implements sideSource: the closed-class words are the base's.
func (e *extended) sideFinder() sideFinder { return sidesOf(e.base) }
