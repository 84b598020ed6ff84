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
	known, function map[string]struct{}
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
	return &setLexicon{known: known, function: function}
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
// allocations; other words are folded with Key ("Nguyễn" -> "nguyen").
func lookup(set map[string]struct{}, word string) bool {
	if word == "" {
		return false
	}
	var buf [32]byte
	if len(word) <= len(buf) {
		ascii := true
		for i := 0; i < len(word); i++ {
			c := word[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if ascii {
			_, ok := set[string(buf[:len(word)])]
			return ok
		}
	}
	_, ok := set[Key(word)]
	return ok
}

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
