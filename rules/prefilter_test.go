package rules

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestSuperset(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{`N[NG]{1,3}`, `N[NG]{1,3}`, true},
		{`(?<person>Pp*)`, `(?:Pp*)`, true},
		{`(?<=^|[D,(])T`, `T`, true},
		{`A(?!x)(?=y)B`, `AB`, true},
		{`G(?=~)`, `G(?:~)`, true},         // a lookahead that ends the pattern is read as consumed
		{`G(?!~)`, `G(?:[^\x7e]|$)`, true}, // so is a final negative one of single bytes
		{`G(?![01]|N)`, `G(?:[^\x30\x31\x4e]|$)`, true},
		{`G(?!~N)`, `G`, true}, // two bytes: dropped
		{`G(?!~)N`, `GN`, true},
		{`(?<!(?:a|b))C`, `C`, true},
		{`(?>Ll*)`, `(?:Ll*)`, true},
		{`[^PpR]*?\(@\)`, `[^PpR]*?\(@\)`, true},
		{`[)(]`, `[)(]`, true},
		{`\d\w`, `\d\w`, true},
		// Refused: what the two syntaxes may read differently.
		{`(a)\1`, ``, false},
		{`\k<x>`, ``, false},
		{`\bN`, ``, false},
		{`\s`, ``, false},
		{`(?i)n`, ``, false},
		{`(?(x)a|b)`, ``, false},
		{`[a-z-[aeiou]]`, ``, false},
		{`[]a]`, ``, false},
		{`(?=a)*b`, ``, false},
		{`(?<name`, ``, false},
		{`[ab`, ``, false},
		{`a\`, ``, false},
	} {
		got, ok := superset(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("superset(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestPrefilterViable(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		tags    string
		want    []bool // per position, len(tags)+1
	}{
		// Only where an O starts a run of o's and an ( follows.
		{`Oo*\(`, "xOo(O", []bool{false, true, false, false, false, false}},
		// Begin and end of text.
		{`^N`, "NN", []bool{true, false, false}},
		{`N$`, "NNx", []bool{false, false, false, false}},
		{`N$`, "xNN", []bool{false, false, true, false}},
		// A pattern that may match empty is viable everywhere.
		{`a*`, "bb", []bool{true, true, true}},
		// A dropped lookaround widens the language, never narrows it.
		{`(?<=D)T(?!F~)`, "TF~", []bool{true, false, false, false}},
		// A final negative lookahead of single bytes is read as "any other
		// byte, or the end".
		{`T(?!F)`, "TFTxT", []bool{false, false, true, false, true, false}},
		// A final lookahead is read as part of the match.
		{`G(?=~)`, "GG~", []bool{false, true, false, false}},
	} {
		f := newPrefilter(tc.pattern)
		if f == nil {
			t.Fatalf("newPrefilter(%q) = nil", tc.pattern)
		}
		for i, want := range tc.want {
			if got := f.viable(tc.tags, i); got != want {
				t.Errorf("%q on %q at %d: viable = %v, want %v", tc.pattern, tc.tags, i, got, want)
			}
		}
	}
	// The last needs 2^14 states, past maxPrefilterStates.
	for _, p := range []string{`(a)\1`, `\bN`, `[ab]*a[ab]{13}`} {
		if newPrefilter(p) != nil {
			t.Errorf("newPrefilter(%q) built a filter for a pattern beyond it", p)
		}
	}
}

// defaultSet compiles the embedded rules.
func defaultSet(t testing.TB) *Set {
	t.Helper()
	files, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	set, err := Compile(files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func mustTags(t *testing.T, s string) Tags {
	t.Helper()
	tags, err := NewTags(s)
	if err != nil {
		t.Fatal(err)
	}
	return tags
}

// sameAsScan checks that FindAll, which uses the prefilter and the
// backtracking matcher, finds exactly what a plain regexp2 scan of every
// position finds.
func sameAsScan(t *testing.T, set *Set, tags string) {
	t.Helper()
	runes := []rune(tags)
	for _, r := range set.Rules() {
		if r.pre == nil || r.program == nil {
			t.Fatalf("rule %s has no prefilter or no program", r.ID)
		}
		got, err := r.FindAll(tags)
		if err != nil {
			t.Fatal(err)
		}
		var scan Matcher
		if err := scan.findScan(r, runes); err != nil {
			t.Fatal(err)
		}
		want := scan.matches
		if !r.MayMatch(mustTags(t, tags).Present()) {
			want = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("rule %s on %q:\n prefiltered %+v\n scanned     %+v", r.ID, tags, got, want)
		}
	}
}

// TestPrefilterKeepsEveryMatch compares the prefiltered and the plain scan
// of every default rule on random tag strings made of the tag bytes.
func TestPrefilterKeepsEveryMatch(t *testing.T) {
	set := defaultSet(t)
	alphabet := shapeBytes
	for _, tag := range set.Tags() {
		alphabet += tag.Tag + string(lower(tag.Tag[0]))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for range n {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		sameAsScan(t, set, string(b))
	}
}

func FuzzPrefilter(f *testing.F) {
	for _, seed := range []string{"", "STFDOo,NGG", "Oo(@)", "P~RDTtFLl,NN.", "M1,4", "L(@)-", "HhNG,TtFOo,"} {
		f.Add(seed)
	}
	set := defaultSet(f)
	f.Fuzz(func(t *testing.T, tags string) {
		// The engine hands rules sentences of at most 300 tokens. On far
		// longer runs of name tags the plain scan, the reference here,
		// backtracks for seconds (the prefiltered one does not).
		if len(tags) > 300 {
			return
		}
		for i := 0; i < len(tags); i++ {
			if tags[i] >= 0x80 {
				return
			}
		}
		sameAsScan(t, set, tags)
	})
}

// TestFinalNewline checks the one place where .NET and Go read a pattern
// differently: regexp2's $ also matches before a final newline.
func TestFinalNewline(t *testing.T) {
	set := mustCompile(t, Options{}, "rules:\n  - {id: end.name, phase: people, pattern: '(?<p>N)$'}\n")
	r := set.Rules()[0]
	if r.program == nil || r.pre == nil {
		t.Fatal("the rule should have a program and a prefilter")
	}
	got, err := r.FindAll("xN\n")
	if err != nil || len(got) != 1 || got[0].Start != 1 {
		t.Errorf("FindAll = %+v, %v; want the N at 1", got, err)
	}
}

func TestOneByteOf(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // the bytes, in order
		ok   bool
	}{
		{`[014]`, "014", true},
		{`[01]|N|\(`, "(01N", true},
		{`[^0]`, "", false},
		{`NG`, "", false},
		{`N*`, "", false},
		{`(?:N)|(?:[01]|-)`, "-01N", true},
		{`(?:NG)`, "", false},
		{`(?:N)?`, "", false},
		{`(?:[ab](?!c))`, "", false},
		{`(?<n>N)`, "", false},
		{`N|`, "", false},
		{``, "", false},
	} {
		set, ok := oneByteOf(tc.in)
		var got []byte
		for c := 0; c < 0x80; c++ {
			if set.has(byte(c)) {
				got = append(got, byte(c))
			}
		}
		if ok != tc.ok || ok && string(got) != tc.want {
			t.Errorf("oneByteOf(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNextStart(t *testing.T) {
	for _, tc := range []struct {
		pattern, tags string
		from, want    int
	}{
		{`Oo*`, "xxOoxO", 0, 2},
		{`Oo*`, "xxOoxO", 3, 5},
		{`Oo*`, "xxOoxO", 6, -1},
		{`Oo*`, "xxxx", 0, -1},
		{`O(?=o)`, "OxOo", 0, 2}, // the one first byte, then the automaton
		{`[NG]T`, "NxGT", 0, 2},
		{`[NG]T`, "NxGT", 3, -1},
		{`N?$`, "xx", 0, 2}, // a match may be empty at the end
		{`N`, "", 0, -1},
		{`N`, "N", 2, -1},
	} {
		f := newPrefilter(tc.pattern)
		if f == nil {
			t.Fatalf("no prefilter for %q", tc.pattern)
		}
		if got := f.nextStart(tc.tags, tc.from); got != tc.want {
			t.Errorf("%q on %q from %d: nextStart = %d, want %d", tc.pattern, tc.tags, tc.from, got, tc.want)
		}
	}
}
