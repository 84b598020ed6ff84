package text

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// gazetteerNames stands in for the engine's gazetteer in the tests.
// The word list holds no proper nouns: names are the gazetteer's to know.
var gazetteerNames = map[string]bool{"petrovietnam": true, "vinfast": true, "vietjet": true, "blackrock": true,
	"nguyen": true, "xuan": true, "thang": true, "youtube": true}

func testLexicon() Lexicon {
	return Extend(DefaultLexicon(), func(w string) bool { return gazetteerNames[Key(w)] })
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, raw, want string
		invalid         int
	}{
		// Pictographs, emoji and symbols.
		{"emoji inside word", "the Mi💝nister said", "the Minister said", 0},
		{"hieroglyph inside word", "a jo𓆉int statement", "a joint statement", 0},
		{"han letter inside word", "coop的eration", "cooperation", 0},
		{"emoji alone", "the 💝 minister", "the  minister", 0},
		{"emoji with skin tone and VS16", "great 👍🏽️ news", "great  news", 0},
		{"ZWJ family inside word", "Min👨‍👩‍👧ister", "Minister", 0},
		{"flag before word", "🇻🇳 Vietnam", " Vietnam", 0},
		{"flag inside word", "Viet🇻🇳nam", "Vietnam", 0},
		{"heart with VS16 glued", "❤️Vietnam", "Vietnam", 0},
		{"keycap", "1️⃣ point", "1 point", 0},
		{"registered sign", "Viettel® group", "Viettel group", 0},
		{"private use icon", "\uf099 Share", " Share", 0},
		{"emoji between known words", "Hello💝World", "Hello World", 0},
		{"emoji after word before period", "talks💝.", "talks.", 0},
		{"emoji before possessive", "Hanoi💝's", "Hanoi's", 0},
		{"degree sign kept", "30°C", "30°C", 0},
		{"standalone foreign word kept", "Hanoi (河内) talks", "Hanoi (河内) talks", 0},
		{"symbol inside foreign word", "河💝内", "河内", 0},
		{"foreign letters glued to word end", "Hanoi的 talks", "Hanoi talks", 0},
		{"cyrillic lookalike", "Мinister", "Minister", 0},
		// Zero-width and bidi controls.
		{"ZWSP", "Mini\u200bster", "Minister", 0},
		{"ZWNJ ZWJ", "Mini\u200c\u200dster", "Minister", 0},
		{"word joiner", "Mini\u2060ster", "Minister", 0},
		{"BOM", "\ufeffHanoi", "Hanoi", 0},
		{"soft hyphen", "co\u00adoperation", "cooperation", 0},
		{"LRM RLM", "\u200eHanoi\u200f", "Hanoi", 0},
		{"bidi embedding", "\u202aHanoi\u202c", "Hanoi", 0},
		{"bidi isolate", "\u2066Hanoi\u2069", "Hanoi", 0},
		// Spaces, line breaks and controls.
		{"NBSP", "Prime\u00a0Minister", "Prime Minister", 0},
		{"narrow NBSP", "10\u202fkm", "10 km", 0},
		{"em space", "Prime\u2003Minister", "Prime Minister", 0},
		{"ideographic space", "Prime\u3000Minister", "Prime Minister", 0},
		{"CRLF", "one\r\ntwo", "one\ntwo", 0},
		{"lone CR", "one\rtwo", "one\ntwo", 0},
		{"NUL and BEL", "a\x00b\x07c\td", "a b c\td", 0},
		{"DEL", "a\x7fb", "a b", 0},
		{"line separator", "one\u2028two", "one\ntwo", 0},
		{"paragraph separator", "one\u2029two", "one\n\ntwo", 0},
		{"NEL", "one\u0085two", "one\ntwo", 0},
		{"cp1252 quote as C1", "Vietnam\u0092s", "Vietnam's", 0},
		// Quotes, dashes, ellipsis.
		{"curly single", "‘Hanoi’", "'Hanoi'", 0},
		{"curly double", "“talks”", "\"talks\"", 0},
		{"curly possessive", "Guterres’s", "Guterres's", 0},
		{"low quote and guillemets", "„a” «b»", "\"a\" \"b\"", 0},
		{"acute as apostrophe", "Vietnam´s", "Vietnam's", 0},
		{"en dash keeps spacing", "EU – Vietnam", "EU - Vietnam", 0},
		{"em dash", "2020—2025", "2020-2025", 0},
		{"minus sign", "−5", "-5", 0},
		{"non-breaking hyphen", "co‑operation", "co-operation", 0},
		{"horizontal bar", "a ― b", "a - b", 0},
		{"ellipsis", "wait…", "wait...", 0},
		// Glued words.
		{"lower upper", "Ministry ofHome Affairs", "Ministry of Home Affairs", 0},
		{"name glued", "NguyenXuan Thang", "Nguyen Xuan Thang", 0},
		{"glued after deleted emoji", "Nguyen💝Xuan", "Nguyen Xuan", 0},
		{"acronym MoHA", "the MoHA said", "the MoHA said", 0},
		{"McDonald", "McDonald", "McDonald", 0},
		{"MacArthur", "MacArthur", "MacArthur", 0},
		{"iPhone", "iPhone", "iPhone", 0},
		{"YouTube", "YouTube", "YouTube", 0},
		{"PetroVietnam known", "PetroVietnam", "PetroVietnam", 0},
		{"VinFast known", "VinFast", "VinFast", 0},
		{"VietJet known", "VietJet", "VietJet", 0},
		{"BlackRock known to the gazetteer", "BlackRock", "BlackRock", 0},
		{"function glued to word", "theminister's view", "the minister's view", 0},
		{"word glued to year", "founded in2013, it", "founded in 2013, it", 0},
		{"year glued to word", "in 2019and after", "in 2019 and after", 0},
		{"code kept", "the G20 and 4G and 50th and Q2019 and 12and", "the G20 and 4G and 50th and Q2019 and 12and", 0},
		{"capitalised function glued", "Theypromised", "They promised", 0},
		{"both sides", "Bothsides agreed", "Both sides agreed", 0},
		{"word then function", "ministerof", "minister of", 0},
		{"two function words", "inthe end", "in the end", 0},
		{"affix-like word not split", "inexactitude", "inexactitude", 0},
		{"known word not split", "another therapist", "another therapist", 0},
		{"name Anwar", "Anwar Ibrahim", "Anwar Ibrahim", 0},
		{"name Orban", "Orban", "Orban", 0},
		{"name Herat", "Herat", "Herat", 0},
		{"British spelling", "Labour", "Labour", 0},
		{"period glued after number", "14.Phong", "14. Phong", 0},
		{"period glued after word", "affirmed.The", "affirmed. The", 0},
		{"period glued after decimal", "grew 7.11.The", "grew 7.11. The", 0},
		{"initials", "the U.S. and", "the U.S. and", 0},
		{"initials glued to word", "U.S.The", "U.S.The", 0},
		{"e.g.", "e.g. this", "e.g. this", 0},
		{"domain", "VietnamPlus.vn", "VietnamPlus.vn", 0},
		{"URL", "www.vietnamplus.vn/PetroTimes", "www.vietnamplus.vn/PetroTimes", 0},
		{"e-mail", "ThanhNien@vna.vn", "ThanhNien@vna.vn", 0},
		{"No.1", "No.1", "No.1", 0},
		// NFC.
		{"decomposed Vietnamese", "Nguye\u0302\u0303n", "Nguyễn", 0},
		{"decomposed place", "Ha\u0300 No\u0323\u0302i", "Hà Nội", 0},
		{"decomposed after ASCII run", "Cafe\u0301 talks", "Café talks", 0},
		{"ohm sign singleton", "5 \u2126", "5 \u03a9", 0},
		{"Greek numeral sign becomes apostrophe", "a\u0374b", "a'b", 0},
		{"Hangul jamo compose", "\u1100\u1161 x", "\uac00 x", 0},
		// Invalid UTF-8.
		{"invalid byte", "a\xffb", "a\ufffdb", 1},
		{"surrogate bytes", "x\xed\xa0\x80y", "x\ufffd\ufffd\ufffdy", 3},
		{"truncated rune", "ab\xe1\xbb", "ab\ufffd\ufffd", 2},
		// Unchanged.
		{"empty", "", "", 0},
		{"plain ASCII", "Prime Minister Pham Minh Chinh met Anwar Ibrahim.", "Prime Minister Pham Minh Chinh met Anwar Ibrahim.", 0},
		{"clean Vietnamese", "Đà Nẵng, Nguyễn", "Đà Nẵng, Nguyễn", 0},
	}
	lex := testLexicon()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Clean(tt.raw, lex)
			if s.Clean != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.raw, s.Clean, tt.want)
			}
			if s.Raw != tt.raw {
				t.Errorf("Raw changed: %q", s.Raw)
			}
			if got := s.InvalidUTF8(); got != tt.invalid {
				t.Errorf("InvalidUTF8() = %d, want %d", got, tt.invalid)
			}
			checkShadow(t, s)
		})
	}
}

// checkShadow tests the shadow invariant on every span of s.Clean that
// starts and ends on token boundaries, and the byte map on every clean byte.
func checkShadow(t *testing.T, s *Shadow) {
	t.Helper()
	// The byte map: in range and monotone.
	prevS, prevE := 0, 0
	for c := 0; c < len(s.Clean); c++ {
		rs, re := s.rawByte(c)
		if rs < prevS || re < prevE || rs > re || re > len(s.Raw) || rs < 0 {
			t.Fatalf("clean byte %d maps to raw [%d,%d) after [%d,%d); raw len %d", c, rs, re, prevS, prevE, len(s.Raw))
		}
		prevS, prevE = rs, re
	}
	toks := Tokenize(s.Clean)
	if len(toks) > 60 {
		toks = toks[:60] // the pair check below is quadratic
	}
	for i, a := range toks {
		prevRE := -1
		for _, b := range toks[i:] {
			rs, re := s.RawSpan(int(a.Start), int(b.End()))
			if rs < 0 || rs > re || re > len(s.Raw) {
				t.Fatalf("RawSpan(%d,%d) = %d,%d: out of order or range (raw len %d)", a.Start, b.End(), rs, re, len(s.Raw))
			}
			if re < prevRE {
				t.Fatalf("RawSpan(%d,%d) end %d < %d: not monotone in end", a.Start, b.End(), re, prevRE)
			}
			prevRE = re
			if unchanged(s, int(a.Start), int(b.End())) && s.Raw[rs:re] != s.Clean[a.Start:b.End()] {
				t.Fatalf("unchanged span %q maps to raw %q", s.Clean[a.Start:b.End()], s.Raw[rs:re])
			}
			if utf8.ValidString(s.Raw) && !utf8.ValidString(s.Raw[rs:re]) {
				t.Fatalf("RawSpan(%d,%d) cuts a rune: %q", a.Start, b.End(), s.Raw[rs:re])
			}
		}
	}
	// Monotone in start.
	prevRS := -1
	for _, a := range toks {
		rs, _ := s.RawSpan(int(a.Start), int(a.End()))
		if rs < prevRS {
			t.Fatalf("RawSpan start %d < %d: not monotone in start", rs, prevRS)
		}
		prevRS = rs
	}
}

// unchanged reports whether clean bytes [a,b) are raw bytes copied as they
// were, in one contiguous raw run.
func unchanged(s *Shadow, a, b int) bool {
	if a >= b {
		return false
	}
	if s.pcs == nil {
		return true
	}
	first, _ := s.rawByte(a)
	for c := a; c < b; c++ {
		i := sort.Search(len(s.pcs), func(i int) bool { return s.pcs[i].start() > c }) - 1
		if s.pcs[i].isAtomic() {
			return false
		}
		if rs, _ := s.rawByte(c); rs != first+c-a {
			return false
		}
	}
	return true
}

func TestRawSpan(t *testing.T) {
	lex := testLexicon()
	tests := []struct {
		name, raw, clean string // clean is the span to look up (first occurrence)
		wantRaw          string
	}{
		{"noise inside span", "the Mi💝nister said", "Minister", "Mi💝nister"},
		{"noise at span edge excluded", "the 💝Minister said", "Minister", "Minister"},
		{"word after deleted noise", "Hello💝World", "World", "World"},
		{"split word left", "ofHome", "of", "of"},
		{"split word right", "ofHome", "Home", "Home"},
		{"split phrase", "Ministry ofHome Affairs", "of Home", "ofHome"},
		{"replaced dash", "EU – Vietnam", "-", "–"},
		{"phrase across replaced dash", "EU – Vietnam", "EU - Vietnam", "EU – Vietnam"},
		{"composed letter", "Nguye\u0302\u0303n Xuan", "Nguyễn", "Nguye\u0302\u0303n"},
		{"curly quoted", "“talks”", "\"talks\"", "“talks”"},
		{"inner word of curly quote", "“talks”", "talks", "talks"},
		{"after CRLF", "one\r\ntwo", "two", "two"},
		{"invalid byte", "a\xffb", "\ufffd", "\xff"},
		{"NBSP phrase", "Prime\u00a0Minister", "Prime Minister", "Prime\u00a0Minister"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Clean(tt.raw, lex)
			a := strings.Index(s.Clean, tt.clean)
			if a < 0 {
				t.Fatalf("%q not in clean %q", tt.clean, s.Clean)
			}
			rs, re := s.RawSpan(a, a+len(tt.clean))
			if got := s.Raw[rs:re]; got != tt.wantRaw {
				t.Errorf("RawSpan of %q = %q, want %q", tt.clean, got, tt.wantRaw)
			}
		})
	}
}

func TestRawSpanClamp(t *testing.T) {
	s := Clean("Mi💝nister ofHome", nil)
	n, rn := len(s.Clean), len(s.Raw)
	tests := []struct {
		start, end, rs, re int
	}{
		{-5, -1, 0, 0},
		{0, 0, 0, 0},
		{n, n + 10, rn, rn},
		{n + 3, 2, rn, rn},
		{5, 3, 9, 9}, // end < start: the empty span at clean 't', raw 9
		{-3, n + 3, 0, rn},
	}
	for _, tt := range tests {
		rs, re := s.RawSpan(tt.start, tt.end)
		if rs != tt.rs || re != tt.re {
			t.Errorf("RawSpan(%d,%d) = %d,%d, want %d,%d", tt.start, tt.end, rs, re, tt.rs, tt.re)
		}
	}
	var nilShadow *Shadow
	if rs, re := nilShadow.RawSpan(0, 5); rs != 0 || re != 0 || nilShadow.InvalidUTF8() != 0 {
		t.Error("nil shadow should map to 0,0")
	}
}

func TestCleanIdentity(t *testing.T) {
	raw := strings.Repeat("Prime Minister Pham Minh Chinh met his counterpart in Hanoi on May 5, 2024. ", 50)
	s := Clean(raw, nil)
	if s.Clean != raw || s.pcs != nil {
		t.Fatalf("clean ASCII text should come back with the identity map, got %d pieces", len(s.pcs))
	}
	allocs := testing.AllocsPerRun(20, func() { Clean(raw, nil) })
	if allocs > 1 {
		t.Errorf("Clean of clean ASCII allocates %.0f times, want at most 1 (the Shadow)", allocs)
	}
	// Valid non-ASCII text that needs no repair keeps the identity too.
	vi := "Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản."
	if s := Clean(vi, nil); s.Clean != vi || s.pcs != nil {
		t.Errorf("clean Vietnamese: got %q with %d pieces", s.Clean, len(s.pcs))
	}
}

// TestCleanMapSize checks that the offset map stays compact on a large text
// with typical noise: well under one byte of map per raw byte.
func TestCleanMapSize(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	para := "Hanoi (VNA) – Prime Minister Pham Minh Chinh on May 5 received “Ambassador” Ito Naoki, who said Japan’s support … was firm.\u00a0" +
		"The two sides agreed to boost co\u00adoperation in 💝 trade and investment.\r\n"
	var b strings.Builder
	for b.Len() < 10<<20 {
		b.WriteString(para)
	}
	raw := b.String()
	s := Clean(raw, nil)
	mapBytes := len(s.pcs) * 8 // a piece is two uint32
	if mapBytes > len(raw) {
		t.Errorf("map of a %d-byte text is %d bytes", len(raw), mapBytes)
	}
	t.Logf("raw %d bytes, %d pieces (%d bytes of map)", len(raw), len(s.pcs), mapBytes)
	// A spot check of the map deep into the text.
	a := strings.LastIndex(s.Clean, "Ambassador")
	rs, re := s.RawSpan(a, a+len("Ambassador"))
	if s.Raw[rs:re] != "Ambassador" {
		t.Errorf("late span maps to %q", s.Raw[rs:re])
	}
}

func TestCleanNilLexicon(t *testing.T) {
	if got := Clean("theminister", nil).Clean; got != "the minister" {
		t.Errorf("nil lexicon: got %q", got)
	}
	// Without the gazetteer, a brand of two known words is split; Extend
	// is what protects it (see the BlackRock row of TestClean).
	if got := Clean("BlackRock", nil).Clean; got != "Black Rock" {
		t.Errorf("default lexicon: got %q", got)
	}
}

// TestInsertedSpace checks that a space inserted between glued words maps to
// an empty raw range between them.
func TestInsertedSpace(t *testing.T) {
	s := Clean("ofHome", nil)
	if s.Clean != "of Home" {
		t.Fatalf("got %q", s.Clean)
	}
	if rs, re := s.RawSpan(2, 3); rs != 2 || re != 2 {
		t.Errorf("inserted space maps to [%d,%d), want [2,2)", rs, re)
	}
}

func BenchmarkCleanASCII(b *testing.B) {
	raw := strings.Repeat("Prime Minister Pham Minh Chinh met his counterpart in Hanoi on May 5, 2024. ", 1000)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		Clean(raw, nil)
	}
}

func BenchmarkCleanNoisy(b *testing.B) {
	raw := strings.Repeat("Hanoi (VNA) – Prime Minister Pham Minh Chinh received “Ambassador” Ito, who said Japan’s support … was firm.\u00a0", 1000)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		Clean(raw, nil)
	}
}

func BenchmarkCleanVietnamese(b *testing.B) {
	raw := strings.Repeat("Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản tại Hà Nội ngày 5/5. ", 1000)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		Clean(raw, nil)
	}
}

// TestSmallSets checks what inSet relies on: the words of its sets are
// lower-case ASCII of at most maxSetWord bytes.
func TestSmallSets(t *testing.T) {
	for _, set := range []map[string]bool{namePrefixes, affixLike} {
		for w := range set {
			if len(w) > maxSetWord || !isASCII(w) || strings.ToLower(w) != w {
				t.Errorf("%q: inSet would never find it", w)
			}
		}
	}
	tests := []struct {
		set  map[string]bool
		w    string
		want bool
	}{
		{namePrefixes, "Mac", true},
		{namePrefixes, "MAC", true},
		{namePrefixes, "Mach", false},
		{affixLike, "After", true},
		{affixLike, "Afterwards", false},
		{namePrefixes, "Dé", true}, // folded as Key folds it
	}
	for _, tt := range tests {
		if got := inSet(tt.set, tt.w); got != tt.want {
			t.Errorf("inSet(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// TestASCIIStartsCluster checks what cluster relies on: in NFC, every ASCII
// byte starts a new segment, so a cluster ends before it.
func TestASCIIStartsCluster(t *testing.T) {
	for c := 0; c < utf8.RuneSelf; c++ {
		if !norm.NFC.PropertiesString(string(rune(c))).BoundaryBefore() {
			t.Errorf("%q combines with the rune before it", rune(c))
		}
	}
	// And a precomposed letter before ASCII is copied as it is.
	for _, raw := range []string{"Phạm Minh", "ễa", "Thủ.", "e\u0301x"} {
		if got := Clean(raw, nil).Clean; got != norm.NFC.String(raw) {
			t.Errorf("Clean(%q) = %q, want %q", raw, got, norm.NFC.String(raw))
		}
	}
}
