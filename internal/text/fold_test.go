package text

import "testing"

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
