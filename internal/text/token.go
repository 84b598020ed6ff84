package text

import (
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
type Token struct {
	Text       string // the token as it stands in the text
	Start, End int32  // byte offsets, end exclusive
	Lines      int32  // number of '\n' in the whitespace before the token
	Kind       Kind
}

// Tokenize splits s into words, numbers and punctuation. Hyphens split words
// ("Under-Secretary-General" is five tokens) so that the parts of a compound
// stay visible to the gazetteer; a possessive "'s" (or a bare "'" after an
// s) is a token of its own, so "Guterres's" is "Guterres" + "'s".
// Gazetteer phrases are tokenised by the same function, which keeps the two
// in step.
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5+1)
	lines := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			lines++
			i += size
			continue
		case unicode.IsSpace(r):
			i += size
			continue
		}
		start := i
		kind := Punct
		switch {
		case unicode.IsLetter(r):
			kind = Word
			i = scanWord(s, i)
		case unicode.IsDigit(r):
			kind = Number
			i = scanNumber(s, i)
			if isWordByte(s, i) {
				// "50th", "2nd", "4G": an ordinal or code, not a number.
				kind = Word
				i = scanWord(s, i)
			}
		case r == '\'' && len(toks) > 0 && int(toks[len(toks)-1].End) == i && toks[len(toks)-1].Kind == Word:
			// Possessive: "'s" glued to the word before, or "'" after a final s.
			i += size
			if i < len(s) && (s[i] == 's' || s[i] == 'S') && !isWordByte(s, i+1) {
				i++
			}
		default:
			i += size
		}
		toks = append(toks, Token{Text: s[start:i], Start: int32(start), End: int32(i), Kind: kind, Lines: int32(lines)})
		lines = 0
	}
	return toks
}

// isWordByte reports whether a letter or digit starts at s[i].
func isWordByte(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func scanWord(s string, i int) int {
	for i < len(s) {
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
