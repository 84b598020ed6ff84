package text

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nguyễn", "Nguyen"},
		{"Đà Nẵng", "Da Nang"},
		{"Hồ Chí Minh", "Ho Chi Minh"},
		{"Thừa Thiên Huế", "Thua Thien Hue"},
		{"Łódź", "Lodz"},
		{"straße", "strasse"},
		{"Søren Ærø", "Soren AEro"},
		{"Œuvre", "OEuvre"},
		{"Þór", "Thor"},
		{"İstanbul", "Istanbul"},
		{"Nguye\u0302\u0303n", "Nguyen"}, // decomposed input
		{"Guterres’s", "Guterres's"},
		{"‘quoted’", "'quoted'"},
		{"“quoted” „low”", "\"quoted\" \"low\""},
		{"EU – Vietnam — 2023‒2024 −5", "EU - Vietnam - 2023-2024 -5"},
		{"non‑breaking‐hyphen", "non-breaking-hyphen"},
		{"Prime Minister", "Prime Minister"},
		{"", ""},
		{"河内", "河内"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldASCIIUnchanged(t *testing.T) {
	s := "Plain ASCII: Prof. Nguyen's 1,000 talks (VNA) - ok!"
	if got := Fold(s); got != s {
		t.Errorf("Fold changed ASCII: %q", got)
	}
	if n := testing.AllocsPerRun(10, func() { Fold(s) }); n != 0 {
		t.Errorf("Fold of ASCII allocates %.0f times", n)
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nguyễn", "nguyen"},
		{"ĐÀ NẴNG", "da nang"},
		{"Łódź", "lodz"},
		{"STRASSE", "strasse"},
		{"Straße", "strasse"},
		{"MINISTER’S", "minister's"},
		{"minister", "minister"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// foldOracle is Fold as first written, whole-string NFD then a filter: the
// definition that the table of runeFolds must reproduce.
func foldOracle(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
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

// checkFoldOracle fails when Fold or Key of s differs from the oracle.
func checkFoldOracle(t *testing.T, s string) {
	t.Helper()
	if got, want := Fold(s), foldOracle(s); got != want {
		t.Errorf("Fold(%q) = %q, oracle %q", s, got, want)
	}
	if got, want := Key(s), strings.ToLower(foldOracle(s)); got != want {
		t.Errorf("Key(%q) = %q, oracle %q", s, got, want)
	}
}

func TestFoldMatchesOracle(t *testing.T) {
	tests := []string{
		"Nguyễn Xuân Phúc", "NGUYỄN", "Đặng Thị Ngọc Thịnh", "Ǣsir", "ǅemal",
		"e\u0301\u0323\u0302", // marks of several combining classes, unordered
		"\u0301leading mark", "Nguye\u0302\u0303n", "İSTANBUL", "ΣΟΦΙΑ", "Ωmega",
		"한국", "Hà Nội 한", "a\U0001D165\u0301b", // a spacing mark of non-zero class
		"`", "`é", // folded by foldExtra only beside other non-ASCII
		"x\xffy", "\u00e9\xc3", "Ångström", "ſ", "Ǆ", "ǈ", "ẞ",
		"e" + strings.Repeat("\u0301", 40) + "x", // longer than a safe stream's run
		strings.Repeat("ễ", 100),                 // longer than Fold's stack buffer
	}
	for _, s := range tests {
		checkFoldOracle(t, s)
	}
}

// TestFoldTableRunes checks every rune of the table alone and between
// letters and marks of each combining class that NFD reorders.
func TestFoldTableRunes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if _, inTable := foldTable().at(r); !inTable {
			continue
		}
		for _, ctx := range []string{"%c", "a%cb", "%c\u0323\u0301", "\u0301%c\u0323", "Z%c\u0F71\u0F72", "ễ%c"} {
			checkFoldOracle(t, fmt.Sprintf(ctx, r))
		}
	}
}

func TestFoldTableReorderSafe(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if _, inTable := foldTable().at(r); !inTable {
			continue
		}
		safe := true
		for _, d := range norm.NFD.String(string(r)) {
			if norm.NFD.PropertiesString(string(d)).CCC() != 0 && !unicode.Is(unicode.Mn, d) {
				safe = false
			}
		}
		if !safe {
			t.Errorf("%U is in the fold table but NFD may reorder a spacing rune of it", r)
		}
	}
}

func TestFoldAllocs(t *testing.T) {
	tests := []struct {
		in        string
		fold, key float64 // allocations of Fold and Key
	}{
		{"minister", 0, 0},
		{"Minister", 0, 1},
		{"Nguyễn", 1, 1},
		{"nguyễn", 1, 1},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(10, func() { Fold(tt.in) }); n != tt.fold {
			t.Errorf("Fold(%q) allocates %.0f times, want %.0f", tt.in, n, tt.fold)
		}
		if n := testing.AllocsPerRun(10, func() { Key(tt.in) }); n != tt.key {
			t.Errorf("Key(%q) allocates %.0f times, want %.0f", tt.in, n, tt.key)
		}
	}
}

func TestAppendFold(t *testing.T) {
	tests := []struct{ dst, in, fold, key string }{
		{"", "Nguyễn", "Nguyen", "nguyen"},
		{"x:", "ĐÀ", "x:DA", "x:da"},
		{"x:", "Ωmega", "x:Ωmega", "x:ωmega"},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		if got := string(AppendFold([]byte(tt.dst), tt.in)); got != tt.fold {
			t.Errorf("AppendFold(%q, %q) = %q, want %q", tt.dst, tt.in, got, tt.fold)
		}
		if got := string(AppendKey([]byte(tt.dst), tt.in)); got != tt.key {
			t.Errorf("AppendKey(%q, %q) = %q, want %q", tt.dst, tt.in, got, tt.key)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Nguyễn", "e\u0301\u0323", "ĐÀ NẴNG", "x\xffy", "한국", "a\U0001D165\u0301"} {
		f.Add(s)
	}
	f.Fuzz(checkFoldOracle)
}
