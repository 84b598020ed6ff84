package text

import (
	_ "embed" // the word lists are embedded
	"strings"
	"sync"
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
// and suffix of a word. The words themselves are in a wordTable.
type wordSet struct {
	table   wordTable
	longest int
	starts  *[26 * 26]uint32 // bit min(len, 31) for each word starting with the pair
}

// newWordSet builds the set of words. A word with an upper-case
// letter is left out: lookup lowers the word it is asked, so it could never
// be found.
func newWordSet(words map[string]struct{}) wordSet {
	s := wordSet{starts: new([26 * 26]uint32)}
	keys := make([]string, 0, len(words))
	for w := range words {
		if strings.ToLower(w) != w {
			continue
		}
		keys = append(keys, w)
		s.longest = max(s.longest, len(w))
		if i, ok := letterPair(w); ok {
			s.starts[i] |= lengthBit(len(w))
		}
	}
	s.table = newWordTable(keys)
	return s
}

func lengthBit(n int) uint32 { return 1 << min(n, 31) }

// letterPair returns the index in wordSet.starts of the first two bytes of
// w, lowered, if they are ASCII letters.
func letterPair[S ~string | ~[]byte](w S) (int, bool) {
	if len(w) < 2 {
		return 0, false
	}
	a, b := lowerByte(w[0]), lowerByte(w[1])
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' {
		return 0, false
	}
	return int(a-'a')*26 + int(b-'a'), true
}

// lowerByte returns the lower case of an ASCII upper-case letter, and any
// other byte unchanged.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// wordTable is a set of lower-case words as an open-addressing hash table
// over a power-of-two array, rather than a map, for three reasons: a word is
// looked up straight from its own bytes, lowered as the hash reads them,
// where a map needs a lowered copy first; each slot holds its word's length
// and first eight bytes, so that a probe settles most words (news words are
// short) by reading one slot, without the cache miss of reading the word
// itself; and the table holds no pointers but one, where a map of the word
// list holds one per word for the garbage collector to scan at every cycle.
type wordTable struct {
	slots []wordSlot // linear probing, at most half full
	shift uint       // 64 - log2(len(slots)): the hash's top bits index slots
	tails string     // the bytes after the eighth of each longer word
}

// wordSlot is one place of a wordTable.
type wordSlot struct {
	head uint64 // the word's first eight bytes, packed by packLower
	n    uint32 // the word's length in bytes; 0 = empty slot
	tail uint32 // where the word's bytes after the eighth are in tails
}

// hashMul is the 64-bit golden ratio, the multiplier of Fibonacci hashing.
const hashMul = 0x9E3779B97F4A7C15

// newWordTable builds the table of words, which are lower case and
// distinct. The empty word is left out: n = 0 marks an empty slot.
func newWordTable(words []string) wordTable {
	size, bits := 8, uint(3)
	for size < 2*len(words) {
		size, bits = size*2, bits+1
	}
	t := wordTable{slots: make([]wordSlot, size), shift: 64 - bits}
	var tails strings.Builder
	mask := size - 1
	for _, w := range words {
		if w == "" {
			continue
		}
		h, head := hashLower(w)
		i := int(h >> t.shift)
		for t.slots[i].n != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = wordSlot{head: head, n: uint32(len(w)), tail: uint32(tails.Len())}
		if len(w) > 8 {
			tails.WriteString(w[8:])
		}
	}
	t.tails = tails.String()
	return t
}

// has reports whether the ASCII lower case of w is in the table.
func has[S ~string | ~[]byte](t *wordTable, w S) bool {
	if len(t.slots) == 0 {
		return false
	}
	h, head := hashLower(w)
	mask := len(t.slots) - 1
	for i := int(h >> t.shift); ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.n == 0 {
			return false
		}
		if sl.head == head && int(sl.n) == len(w) &&
			(len(w) <= 8 || equalLower(w[8:], t.tails[sl.tail:sl.tail+sl.n-8])) {
			return true
		}
	}
}

// hashLower hashes the ASCII lower case of s, and returns with the hash
// that lower case's first eight bytes packed into a number (head). The
// bytes are mixed in eight at a time, with one multiplication each.
func hashLower[S ~string | ~[]byte](s S) (h, head uint64) {
	head = packLower(s[:min(len(s), 8)])
	h = (uint64(len(s)) ^ head) * hashMul
	for i := 8; i < len(s); i += 8 {
		h = (h ^ packLower(s[i:min(len(s), i+8)])) * hashMul
	}
	return h, head
}

// packLower packs the ASCII lower case of s, at most eight bytes, into a
// number.
func packLower[S ~string | ~[]byte](s S) (w uint64) {
	for i := 0; i < len(s); i++ {
		w = w<<8 | uint64(lowerByte(s[i]))
	}
	return w
}

// equalLower reports whether the ASCII lower case of s is key.
func equalLower[S ~string | ~[]byte](s S, key string) bool {
	if len(s) != len(key) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) != key[i] {
			return false
		}
	}
	return true
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

// lookup finds word in a set of lower-case words. An ASCII word is looked
// up as it is, lowered by the table as it reads it, and never hashed when
// longer than every word of the set or when no word of its length starts
// with its first two letters; other words are folded with AppendKey
// ("Nguyễn" -> "nguyen") first, on the stack when short, since folding may
// change their length.
func lookup(s wordSet, word string) bool {
	if !isASCII(word) {
		var buf [32]byte
		return has(&s.table, AppendKey(buf[:0], word))
	}
	if word == "" || len(word) > s.longest {
		return false
	}
	if i, ok := letterPair(word); ok && s.starts[i]&lengthBit(len(word)) == 0 {
		return false
	}
	return has(&s.table, word)
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
