// Package text is the engine's text layer: tokens with byte offsets, folding
// of case and diacritics, the cleaned shadow of a raw text with its map back
// to raw offsets, and sentence boundaries.
package text

import (
	"sync"
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
	if isASCII(s) {
		return s
	}
	// Folded tokens and names fit the stack buffer; the string conversion
	// is then the only allocation.
	var buf [128]byte
	return string(appendFold(buf[:0], s, false))
}

// Key is the case- and diacritic-insensitive form of s, used to compare
// names loosely: the lower case (unicode.ToLower, rune by rune) of Fold(s).
func Key(s string) string {
	var buf [128]byte
	k := appendFold(buf[:0], s, true)
	if string(k) == s {
		return s // already a key ("minister"): no copy
	}
	return string(k)
}

// AppendFold appends Fold(s) to dst, so that a caller can fold into a
// buffer it reuses and make a string only of the folds it keeps.
func AppendFold(dst []byte, s string) []byte { return appendFold(dst, s, false) }

// AppendKey appends Key(s) to dst; see AppendFold.
func AppendKey(dst []byte, s string) []byte { return appendFold(dst, s, true) }

// appendFold appends the fold of s, lower-cased rune by rune if lower, to
// dst. Plain ASCII is left as it is (but lowered for a key). Otherwise runes
// with a foldTable entry (ASCII, Latin letters with diacritics and combining
// marks: nearly all the non-ASCII text of English news) are folded one by
// one from the table; a string with any other rune is folded whole by
// foldSlow, the definition.
func appendFold(dst []byte, s string, lower bool) []byte {
	if isASCII(s) {
		if !lower {
			return append(dst, s...)
		}
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	start, table := len(dst), foldTable()
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		e, ok := table.at(r)
		if !ok {
			return foldSlow(dst[:start], s, lower)
		}
		if lower {
			dst = append(dst, e.key...)
		} else {
			dst = append(dst, e.fold...)
		}
		i += size
	}
	return dst
}

// foldSlow appends the fold of s to dst by its definition: the NFD
// decomposition of s without its non-spacing marks (Mn), with foldExtra's
// replacements, lower-cased rune by rune if lower.
func foldSlow(dst []byte, s string, lower bool) []byte {
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := foldExtra[r]; ok {
			for _, x := range rep {
				dst = utf8.AppendRune(dst, lowerIf(lower, x))
			}
			continue
		}
		dst = utf8.AppendRune(dst, lowerIf(lower, r))
	}
	return dst
}

func lowerIf(lower bool, r rune) rune {
	if lower {
		return unicode.ToLower(r)
	}
	return r
}

// foldEntry is what Fold and Key make of one rune.
type foldEntry struct{ fold, key string }

// runeFolds holds the folds of the runes of two ranges, worked out once by
// foldSlow. Folding a string rune by rune from it gives what foldSlow gives
// for the whole string, because every rune of these ranges decomposes into
// runes that NFD never reorders (combining class 0) and non-spacing marks,
// which Fold drops: the rest keep their order. TestFoldTableReorderSafe
// checks this of every rune in the ranges.
type runeFolds struct {
	latin      [0x370]foldEntry           // ASCII to the combining marks
	additional [0x1F00 - 0x1E00]foldEntry // Latin Extended Additional (Vietnamese)
}

// foldTable is built on first use (a millisecond's work), not when a
// program that never folds starts.
var foldTable = sync.OnceValue(func() *runeFolds {
	t := new(runeFolds)
	fill := func(entries []foldEntry, first rune) {
		for i := range entries {
			s := string(first + rune(i))
			entries[i] = foldEntry{fold: string(foldSlow(nil, s, false)), key: string(foldSlow(nil, s, true))}
		}
	}
	fill(t.latin[:], 0)
	fill(t.additional[:], 0x1E00)
	return t
})

// at returns the entry of r, if r is in the table's ranges.
func (t *runeFolds) at(r rune) (foldEntry, bool) {
	switch {
	case 0 <= r && r < 0x370:
		return t.latin[r], true
	case 0x1E00 <= r && r < 0x1F00:
		return t.additional[r-0x1E00], true
	}
	return foldEntry{}, false
}
