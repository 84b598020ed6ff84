package rules

import (
	"slices"
	"testing"
)

// sets renders required byte sets as strings of their bytes, in order.
func sets(reqs []ByteSet) []string {
	var out []string
	for _, r := range reqs {
		var b []byte
		for i := 0; i < 128; i++ {
			if r[i>>6]&(1<<(i&63)) != 0 {
				b = append(b, byte(i))
			}
		}
		out = append(out, string(b))
	}
	return out
}

func TestRequired(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{`Pp*`, []string{"P"}},
		{`(?<subject>Pp*)[^PR]*?(?<trigger>Rr*)`, []string{"P", "R"}},
		{`(?:Pp*|[D&]#)R`, []string{"&DP", "#P", "R"}},
		{`P?R{0,3}X{2}`, []string{"X"}},
		{`[A-C,]`, []string{",ABC"}},
		{`[+()-]`, []string{"()+-"}},
		{`\(@\)`, []string{"(", "@", ")"}},
		{`(?=Q)P(?!R)(?<!S)(?<=T)`, []string{"Q", "P", "T"}},
		{`P|`, nil},             // the empty branch needs nothing
		{`(?i)p`, nil},          // inline options are not analysed
		{`\x50`, nil},           // nor letter escapes that stand for bytes
		{`\d+P`, []string{"P"}}, // a class escape needs nothing
		{`.^$P`, []string{"P"}}, // neither do dots and anchors
		{`P{,2}`, []string{"P", "{", ",", "2", "}"}}, // .NET reads a bad quantifier as text
		{`PP`, []string{"P"}},                        // the same set once
	}
	for _, tt := range tests {
		if got := sets(required(tt.pattern)); !slices.Equal(got, tt.want) {
			t.Errorf("required(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

// MayMatch must never reject a string the regexp matches, and should
// reject one that lacks a needed byte.
func TestMayMatch(t *testing.T) {
	files := []*File{{Name: "t.yaml", Rules: []Rule{{ID: "r.one", Phase: "people", Pattern: `(?:Pp*|D#)~*Rr*`}}}}
	set, err := Compile(files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rule := set.Rules()[0]
	tests := []struct {
		tags string
		may  bool
	}{
		{"PR", true}, {"Pp~~R", true}, {"D#R", true},
		{"R#D", true}, // holds every byte needed, in the wrong order
		{"~~", false}, {"P~~", false}, {"D#", false}, {"#R", false}, {"DR", false},
	}
	for _, tt := range tests {
		matches, err := rule.FindAll(tt.tags)
		if err != nil {
			t.Fatal(err)
		}
		may := rule.MayMatch(mustTags(t, tt.tags).Present())
		if len(matches) > 0 && !may {
			t.Errorf("%q: MayMatch false but the rule matches", tt.tags)
		}
		if may != tt.may {
			t.Errorf("%q: MayMatch = %v, want %v", tt.tags, may, tt.may)
		}
	}
}

func TestEssential(t *testing.T) {
	set := func(bytes string) ByteSet {
		var s ByteSet
		for i := 0; i < len(bytes); i++ {
			s.add(bytes[i])
		}
		return s
	}
	for _, tc := range []struct {
		in, want []string
	}{
		{nil, nil},
		{[]string{"NG", "N", "TtN"}, []string{"N"}},              // both larger sets hold N
		{[]string{"OKL", "P", "OK"}, []string{"P", "OK"}},        // smallest first
		{[]string{"AB", "BC", "AB"}, []string{"AB", "BC"}},       // a copy is dropped
		{[]string{"ABC", "D", "CDE", "AC"}, []string{"D", "AC"}}, // ABC holds AC, CDE holds D
	} {
		var in, want []ByteSet
		for _, s := range tc.in {
			in = append(in, set(s))
		}
		for _, s := range tc.want {
			want = append(want, set(s))
		}
		if got := essential(in); !slices.Equal(got, want) {
			t.Errorf("essential(%q) = %v, want %v", tc.in, got, want)
		}
	}
}
