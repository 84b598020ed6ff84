// The shadow invariant. Clean never changes the raw text: it builds a cleaned
// shadow (Shadow.Clean) and a map back to raw byte offsets. For every span
// [a,b) of Clean that starts and ends on token boundaries, Shadow.RawSpan
// returns rs <= re within Raw; rs is monotone in a and re is monotone in b;
// noise deleted inside the span lies inside Raw[rs:re]; and where the span is
// raw text the cleaner left unchanged, Raw[rs:re] == Clean[a:b]. Entities
// found in Clean are therefore reported at true raw offsets. (This paragraph
// joins the package comment of fold.go in go doc.)
package text

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Shadow is the cleaned form of a raw text with a map from clean byte offsets
// back to raw ones. Raw is never modified.
//
// The map is piecewise: a run of clean bytes copied from raw costs one entry
// however long it is, so the map of a mostly clean 10 MB text is small, and
// the map of a text that needed no repair is empty.
type Shadow struct {
	Raw, Clean string

	// pcs covers Clean with contiguous pieces in clean and raw order; nil
	// means Clean == Raw byte for byte (the identity map).
	pcs     []piece
	invalid int
}

// piece is one run of the offset map. A copy piece maps clean byte c0+k to
// raw byte r0+k. An atomic piece maps every clean byte in it to its whole raw
// range: a replacement ("…" -> "..."), a deletion (no clean bytes), or an
// inserted space (no raw bytes). The piece ends where the next one starts.
//
// Offsets are 32 bits, which keeps a piece at 8 bytes and is why Clean
// leaves texts of maxClean bytes or more unrepaired.
type piece struct {
	c  uint32 // clean start
	rb uint32 // raw start << 1, low bit set for an atomic piece
}

func (p piece) start() int     { return int(p.c) }
func (p piece) raw() int       { return int(p.rb >> 1) }
func (p piece) isAtomic() bool { return p.rb&1 == 1 }

func newPiece(c, raw int, atomic bool) piece {
	rb := uint32(raw) << 1
	if atomic {
		rb |= 1
	}
	return piece{c: uint32(c), rb: rb}
}

// maxClean bounds the raw texts that Clean repairs. Raw offsets shifted by
// one bit and clean offsets (up to three times the raw length, when every
// byte is invalid UTF-8) must fit in 32 bits. A news article is far below.
const maxClean = 1 << 30

// InvalidUTF8 returns the number of raw bytes that were not valid UTF-8; each
// became U+FFFD in Clean. The engine warns about such input.
func (s *Shadow) InvalidUTF8() int {
	if s == nil {
		return 0
	}
	return s.invalid
}

// RawSpan maps the clean span [start,end) to raw offsets: the raw start of
// clean byte start and the raw end of clean byte end-1, so noise inside the
// span (an emoji in "Mi💝nister") is included, and Raw[rs:re] is always valid
// to slice. An empty or out-of-range span is clamped, never panics; an empty
// span maps to the raw position of its clean offset.
func (s *Shadow) RawSpan(start, end int) (rs, re int) {
	if s == nil {
		return 0, 0
	}
	n := len(s.Clean)
	start = min(max(start, 0), n)
	end = min(max(end, start), n)
	if start == end {
		if start == n {
			return len(s.Raw), len(s.Raw)
		}
		p, _ := s.rawByte(start)
		return p, p
	}
	if s.pcs == nil {
		return start, end
	}
	// The span's last byte lies in its first byte's piece or a later one:
	// the second search starts where the first ended.
	i := s.pieceOf(start, 0)
	rs, _ = s.rawIn(start, i)
	_, re = s.rawIn(end-1, s.pieceOf(end-1, i))
	return rs, re
}

// rawByte returns the raw range of clean byte c (0 <= c < len(Clean)).
func (s *Shadow) rawByte(c int) (rs, re int) {
	if s.pcs == nil {
		return c, c + 1
	}
	return s.rawIn(c, s.pieceOf(c, 0))
}

// rawIn returns the raw range of clean byte c, which piece i holds.
func (s *Shadow) rawIn(c, i int) (rs, re int) {
	p := s.pcs[i]
	if !p.isAtomic() {
		r := p.raw() + c - p.start()
		return r, r + 1
	}
	end := len(s.Raw)
	if i+1 < len(s.pcs) {
		end = s.pcs[i+1].raw()
	}
	return p.raw(), end
}

// pieceOf returns the index of the piece that holds clean byte c: the last
// one starting at or before c. Empty pieces at the same offset come first,
// so the one found is the one that holds c. The search begins at
// pcs[from], which must start at or before c; the map must not be the
// identity.
func (s *Shadow) pieceOf(c, from int) int {
	// Most spans lie within one piece: then the next one starts beyond c.
	lo, hi := from+1, len(s.pcs)
	if lo == hi || s.pcs[lo].start() > c {
		return from
	}
	// The first piece starting beyond c, by binary search.
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if s.pcs[mid].start() > c {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo - 1
}

// mapBuilder writes clean text and its pieces. Raw input is consumed strictly
// in order, so a piece needs only its start: contiguity gives its end.
//
// A builder made by newMapBuilder over raw starts lazy: while every byte so
// far was copied unchanged, the clean text is raw's prefix and nothing is
// written; the first repair copies that prefix into the buffer. A text that
// needs no repair thus costs no copy.
type mapBuilder struct {
	src  string          // raw, while lazy
	lazy bool            // the clean text so far is src[:raw]
	buf  strings.Builder // the clean text, once not lazy
	pcs  []piece
	raw  int // raw bytes consumed so far
	size int // bytes to reserve for the clean text
}

// newMapBuilder returns a lazy builder over raw that reserves size bytes
// once it writes.
func newMapBuilder(raw string, size int) *mapBuilder {
	return &mapBuilder{src: raw, lazy: true, size: size}
}

// text returns the clean text written so far, without copying it.
func (b *mapBuilder) text() string {
	if b.lazy {
		return b.src[:b.raw]
	}
	return b.buf.String()
}

// write appends s, leaving lazy mode first.
func (b *mapBuilder) write(s string) {
	if b.lazy {
		b.lazy = false
		b.buf.Grow(b.size)
		b.buf.WriteString(b.src[:b.raw])
	}
	b.buf.WriteString(s)
}

// copy appends s, which is the next len(s) raw bytes unchanged.
func (b *mapBuilder) copy(s string) {
	if s == "" {
		return
	}
	if len(b.pcs) == 0 || b.pcs[len(b.pcs)-1].isAtomic() {
		b.pcs = append(b.pcs, newPiece(len(b.text()), b.raw, false))
	}
	if !b.lazy {
		b.buf.WriteString(s)
	}
	b.raw += len(s)
}

// atomic appends out for the next rawLen raw bytes. Neighbouring atomic
// pieces that hold only white space (or nothing) are merged: no token starts
// or ends inside white space, so the merge loses nothing and keeps a text
// full of no-break spaces or stray emoji from costing one entry per rune.
func (b *mapBuilder) atomic(rawLen int, out string) {
	t := b.text()
	if k := len(b.pcs) - 1; k < 0 || !b.pcs[k].isAtomic() || !blank(t[b.pcs[k].start():]) || !blank(out) {
		b.pcs = append(b.pcs, newPiece(len(t), b.raw, true))
	}
	b.write(out)
	b.raw += rawLen
}

// blank reports whether s holds only spaces and newlines (or nothing).
func blank(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\n' {
			return false
		}
	}
	return true
}

// Clean builds the cleaned shadow of raw. It deletes emoji, pictographs,
// stray symbols and zero-width or bidi controls, and letters of another
// script glued to a Latin word (a word wholly in another script, such as a
// Chinese name in brackets, is kept); turns Unicode spaces into ' ', CR LF and
// CR into '\n', other control characters into ' ', curly quotes into
// straight ones, dashes into '-' and '…' into "..."; composes decomposed
// letters (NFC); replaces each invalid UTF-8 byte with U+FFFD; and splits
// words that scraping glued together ("ofHome", "theminister's",
// "affirmed.The"), asking lex which words exist. A nil lex means
// DefaultLexicon(). Clean plain ASCII text costs a scan and no map. A text of
// 1 GiB or more is left as it is (Clean == Raw), since the map's offsets are
// 32 bits.
func Clean(raw string, lex Lexicon) *Shadow {
	if lex == nil {
		lex = DefaultLexicon()
	}
	s := &Shadow{Raw: raw}
	if len(raw) >= maxClean {
		s.Clean = raw
		return s
	}
	t1 := raw
	if !plainASCII(raw) {
		b := newMapBuilder(raw, len(raw)+len(raw)/16)
		s.invalid = repair(b, raw, lex)
		if !b.lazy {
			t1, s.pcs = b.text(), b.pcs
		} // else nothing changed: keep the identity map
	}
	ins := splitPoints(t1, lex)
	if len(ins) == 0 {
		s.Clean = t1
		return s
	}
	s.Clean, s.pcs = insertSpaces(t1, s.pcs, len(raw), ins)
	return s
}

// plainASCII reports whether s is printable ASCII, '\n' and '\t' only, which
// the character repairs leave alone.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if !keptASCII[s[i]] {
			return false
		}
	}
	return true
}

// keptASCII marks the bytes that the character repairs copy unchanged:
// printable ASCII, '\n' and '\t'. It has a row for every byte, so that a
// loop over a text asks one question per byte.
var keptASCII = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	t['\n'], t['\t'] = true, true
	return t
}()

// rune classes for the character repairs.
type class uint8

const (
	clPlain   class = iota // kept (after NFC)
	clFormat               // zero-width and bidi controls: deleted
	clNoise                // emoji, pictographs, stray symbols: deleted
	clForeign              // a letter of a script other than Latin
	clMark                 // a combining mark
	clReplace              // a quote, dash, space or control with a plain form
)

// classify returns the class of a non-ASCII rune r and, for clReplace, its
// replacement. ASCII is repaired byte by byte in repair.
func classify(r rune) (class, string) {
	switch {
	case 0xC0 <= r && r <= 0x24F && r != 0xD7 && r != 0xF7, 0x1E00 <= r && r <= 0x1EFF:
		// Latin letters with diacritics, Vietnamese among them: the
		// common case, settled before any table look-up.
		return clPlain, ""
	case r == 0xAD, r == 0x34F, r == 0x61C, r == 0x180E,
		0x200B <= r && r <= 0x200F, 0x202A <= r && r <= 0x202E,
		0x2060 <= r && r <= 0x2064, 0x2066 <= r && r <= 0x2069, r == 0xFEFF:
		return clFormat, ""
	case 0x80 <= r && r <= 0x9F:
		return clReplace, c1Control(r)
	}
	if rep, ok := replacements[r]; ok {
		return clReplace, rep
	}
	if unicode.IsLetter(r) {
		if unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Common, r) || unicode.Is(unicode.Inherited, r) {
			return clPlain, ""
		}
		return clForeign, ""
	}
	switch {
	case 0xFE00 <= r && r <= 0xFE0F, 0xE0100 <= r && r <= 0xE01EF, // variation selectors
		0xE0000 <= r && r <= 0xE007F, // tags (flag sequences)
		0x1F3FB <= r && r <= 0x1F3FF: // skin-tone modifiers
		return clNoise, ""
	case unicode.Is(unicode.Me, r): // enclosing marks (keycaps)
		return clNoise, ""
	case unicode.IsMark(r):
		return clMark, ""
	case unicode.Is(unicode.Zs, r):
		return clReplace, " "
	case unicode.Is(unicode.Pd, r):
		return clReplace, "-"
	case unicode.Is(unicode.So, r):
		if keptSymbols[r] {
			return clPlain, ""
		}
		return clNoise, ""
	case unicode.Is(unicode.Co, r):
		// Private use characters are icon-font glyphs in scraped pages.
		return clNoise, ""
	case !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.C):
		// Unassigned in Go's tables: most likely an emoji newer than them.
		return clNoise, ""
	}
	return clPlain, ""
}

// replacements maps quotes, dashes that are not Pd, and separators to plain
// forms. Dashes of class Pd and spaces of class Zs are handled by category.
var replacements = map[rune]string{
	'‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '‵': "'", '´': "'",
	'ʼ': "'", 'ʹ': "'", 'ʻ': "'", '‹': "'", '›': "'", '＇': "'",
	'“': "\"", '”': "\"", '„': "\"", '‟': "\"", '″': "\"", '‶': "\"",
	'«': "\"", '»': "\"", '〝': "\"", '〞': "\"", '＂': "\"",
	'−': "-", '‒': "-", // minus sign (Sm) and figure dash
	'…': "...", '‥': "..", '․': ".",
	'\u2028': "\n", '\u2029': "\n\n", // line and paragraph separators
}

// keptSymbols are Other Symbols with a meaning in news text. U+FFFD marks
// text lost to a bad decoding; Clean writes it for invalid bytes, so it
// keeps it where the raw text already had it.
var keptSymbols = map[rune]bool{'°': true, '№': true, '℃': true, '℉': true, '\uFFFD': true}

// c1Control maps a C1 control. Those at 0x91-0x97 are almost always
// Windows-1252 quotes and dashes decoded as Latin-1; NEL is a line break.
func c1Control(r rune) string {
	switch r {
	case 0x85:
		return "\n"
	case 0x91, 0x92:
		return "'"
	case 0x93, 0x94:
		return "\""
	case 0x96, 0x97:
		return "-"
	}
	return " "
}

// confusables are Cyrillic and Greek letters drawn like Latin ones. Inside a
// Latin word they are a disguise ("Мinister" with a Cyrillic М), so they are
// turned into the Latin letter instead of being deleted.
var confusables = map[rune]rune{
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P',
	'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x',
	'і': 'i', 'ј': 'j', 'ѕ': 's',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M',
	'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ο': 'o',
}

// repair performs the character repairs of raw into b and returns the number
// of invalid UTF-8 bytes.
func repair(b *mapBuilder, raw string, lex Lexicon) (invalid int) {
	n := len(raw)
	for i := 0; i < n; {
		c := raw[i]
		if c < utf8.RuneSelf {
			if keptASCII[c] {
				j := i + 1
				for j < n && keptASCII[raw[j]] {
					j++
				}
				// A combining mark after the run composes with its last
				// byte ("e" + U+0301 -> "é"), so that byte starts a cluster.
				if j < n && raw[j] >= utf8.RuneSelf && !norm.NFC.PropertiesString(raw[j:]).BoundaryBefore() {
					b.copy(raw[i : j-1])
					i = cluster(b, raw, j-1)
					continue
				}
				b.copy(raw[i:j])
				i = j
				continue
			}
			switch {
			case c == '\r' && i+1 < n && raw[i+1] == '\n':
				b.atomic(2, "\n")
				i += 2
			case c == '\r':
				b.atomic(1, "\n")
				i++
			default:
				b.atomic(1, " ")
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(raw[i:])
		if r == utf8.RuneError && size == 1 {
			b.atomic(1, "\uFFFD")
			invalid++
			i++
			continue
		}
		cls, rep := classify(r)
		switch cls {
		case clReplace:
			b.atomic(size, rep)
			i += size
		case clFormat, clNoise, clForeign:
			i = noiseRun(b, raw, i, lex)
		default:
			i = cluster(b, raw, i)
		}
	}
	return invalid
}

// cluster copies the rune at i with the combining marks that follow it,
// composed to NFC, and returns the offset after them.
func cluster(b *mapBuilder, raw string, i int) int {
	_, size := utf8.DecodeRuneInString(raw[i:])
	j := i + size
	// ASCII never combines with what comes before it, so the common case
	// (a letter with its diacritics precomposed, then ASCII) skips the
	// normalisation tables.
	for j < len(raw) && raw[j] >= utf8.RuneSelf {
		r, sz := utf8.DecodeRuneInString(raw[j:])
		if r == utf8.RuneError && sz == 1 || norm.NFC.PropertiesString(raw[j:]).BoundaryBefore() {
			break
		}
		j += sz
	}
	seg := raw[i:j]
	if isNFC(seg) {
		b.copy(seg)
	} else {
		b.atomic(len(seg), repairComposed(norm.NFC.String(seg)))
	}
	return j
}

// isNFC reports whether seg, one normalisation segment, is in NFC. The quick
// check settles almost every segment without allocating; only segments
// with combining marks need the full comparison.
func isNFC(seg string) bool {
	return norm.NFC.QuickSpanString(seg) == len(seg) || norm.NFC.String(seg) == seg
}

// repairComposed applies the character repairs to the NFC form of a cluster:
// a few characters compose to one that needs them (U+0374 GREEK NUMERAL SIGN
// becomes U+02B9, an apostrophe here), and NFC writes U+034F into very long
// runs of marks.
func repairComposed(s string) string {
	var out []byte
	for i, r := range s {
		cls, rep := classify(r)
		if r < utf8.RuneSelf || cls == clPlain || cls == clMark || cls == clForeign {
			if out != nil {
				out = utf8.AppendRune(out, r)
			}
			continue
		}
		if out == nil {
			out = append(make([]byte, 0, len(s)), s[:i]...)
		}
		if cls == clReplace {
			out = append(out, rep...)
		}
	}
	if out == nil {
		return s
	}
	return string(out)
}

// noiseRun handles the run of zero-width controls, symbols, foreign-script
// letters and combining marks that starts at i, and returns its end.
//
// A foreign-script word that stands alone is text (a name in Chinese or
// Russian) and is kept, minus any symbols in it. Glued to a Latin letter it
// is noise. Noise is deleted; where it stood between two letters it either
// joins them ("Mi💝nister" -> "Minister") or, when both sides are known words
// and their join is not ("Hello💝World"), becomes a space, so that no two
// words are glued. Zero-width controls alone always join.
func noiseRun(b *mapBuilder, raw string, i int, lex Lexicon) int {
	j := i
	hasNoise, hasForeign, allConfusable := false, false, true
scan:
	for j < len(raw) {
		r, sz := utf8.DecodeRuneInString(raw[j:])
		if r < utf8.RuneSelf || r == utf8.RuneError && sz == 1 {
			break // ASCII and invalid bytes have their own repairs
		}
		cls, _ := classify(r)
		switch cls {
		case clNoise:
			hasNoise = true
		case clForeign:
			hasForeign = true
			if _, ok := confusables[r]; !ok {
				allConfusable = false
			}
		case clFormat:
		case clMark:
			allConfusable = false
		default:
			break scan
		}
		j += sz
	}
	right, _ := utf8.DecodeRuneInString(raw[j:])
	if j == len(raw) {
		right = utf8.RuneError
	}
	left := lastLetter(b.text())
	leftLatin, rightLatin := isLatinLetter(left), isLatinLetter(right)
	if hasForeign && !leftLatin && !rightLatin {
		keepForeign(b, raw, i, j)
		return j
	}
	if hasForeign && !hasNoise && allConfusable {
		var out []byte
		for _, r := range raw[i:j] {
			if l, ok := confusables[r]; ok {
				out = utf8.AppendRune(out, l)
			}
		}
		b.atomic(j-i, string(out))
		return j
	}
	if (hasNoise || hasForeign) && unicode.IsLetter(left) && unicode.IsLetter(right) {
		l := trailingWord(b.text())
		r := raw[j:scanLetters(raw, j)]
		if !lex.Known(l+r) && lex.Known(l) && lex.Known(r) {
			b.atomic(j-i, " ")
			return j
		}
	}
	b.atomic(j-i, "")
	return j
}

// keepForeign copies the foreign-script letters of raw[i:j] with their marks,
// composed to NFC, and deletes the symbols and controls among them.
func keepForeign(b *mapBuilder, raw string, i, j int) {
	for k := i; k < j; {
		r, sz := utf8.DecodeRuneInString(raw[k:])
		cls, _ := classify(r)
		e := k + sz
		for e < j && !norm.NFC.PropertiesString(raw[e:]).BoundaryBefore() {
			_, sz2 := utf8.DecodeRuneInString(raw[e:])
			e += sz2
		}
		switch seg := raw[k:e]; {
		case cls != clForeign && cls != clMark:
			b.atomic(len(seg), "") // a symbol, with any marks on it
		case isNFC(seg):
			b.copy(seg)
		default:
			b.atomic(len(seg), repairComposed(norm.NFC.String(seg)))
		}
		k = e
	}
}

// lastLetter returns the last rune of buf, looking through combining marks
// to their base; utf8.RuneError if there is none.
func lastLetter(buf string) rune {
	for len(buf) > 0 {
		r, sz := utf8.DecodeLastRuneInString(buf)
		if !unicode.IsMark(r) {
			return r
		}
		buf = buf[:len(buf)-sz]
	}
	return utf8.RuneError
}

func isLatinLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) && unicode.Is(unicode.Latin, r)
}

// trailingWord returns the letters and marks at the end of buf.
func trailingWord(buf string) string {
	i := len(buf)
	for i > 0 {
		r, sz := utf8.DecodeLastRuneInString(buf[:i])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		i -= sz
	}
	return buf[i:]
}

// scanLetters returns the end of the letters and marks starting at s[i].
func scanLetters(s string, i int) int {
	for i < len(s) {
		r, sz := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		i += sz
	}
	return i
}

// splitPoints returns, in increasing order, the offsets of t where a space
// must be inserted to split glued words.
func splitPoints(t string, lex Lexicon) []int {
	sl := newSplitLexicon(lex)
	var ins []int
	for i := 0; i < len(t); {
		c := t[i]
		var r rune = rune(c)
		size := 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(t[i:])
		}
		switch {
		case c < utf8.RuneSelf && asciiClass[c] == asciiLetter,
			c >= utf8.RuneSelf && unicode.IsLetter(r):
			j, camel, plain := i, false, false
			if c < utf8.RuneSelf {
				j, camel, plain = asciiWord(t, i)
			}
			// A word of ASCII letters holds no year, so only a number
			// before it can split from it.
			afterNumber := i > 0 && isASCIIDigit(t[i-1])
			if plain && !camel && !afterNumber && j-i < minGlued {
				// Most words: too short to be two glued words.
				i = j
				continue
			}
			if !plain {
				j = scanWord(t, j)
			}
			n := len(ins)
			at, ok := 0, false
			if !plain || afterNumber {
				at, ok = yearSplit(t, i, j, lex)
			}
			switch {
			case ok:
				ins = append(ins, at)
			case inAddress(t, i, j): // a brand: left whole
			case plain && !camel:
				ins = splitGlued(t[i:j], i, sl, ins)
			default:
				ins = wordSplits(t[i:j], i, sl, ins)
			}
			if len(ins) > n {
				ins = append(ins[:n], yearSplitParts(t, i, j, ins[n:], lex)...)
			}
			i = j
			continue
		case c == '.' && periodSplit(t, i):
			ins = append(ins, i+1)
		}
		i += size
	}
	return ins
}

// asciiWord scans the ASCII letters of t from i and returns their end j;
// plain, if the word ends there (t[j] is no letter, digit or mark, which
// are ASCII); and camel, if an upper-case letter follows the first.
func asciiWord(t string, i int) (j int, camel, plain bool) {
	var lower byte = 0x20 // cleared by an upper-case letter after the first
	for j = i + 1; j < len(t); j++ {
		c := t[j]
		if c >= utf8.RuneSelf || asciiClass[c] != asciiLetter {
			return j, lower == 0, c < utf8.RuneSelf && asciiClass[c] != asciiDigit
		}
		lower &= c
	}
	return j, lower == 0, true
}

// yearSplit finds where a closed-class word glued to a four-digit number
// splits from it, the word t[i:j] holding the number ("in2013") or coming
// right after it ("2019and"). Other letters and digits stay together
// ("G20", "4G", "50th").
func yearSplit(t string, i, j int, lex Lexicon) (int, bool) {
	k := i
	for k < j && !isASCIIDigit(t[k]) {
		k++
	}
	if k < j {
		return k, j-k == 4 && digitsOnly(t[k:j]) && lex.Function(t[i:k])
	}
	d := i
	for d > 0 && isASCIIDigit(t[d-1]) {
		d--
	}
	if i-d != 4 || d > 0 && isWordByte(t, d-1) || !lex.Function(t[i:j]) {
		return 0, false
	}
	return i, true
}

// yearSplitParts checks each part that the splits at (sorted, inside the
// word t[i:j]) cut the word into for a year split, as the next pass of
// Clean would check it as a word of its own ("2019By|Hanoi", "AAa|At2019"),
// until none is left, so that Clean is idempotent. It returns the splits
// with the ones it found added, sorted.
func yearSplitParts(t string, i, j int, at []int, lex Lexicon) []int {
	for found := true; found; {
		found = false
		// Part k runs from the split before it (or i) to the split
		// after it (or j).
		for k := 0; k <= len(at) && !found; k++ {
			a, b := i, j
			if k > 0 {
				a = at[k-1]
			}
			if k < len(at) {
				b = at[k]
			}
			p, ok := yearSplit(t, a, b, lex)
			if ok && p < b && (p > a || a == i) && !slices.Contains(at, p) {
				at = slices.Insert(at, sort.SearchInts(at, p), p)
				found = true
			}
		}
	}
	return at
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return true
}

// inAddress reports whether the word t[i:j] is part of a domain, URL or
// e-mail address ("VietnamPlus.vn", "www.vietnamplus.vn/news"), whose camel
// case is a brand and must not be split.
func inAddress(t string, i, j int) bool {
	if j < len(t) && (t[j] == '@' || t[j] == '.' && j+1 < len(t) && 'a' <= t[j+1] && t[j+1] <= 'z') {
		return true
	}
	return i > 0 && (t[i-1] == '@' || t[i-1] == '/' || t[i-1] == '.' && 'a' <= t[i] && t[i] <= 'z')
}

// periodSplit reports whether the period at t[p] is glued between a word or
// number and a capitalised word ("affirmed.The", "14.Phong"). Initials and
// abbreviations of one letter ("U.S.The", "e.g.") and domains, whose next
// letter is lower-case ("VietnamPlus.vn"), are left alone.
func periodSplit(t string, p int) bool {
	if p == 0 || p+1 >= len(t) {
		return false
	}
	next, sz := utf8.DecodeRuneInString(t[p+1:])
	if !unicode.IsUpper(next) {
		return false
	}
	after, _ := utf8.DecodeRuneInString(t[p+1+sz:])
	if !unicode.IsLower(after) {
		return false
	}
	prev, psz := utf8.DecodeLastRuneInString(t[:p])
	switch {
	case unicode.IsDigit(prev):
		return true
	case unicode.IsLetter(prev) || unicode.IsMark(prev):
		// The word before the period must have two letters or more.
		before, _ := utf8.DecodeLastRuneInString(t[:p-psz])
		return unicode.IsLetter(before) || unicode.IsMark(before) || unicode.IsDigit(before)
	}
	return false
}

// namePrefixes are the first parts of surnames written in camel case
// ("McDonald", "MacArthur", "DeSantis", "VanDyke"): never split after them.
var namePrefixes = map[string]bool{
	"mc": true, "mac": true, "van": true, "von": true, "de": true, "di": true,
	"da": true, "la": true, "le": true, "du": true, "del": true, "st": true, "o": true,
}

// wordSplits appends the split points of the word w, which starts at offset
// base, to ins.
func wordSplits(w string, base int, sl splitLexicon, ins []int) []int {
	if !camelCandidate(w) {
		return glueSplit(w, base, sl, ins)
	}
	// Lower-then-upper ("ofHome", "NguyenXuan"): split when the left part is
	// a known or closed-class word, unless the whole word is known
	// ("YouTube", or a gazetteer name such as "VinFast").
	ps := 0     // start of the current part
	whole := -1 // Known(w), looked up at most once: -1 unknown yet
	prevLower := false
	for k := 0; k < len(w); {
		// ASCII first: the Unicode case tables cost more than the rest of
		// the loop.
		r, sz, upper, lower := rune(w[k]), 1, false, false
		if r < utf8.RuneSelf {
			upper, lower = 'A' <= r && r <= 'Z', 'a' <= r && r <= 'z'
		} else {
			r, sz = utf8.DecodeRuneInString(w[k:])
			upper, lower = unicode.IsUpper(r), unicode.IsLower(r)
		}
		if prevLower && upper && k+sz < len(w) {
			next, _ := utf8.DecodeRuneInString(w[k+sz:])
			if unicode.IsLower(next) && leftPart(w[ps:k], sl.lex) {
				if whole < 0 {
					whole = b2i(sl.lex.Known(w))
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
	if ps > 0 {
		return glueSplit(w[ps:], base+ps, sl, ins)
	}
	return glueSplit(w, base, sl, ins)
}

// camelCandidate reports whether w may have a lower-then-upper split: it is
// not ASCII, or has an upper-case letter after its first byte. Most words
// have neither, and this scan is cheaper than the one wordSplits makes.
func camelCandidate(w string) bool {
	for i := 1; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// leftPart reports whether part may stand on the left of a camel-case split:
// letters only, a closed-class word of two letters or more, or a known word
// of three letters or more, and not the first part of a surname.
func leftPart(part string, lex Lexicon) bool {
	n := utf8.RuneCountInString(part)
	if n < 2 || inSet(namePrefixes, part) {
		return false
	}
	for _, r := range part {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return false
		}
	}
	if lex.Function(part) {
		return true
	}
	return n >= 3 && lex.Known(part)
}

// glueSplit splits a closed-class word glued to a known word ("theminister",
// "Theypromised", "Bothsides", "ministerof"). The word must be ASCII letters,
// all lower-case or capitalised, and not known as a whole. The known side
// has three letters or more and the closed-class side two or more. A
// capitalised word that is not known is most often a name ("Anwar",
// "Orban"), so there both sides need three letters or more.
func glueSplit(w string, base int, sl splitLexicon, ins []int) []int {
	if len(w) < minGlued || len(w) > maxGlued {
		return ins
	}
	for i := 1; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return ins
		}
	}
	if c := w[0]; c < 'a' || c > 'z' {
		if c < 'A' || c > 'Z' {
			return ins
		}
	}
	return splitGlued(w, base, sl, ins)
}

// splitGlued is glueSplit for a word w that is known to be ASCII letters,
// all lower-case or capitalised, as splitPoints knows from asciiWord.
func splitGlued(w string, base int, sl splitLexicon, ins []int) []int {
	if len(w) < minGlued || len(w) > maxGlued {
		return ins
	}
	minFunc := 2
	if 'A' <= w[0] && w[0] <= 'Z' {
		minFunc = 3
	}
	// The split points where a closed-class side could split w, found
	// before the word list is asked anything: for most words there is none,
	// and then whether w is known does not matter.
	sd := sl.sides.sides(w, minFunc, len(w)-minFunc)
	both := sd.pre & sd.suf                               // "inthe", "ofthe"
	byLeft := sd.pre &^ sd.affixPre & (1<<(len(w)-2) - 1) // the right side, w[k:], has 3 letters or more
	byRight := sd.suf &^ sd.affixSuf &^ 7                 // the left side, w[:k], has 3 letters or more
	cand := both | byLeft | byRight
	if cand == 0 || sl.lex.Known(w) {
		return ins
	}
	for ; cand != 0; cand &= cand - 1 {
		k := bits.TrailingZeros64(cand)
		bit := uint64(1) << k
		if both&bit != 0 || byLeft&bit != 0 && sl.lex.Known(w[k:]) || byRight&bit != 0 && sl.lex.Known(w[:k]) {
			return append(ins, base+k)
		}
	}
	return ins
}

// minGlued is the shortest word that glueSplit tries to split: a
// closed-class side of two letters and a known side of three.
const minGlued = 5

// maxGlued is the longest run of letters that glueSplit tries to split. Two
// English words glued together are far shorter; a longer run is noise (a
// base64 blob, a scraped line of "aaaa…"), and trying every split point of
// it would cost time quadratic in its length.
const maxGlued = 64

// affixLike are closed-class words that are also common prefixes or
// suffixes of English words ("in-" of "inexactitude", "-or" of "assignor",
// "per-" of "perfusing"). Glued to a known word they most often form a rare
// real word that the word list lacks, so they split only next to another
// closed-class word ("inthe"). The list comes from splitting the 55,000
// words that SCOWL size 70 adds to size 50: these words caused most of the
// false splits.
var affixLike = map[string]bool{
	"in": true, "be": true, "per": true, "after": true, "for": true, "can": true,
	"am": true, "me": true, "so": true, "no": true, "do": true, "or": true,
	"as": true, "on": true, "us": true, "is": true, "an": true, "some": true,
	"most": true, "it": true, "my": true, "mine": true, "her": true, "hers": true,
	"to": true, "by": true, "at": true, "he": true,
}

// inSet reports whether the key (Key) of w is in set, whose words are ASCII
// of at most maxSetWord bytes: a word is lowered on the stack, not
// allocated, unless a long non-ASCII one.
func inSet(set map[string]bool, w string) bool {
	var buf [maxSetWord]byte
	if !isASCII(w) {
		return set[string(AppendKey(buf[:0], w))]
	}
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// maxSetWord bounds the words of namePrefixes and affixLike.
const maxSetWord = 8

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// insertSpaces returns t1 with a space inserted at each offset in ins, and
// the pieces of its map to raw (rawLen bytes long), given the pieces of t1
// (nil for the identity). An inserted space maps to an empty raw range.
func insertSpaces(t1 string, pcs []piece, rawLen int, ins []int) (string, []piece) {
	if pcs == nil {
		pcs = []piece{newPiece(0, 0, false)}
	}
	b := &mapBuilder{pcs: make([]piece, 0, len(pcs)+2*len(ins))}
	b.buf.Grow(len(t1) + len(ins))
	k := 0
	for pi, p := range pcs {
		c0, c1, r1 := p.start(), len(t1), rawLen
		if pi+1 < len(pcs) {
			c1, r1 = pcs[pi+1].start(), pcs[pi+1].raw()
		}
		if p.isAtomic() {
			for k < len(ins) && ins[k] < c0 {
				k++
			}
			if k < len(ins) && ins[k] == c0 {
				b.atomic(0, " ")
				k++
			}
			for k < len(ins) && ins[k] < c1 {
				k++ // never split inside a replacement
			}
			b.atomic(r1-p.raw(), t1[c0:c1])
			continue
		}
		for k < len(ins) && ins[k] < c0 {
			k++ // cannot happen: earlier pieces consume their points
		}
		a := c0
		for k < len(ins) && ins[k] < c1 {
			b.copy(t1[a:ins[k]])
			b.atomic(0, " ")
			a = ins[k]
			k++
		}
		b.copy(t1[a:c1])
	}
	return b.buf.String(), b.pcs
}
