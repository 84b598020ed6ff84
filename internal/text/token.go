package text

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Kind is the coarse shape of a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, marks and digits ("Hanoi", "COP26", "50th")
	Number             // digits, with "." or "," between digits ("7.11", "1,000")
	Punct              // any other single rune
)

// Token is one token of a text, with its byte offsets in that text.
//
// A token is 24 bytes, since a text has a token every five or six bytes:
// its offsets are 32 bits (see MaxText), its end is a method, and its line
// count stops at the most a uint16 holds.
type Token struct {
	Text  string // the token as it stands in the text
	Start int32  // byte offset
	Lines uint16 // number of '\n' in the whitespace before the token, at most math.MaxUint16
	Kind  Kind
}

// End is the byte offset just after the token.
func (t Token) End() int32 { return t.Start + int32(len(t.Text)) }

// MaxText is the longest text Tokenize reads: token offsets are 32 bits,
// which keeps a token at 32 bytes. A longer text is tokenised up to there.
const MaxText = math.MaxInt32

// Tokenize splits s into words, numbers and punctuation. Hyphens split words
// ("Under-Secretary-General" is five tokens) so that the parts of a compound
// stay visible to the gazetteer; a possessive "'s" (or a bare "'" after an
// s) is a token of its own, so "Guterres's" is "Guterres" + "'s".
// Gazetteer phrases are tokenised by the same function, which keeps the two
// in step. Only the first MaxText bytes of s are read.
func Tokenize(s string) []Token {
	return AppendTokens(nil, s)
}

// AppendTokens is Tokenize appending to dst, so that a caller can reuse
// the slice of an earlier text.
func AppendTokens(dst []Token, s string) []Token {
	if len(s) > MaxText {
		s = s[:MaxText]
	}
	// News text has a token every five or six bytes.
	toks := slices.Grow(dst, len(s)/5+1)
	lines := 0
	for i := 0; i < len(s); {
		// One class per rune, from a table for ASCII, decides what starts
		// here: the common bytes never reach the Unicode tables.
		c := s[i]
		size, cls := 1, asciiOther
		if c < utf8.RuneSelf {
			cls = asciiClass[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			cls = runeClass(r)
		}
		start := i
		kind := Punct
		switch cls {
		case asciiSpace:
			if c == '\n' {
				lines++
			}
			i += size
			continue
		case asciiLetter:
			kind = Word
			i = scanWord(s, i+size)
		case asciiDigit:
			kind = Number
			i = scanNumber(s, i)
			if isWordByte(s, i) {
				// "50th", "2nd", "4G": an ordinal or code, not a number.
				kind = Word
				i = scanWord(s, i)
			}
		default:
			i += size
			if c == '\'' && len(toks) > 0 && int(toks[len(toks)-1].End()) == start && toks[len(toks)-1].Kind == Word {
				// Possessive: "'s" glued to the word before, or "'" after a final s.
				if i < len(s) && (s[i] == 's' || s[i] == 'S') && !isWordByte(s, i+1) {
					i++
				}
			}
		}
		toks = append(toks, Token{Text: s[start:i], Start: int32(start), Kind: kind, Lines: uint16(min(lines, math.MaxUint16))})
		lines = 0
	}
	return toks
}

// ASCII byte classes, so that the common bytes skip the Unicode tables.
const (
	asciiOther uint8 = iota
	asciiSpace
	asciiLetter
	asciiDigit
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch r := rune(c); {
		case unicode.IsSpace(r):
			t[c] = asciiSpace
		case unicode.IsLetter(r):
			t[c] = asciiLetter
		case unicode.IsDigit(r):
			t[c] = asciiDigit
		}
	}
	return t
}()

// runeClass is asciiClass for a rune of any size.
func runeClass(r rune) uint8 {
	switch {
	case r < utf8.RuneSelf:
		return asciiClass[r]
	case unicode.IsSpace(r):
		return asciiSpace
	case unicode.IsLetter(r):
		return asciiLetter
	case unicode.IsDigit(r):
		return asciiDigit
	}
	return asciiOther
}

// isWordByte reports whether a letter or digit starts at s[i].
func isWordByte(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return asciiClass[c] >= asciiLetter
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// scanWord returns the end of the letters, digits and marks starting at
// s[i].
func scanWord(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiClass[c] < asciiLetter {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			break
		}
		i += size
	}
	return i
}

func scanNumber(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case (c == '.' || c == ',') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			i++
		default:
			return i
		}
	}
	return i
}
