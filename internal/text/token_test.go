package text

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

func TestTokenize(t *testing.T) {
	type tok struct {
		Text  string
		Kind  Kind
		Lines int
	}
	W, N, P := Word, Number, Punct
	tests := []struct {
		name, in string
		want     []tok
	}{
		{"empty", "", nil},
		{"spaces only", " \t ", nil},
		{"words", "Prime Minister", []tok{{"Prime", W, 0}, {"Minister", W, 0}}},
		{"possessive", "Guterres's talks", []tok{{"Guterres", W, 0}, {"'s", P, 0}, {"talks", W, 0}}},
		{"possessive capital S", "VIETNAM'S", []tok{{"VIETNAM", W, 0}, {"'S", P, 0}}},
		{"plural possessive", "ministers' talks", []tok{{"ministers", W, 0}, {"'", P, 0}, {"talks", W, 0}}},
		{"quote after space is punct", "'yes'", []tok{{"'", P, 0}, {"yes", W, 0}, {"'", P, 0}}},
		{"'s then letters is not possessive", "it'sgood", []tok{{"it", W, 0}, {"'", P, 0}, {"sgood", W, 0}}},
		{"hyphens split", "Under-Secretary-General", []tok{{"Under", W, 0}, {"-", P, 0}, {"Secretary", W, 0}, {"-", P, 0}, {"General", W, 0}}},
		{"decimal", "7.11", []tok{{"7.11", N, 0}}},
		{"thousands", "1,000", []tok{{"1,000", N, 0}}},
		{"year range", "1973-2023", []tok{{"1973", N, 0}, {"-", P, 0}, {"2023", N, 0}}},
		{"number then period", "in 2023.", []tok{{"in", W, 0}, {"2023", N, 0}, {".", P, 0}}},
		{"number then comma", "5, 6", []tok{{"5", N, 0}, {",", P, 0}, {"6", N, 0}}},
		{"ordinal is a word", "the 50th", []tok{{"the", W, 0}, {"50th", W, 0}}},
		{"abbreviation", "Prof. Nguyen", []tok{{"Prof", W, 0}, {".", P, 0}, {"Nguyen", W, 0}}},
		{"initials", "U.S.", []tok{{"U", W, 0}, {".", P, 0}, {"S", W, 0}, {".", P, 0}}},
		{"word with digits", "G20 COVID-19", []tok{{"G20", W, 0}, {"COVID", W, 0}, {"-", P, 0}, {"19", N, 0}}},
		{"diacritics", "Nguyễn Đà Nẵng", []tok{{"Nguyễn", W, 0}, {"Đà", W, 0}, {"Nẵng", W, 0}}},
		{"combining marks stay in word", "Nguye\u0302\u0303n", []tok{{"Nguye\u0302\u0303n", W, 0}}},
		{"punctuation", "(VNA) –", []tok{{"(", P, 0}, {"VNA", W, 0}, {")", P, 0}, {"–", P, 0}}},
		{"lines", "a\nb\n\nc \n \n\n d", []tok{{"a", W, 0}, {"b", W, 1}, {"c", W, 2}, {"d", W, 3}}},
		{"leading newline", "\nHanoi", []tok{{"Hanoi", W, 1}}},
		{"CR is not counted", "a\r\nb", []tok{{"a", W, 0}, {"b", W, 1}}},
		{"NBSP is space", "a\u00a0b", []tok{{"a", W, 0}, {"b", W, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in)
			var got []tok
			for _, k := range toks {
				got = append(got, tok{k.Text, k.Kind, int(k.Lines)})
				if tt.in[k.Start:k.End()] != k.Text {
					t.Errorf("token %q has offsets [%d,%d) = %q", k.Text, k.Start, k.End(), tt.in[k.Start:k.End()])
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokenize(%q)\n got %v\nwant %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestTokenizeOffsets checks that tokens are in order, non-empty, do not
// overlap and that only white space lies between them.
func TestTokenizeOffsets(t *testing.T) {
	for _, s := range []string{
		"Hanoi (VNA) – Prime Minister Pham Minh Chinh on May 5 received Ambassador Ito's delegation.",
		"a\xffb \u200b c\u0301 ٣ ２０２４ 💝x",
		"",
	} {
		checkTokens(t, s, Tokenize(s))
	}
}

func checkTokens(t *testing.T, s string, toks []Token) {
	t.Helper()
	prev := int32(0)
	for _, k := range toks {
		if k.Start < prev || k.End() <= k.Start || int(k.End()) > len(s) || s[k.Start:k.End()] != k.Text {
			t.Fatalf("bad token %+v after offset %d in %q", k, prev, s)
		}
		prev = k.End()
	}
}

// TestTokenLayout guards the size of a token, the text layer's largest
// allocation, and the line count's saturation that the size relies on.
func TestTokenLayout(t *testing.T) {
	if n := unsafe.Sizeof(Token{}); n != 24 {
		t.Errorf("a Token is %d bytes, want 24", n)
	}
	tests := []struct {
		newlines int
		want     uint16
	}{
		{3, 3},
		{math.MaxUint16, math.MaxUint16},
		{math.MaxUint16 + 5, math.MaxUint16},
	}
	for _, tt := range tests {
		toks := Tokenize(strings.Repeat("\n", tt.newlines) + "Hanoi")
		if len(toks) != 1 || toks[0].Lines != tt.want || toks[0].End() != int32(tt.newlines+5) {
			t.Errorf("%d newlines: got %+v, want Lines %d", tt.newlines, toks, tt.want)
		}
	}
}

// TestAppendTokens checks that AppendTokens keeps what dst held and adds
// the tokens Tokenize gives.
func TestAppendTokens(t *testing.T) {
	sentinel := Token{Text: "x"}
	got := AppendTokens([]Token{sentinel}, "Two words.")
	if len(got) != 4 || got[0] != sentinel || !slices.Equal(got[1:], Tokenize("Two words.")) {
		t.Errorf("AppendTokens = %+v", got)
	}
}

func TestRuneClass(t *testing.T) {
	tests := []struct {
		r    rune
		want uint8
	}{
		{'a', asciiLetter}, {'Z', asciiLetter}, {'7', asciiDigit}, {' ', asciiSpace},
		{'\n', asciiSpace}, {'-', asciiOther}, {'\'', asciiOther},
		{'ễ', asciiLetter}, {'河', asciiLetter}, {'٣', asciiDigit}, {'\u00a0', asciiSpace},
		{'\u3000', asciiSpace}, {'\u0301', asciiOther}, {'€', asciiOther},
	}
	for _, tt := range tests {
		if got := runeClass(tt.r); got != tt.want {
			t.Errorf("runeClass(%q) = %d, want %d", tt.r, got, tt.want)
		}
	}
}
