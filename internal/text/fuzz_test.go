package text

import (
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are noisy texts of every class the cleaner repairs.
var fuzzSeeds = []string{
	"the Mi💝nister said",
	"a jo𓆉int statement on coop的eration",
	"Hello💝World 👍🏽️ Min👨‍👩‍👧ister 🇻🇳 Viet🇻🇳nam ❤️Vietnam 1️⃣",
	"Mini\u200bster \ufeffHanoi co\u00adoperation \u200eHanoi\u200f \u202aX\u202c \u2066Y\u2069",
	"Prime\u00a0Minister\u2003of\u3000Vietnam\r\nnext\rline\x00\x07\x7f\u2028\u2029\u0085",
	"‘Hanoi’ “talks” Guterres’s EU – Vietnam 2020—2025 −5 wait…",
	"Ministry ofHome Affairs, NguyenXuan Thang, theminister's, Theypromised, Bothsides, ministerof",
	"14.Phong affirmed.The U.S.The e.g. VietnamPlus.vn No.1 MoHA McDonald iPhone YouTube",
	"Nguye\u0302\u0303n Ha\u0300 No\u0323\u0302i Cafe\u0301 \u2126",
	"a\xffb x\xed\xa0\x80y ab\xe1\xbb",
	"Hanoi (河内) talks 河💝内 Hanoi的 Мinister",
	"Hanoi (VNA) – Prime Minister Pham Minh Chinh met Anwar Ibrahim.\n\nProf. Nguyen spoke. J. Smith left.",
	"He said \"yes.\" Then he left. It ended.\"We agree,\" he said. (VNA). Why? Now!",
	"\u0301\u0301 \ufe0f\u200d\U000e0067 \U0001f3fb",
	"\u0374 Ԩ\u2029 河\n内",
	"",
}

func FuzzClean(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	lex := testLexicon()
	f.Fuzz(func(t *testing.T, raw string) {
		s := Clean(raw, lex)
		if s.Raw != raw {
			t.Fatal("Raw changed")
		}
		if !utf8.ValidString(s.Clean) {
			t.Fatalf("Clean is not valid UTF-8: %q", s.Clean)
		}
		if s.InvalidUTF8() < 0 || s.InvalidUTF8() > len(raw) || utf8.ValidString(raw) != (s.InvalidUTF8() == 0) {
			t.Fatalf("InvalidUTF8() = %d for %q", s.InvalidUTF8(), raw)
		}
		for i, r := range s.Clean {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
				t.Fatalf("control %U left at %d in %q", r, i, s.Clean)
			}
			if cls, _ := classify(r); r >= utf8.RuneSelf && (cls == clFormat || cls == clNoise || cls == clReplace) {
				t.Fatalf("unrepaired %U left at %d in %q", r, i, s.Clean)
			}
		}
		// The byte map is in range and monotone.
		prevS, prevE := 0, 0
		for c := 0; c < len(s.Clean); c++ {
			rs, re := s.rawByte(c)
			if rs < prevS || re < prevE || rs > re || re > len(raw) {
				t.Fatalf("clean byte %d maps to [%d,%d) after [%d,%d)", c, rs, re, prevS, prevE)
			}
			prevS, prevE = rs, re
		}
		// Tokens of Clean map inside Raw, in order; unchanged ones exactly.
		toks := Tokenize(s.Clean)
		prevRS, prevRE := 0, 0
		for i, k := range toks {
			rs, re := s.RawSpan(int(k.Start), int(k.End()))
			if rs < prevRS || re < prevRE || rs > re || re > len(raw) {
				t.Fatalf("token %q maps to [%d,%d) after [%d,%d)", k.Text, rs, re, prevRS, prevRE)
			}
			prevRS, prevRE = rs, re
			if unchanged(s, int(k.Start), int(k.End())) && raw[rs:re] != k.Text {
				t.Fatalf("unchanged token %q maps to %q", k.Text, raw[rs:re])
			}
			if i > 0 {
				// A span of two tokens covers both.
				a, b := s.RawSpan(int(toks[i-1].Start), int(k.End()))
				pa, _ := s.RawSpan(int(toks[i-1].Start), int(toks[i-1].End()))
				if a != pa || b != re {
					t.Fatalf("span of %q..%q maps to [%d,%d)", toks[i-1].Text, k.Text, a, b)
				}
			}
		}
		// Out-of-range spans are clamped.
		for _, p := range [][2]int{{-1, 3}, {len(s.Clean), len(s.Clean) + 5}, {3, -2}, {len(s.Clean) / 2, len(s.Clean) * 2}} {
			if rs, re := s.RawSpan(p[0], p[1]); rs < 0 || rs > re || re > len(raw) {
				t.Fatalf("RawSpan(%d,%d) = %d,%d", p[0], p[1], rs, re)
			}
		}
		// Cleaning is idempotent: the shadow of a clean text is itself.
		if again := Clean(s.Clean, lex).Clean; again != s.Clean {
			t.Fatalf("Clean not idempotent:\n raw   %q\n once  %q\n twice %q", raw, s.Clean, again)
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		checkSpans(t, Sentences(toks, testAbbrev), len(toks))
		checkSpans(t, Sentences(toks, nil), len(toks))
		clean := Clean(s, nil).Clean
		ctoks := Tokenize(clean)
		checkSpans(t, Sentences(ctoks, testAbbrev), len(ctoks))
	})
}
