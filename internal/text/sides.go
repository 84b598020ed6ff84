package text

import "slices"

// sideSet finds, in one pass over a word, every split point where the part
// before it or the part after it is a closed-class word, and which of those
// parts are affix-like: glueSplit needs that for each of up to sixty split
// points of every lower-case word, and asking a map for each part costs a
// dozen hashes a word. Two tries do it, one over the words and one over
// their reversals; a walk stops at the first letter no word continues with,
// which is after one or two letters for most words.
type sideSet struct {
	fwd, rev trie
}

// trie is a trie over ASCII letters in either case. A node is one row of 32
// entries (64 bytes, one cache line), indexed by a letter's low five bits,
// which are 1 to 26 for both 'a'-'z' and 'A'-'Z', so a walk neither lowers
// nor bounds-checks a letter. An entry holds the child's index shifted left
// by flagBits and, in the bits below, the child's flags, so that each step
// of a walk reads one row rather than also the child's. Row 0 is the root;
// an entry of 0 means no child, since the root is nobody's child.
type trie []trieNode

type trieNode [32]uint16

// Flags of a trie entry: a word of each set ends at the child.
const (
	endClosed uint16 = 1 << iota
	endAffix
	endFlags = endClosed | endAffix
	flagBits = 2
)

// maxTrieNodes is the most nodes a trie's entries can index.
const maxTrieNodes = 1 << (16 - flagBits)

// sides are the split points of a word, bit k for the split before w[k].
type sides struct {
	pre, suf           uint64 // w[:k], w[k:] is a closed-class word
	affixPre, affixSuf uint64 // w[:k], w[k:] is affix-like
}

// newSideSet builds the side set of closed-class and affix-like words,
// keeping the words that are lower-case ASCII letters only: no other word
// can be a part of the ASCII letters that sides is asked about (a word with
// an upper-case letter is never found by lookup, which lowers the word it is
// asked). The tries hold at most maxTrieNodes nodes (16,384), far more
// than a closed-class list needs; words beyond are left out.
func newSideSet[V, W any](closed map[string]V, affix map[string]W) *sideSet {
	s := &sideSet{fwd: trie{{}}, rev: trie{{}}}
	var buf []byte
	add := func(w string, flag uint16) {
		if !lowerLetters(w) {
			return
		}
		s.fwd.add(w, flag)
		buf = append(buf[:0], w...)
		slices.Reverse(buf)
		s.rev.add(string(buf), flag)
	}
	for w := range closed {
		add(w, endClosed)
	}
	for w := range affix {
		add(w, endAffix)
	}
	return s
}

func lowerLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

func (t *trie) add(w string, flag uint16) {
	if len(*t)+len(w) > maxTrieNodes {
		return
	}
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i] & 31
		if (*t)[n][c] == 0 {
			(*t)[n][c] = uint16(len(*t)) << flagBits
			*t = append(*t, trieNode{})
		}
		if i == len(w)-1 {
			(*t)[n][c] |= flag
		}
		n = int((*t)[n][c] >> flagBits)
	}
}

// sides returns the sides of the ASCII letters w (of at most 64 bytes, any
// case) at the split points k with lo <= k <= hi.
func (s *sideSet) sides(w string, lo, hi int) (sd sides) {
	fwd, rev := s.fwd, s.rev
	n := 0
	for k := 1; k <= hi; k++ {
		e := fwd[n][w[k-1]&31]
		if e == 0 {
			break
		}
		n = int(e >> flagBits)
		if f := e & endFlags; f != 0 && k >= lo {
			sd.pre |= uint64(f&endClosed) << k
			sd.affixPre |= uint64(f&endAffix>>1) << k
		}
	}
	n = 0
	for k := len(w) - 1; k >= lo; k-- {
		e := rev[n][w[k]&31]
		if e == 0 {
			break
		}
		n = int(e >> flagBits)
		if f := e & endFlags; f != 0 && k <= hi {
			sd.suf |= uint64(f&endClosed) << k
			sd.affixSuf |= uint64(f&endAffix>>1) << k
		}
	}
	return sd
}

// sideFinder finds the sides of a word (ASCII letters of at most 64 bytes)
// at the split points k with lo <= k <= hi.
type sideFinder interface {
	sides(w string, lo, hi int) sides
}

// sideSource is implemented by the lexicons of this package, whose sides of
// a word are found by a sideSet over their closed-class words and affixLike.
type sideSource interface {
	sideFinder() sideFinder
}

// affixOnly is the side set of affixLike alone, for a lexicon of another
// package.
var affixOnly = newSideSet[struct{}](nil, affixLike)

// sidesOf returns the side finder of lex. A lexicon of another package is
// asked its Function of every part.
func sidesOf(lex Lexicon) sideFinder {
	if s, ok := lex.(sideSource); ok {
		return s.sideFinder()
	}
	return functionSides{lex}
}

// functionSides finds sides by asking a lexicon's Function of every part.
type functionSides struct{ lex Lexicon }

func (f functionSides) sides(w string, lo, hi int) sides {
	sd := affixOnly.sides(w, lo, hi)
	for k := lo; k <= hi; k++ {
		if f.lex.Function(w[:k]) {
			sd.pre |= 1 << k
		}
		if f.lex.Function(w[k:]) {
			sd.suf |= 1 << k
		}
	}
	return sd
}

// splitLexicon is a lexicon with its side finder, which splitPoints looks up
// once per text rather than once per word: the interface conversion cost
// more than the trie walks of a short word.
type splitLexicon struct {
	lex   Lexicon
	sides sideFinder
}

func newSplitLexicon(lex Lexicon) splitLexicon {
	return splitLexicon{lex: lex, sides: sidesOf(lex)}
}
