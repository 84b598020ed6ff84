// Package text is the engine's text layer: tokens with byte offsets, folding
// of case and diacritics, the cleaned shadow of a raw text with its map back
// to raw offsets, and sentence boundaries.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldExtra covers letters that do not decompose into a base letter and a
// combining mark, so NFD alone leaves them as they are.
var foldExtra = map[rune]string{
	'đ': "d", 'Đ': "D", 'ø': "o", 'Ø': "O", 'ł': "l", 'Ł': "L", 'ß': "ss",
	'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE", 'ð': "d", 'Ð': "D", 'þ': "th", 'Þ': "Th",
	'ı': "i", 'ħ': "h", 'Ħ': "H",
	'‘': "'", '’': "'", 'ʼ': "'", '`': "'", '´': "'",
	'“': "\"", '”': "\"", '„': "\"",
	'–': "-", '—': "-", '‒': "-", '−': "-", '‐': "-", '‑': "-",
}

// Fold removes diacritics ("Nguyễn" -> "Nguyen", "Đà Nẵng" -> "Da Nang") and
// unifies quotes and dashes. Case is kept. Plain ASCII comes back unchanged
// without allocating.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := foldExtra[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Key is the case- and diacritic-insensitive form of s, used to compare
// names loosely.
func Key(s string) string {
	return strings.ToLower(Fold(s))
}
