package rules

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

// compiledOf compiles a bare pattern as Compile would, without a rule file.
func compiledOf(pattern string) (*Compiled, bool) {
	re, err := compileRegexp(pattern)
	if err != nil {
		return nil, false
	}
	const budget = 100 * time.Millisecond
	re.MatchTimeout = budget
	var groups []string
	for _, name := range re.GetGroupNames() {
		if !numeric(name) {
			groups = append(groups, name)
		}
	}
	c := &Compiled{Rule: Rule{ID: "test"}, Expanded: pattern, re: re, groups: groups, timeout: budget}
	c.program = newProgram(pattern, groups)
	return c, c.program != nil
}

// agree checks that the backtracking matcher finds what a regexp2 scan
// finds, captures included; it reports false when either ran out of time.
func agree(t *testing.T, c *Compiled, tags string) bool {
	t.Helper()
	var program, scan Matcher
	if err := program.findProgram(c, tags); err != nil {
		return false
	}
	if err := scan.findScan(c, []rune(tags)); err != nil {
		return false
	}
	if !reflect.DeepEqual(program.matches, scan.matches) {
		t.Errorf("%q on %q:\n program %+v\n regexp2 %+v", c.Expanded, tags, program.matches, scan.matches)
	}
	return true
}

func TestNewProgram(t *testing.T) {
	for _, tc := range []struct {
		pattern  string
		modelled bool
	}{
		{`(?<org>Oo*)`, true},
		{`(?<org>Oo*)(?=\()`, true},             // a lookahead
		{`(?<!F)(?<org>Oo*)`, true},             // a lookbehind
		{`(?>Ll*)L`, true},                      // an atomic group
		{`(?:(?<title>Tt*),)*P`, true},          // a group that captures once per round
		{`(?<t>T)(?<t>T)`, true},                // one name, two groups
		{`[Ll]`, true},                          // a class Go's parser reads as a folded literal
		{`(?<a>N)\k<a>`, false},                 // a back-reference
		{`(?<=(?<a>N))O`, false},                // a capture inside a lookbehind
		{`(?i)n`, false},                        // an inline option
		{`(?<a>[[:alpha:]])`, false},            // beyond the rewrite
		{`(?<a>N)(?(a)O|P)`, false},             // a conditional
		{`(?<a>N)(?=O)*`, false},                // a quantified lookaround
		{"(?<a>\u00e9)", false},                 // not ASCII: never in a tag string
		{`\bN`, false},                          // a word boundary
		{`(?<person>N(?=[^,]*,(?<t>T)))`, true}, // a capture inside a lookahead
	} {
		if _, got := compiledOf(tc.pattern); got != tc.modelled {
			t.Errorf("newProgram(%q) != nil is %v, want %v", tc.pattern, got, tc.modelled)
		}
	}
}

// TestProgramAgreesWithRegexp2 runs hand-made patterns over the .NET
// features the matcher imitates, each on inputs that take every branch.
func TestProgramAgreesWithRegexp2(t *testing.T) {
	inputs := []string{"", "N", "NN", "NNN", "NG,T", "xNNGx", "TtT,TtN", "N,T,T.", "OoFOo(@)", "NNN,NN,N", "GNGNG", "(N)", "NTN,TN"}
	for _, pattern := range []string{
		`N`, `NN|N`, `N|NN`, `(?<a>N)+`, `(?<a>N)+?`, `(?<a>N){2,3}`, `(?<a>N){2,3}?G?`,
		`(?<a>N?)*`, `(?:(?<a>N)|(?<b>G))*`, `(?:(?<a>N)(?<b>G)?)+`, `(?<a>(?<b>N)G)+`,
		`(?<a>N*)(?<b>N+)`, `(?<a>N*?)(?<b>N+)`, `(?>N*)N`, `(?>(?<a>N)|NG)G`,
		`(?<a>N)(?=G)`, `(?<a>N)(?!G)`, `(?<=G)(?<a>N)`, `(?<!G)(?<a>N)`, `(?<=^|,)(?<a>[NT])`,
		`(?<=N+)(?<a>G)`, `(?<=[NG]{2})(?<a>.)`, `^(?<a>N+)`, `(?<a>N+)$`, `(?<a>T)t*(?:,(?<a>T)t*)*`,
		`(?<p>N)(?=(?<q>G))`, `(?<p>N(?!(?<q>G)))`, `(?:^|(?<=,))(?<a>T)`, `(?<a>[^,]+)`,
		`(?<a>)N`, `(?<a>N|)+G`, `(?:N|G?)+?,`, `(?<o>O)o*(?:F(?!D?[K])(?<p>O)o*)?`, `\((?<a>N)\)`,
		`(?<a>[.N])\.`, `(?<a>N)(?<b>G)|(?<b>N)`,
	} {
		c, ok := compiledOf(pattern)
		if !ok {
			t.Errorf("%q is not modelled", pattern)
			continue
		}
		for _, in := range inputs {
			if !agree(t, c, in) {
				t.Errorf("%q on %q ran out of time", pattern, in)
			}
		}
	}
}

// TestProgramTimeout checks that a pattern that backtracks without end is
// cut by the rule's budget, with the matches found before it kept.
func TestProgramTimeout(t *testing.T) {
	c, ok := compiledOf(`x|(?:N|NN)+(?=$)G?`)
	if !ok {
		t.Fatal("not modelled")
	}
	c.timeout = 50 * time.Millisecond
	tags := "x" + strings.Repeat("N", 90) + "G"
	start := time.Now()
	var f Matcher
	err := f.findProgram(c, tags)
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("the timeout took %v", elapsed)
	}
	if err == nil || !strings.Contains(err.Error(), ErrTimeout.Error()) {
		t.Errorf("err = %v, want a timeout", err)
	}
	if len(f.matches) != 1 || f.matches[0].End != 1 {
		t.Errorf("matches before the timeout = %+v, want the x", f.matches)
	}
}

// TestMatcherReusesBuffers checks that a Matcher's second call allocates
// nothing and that its results are those of a fresh FindIn.
func TestMatcherReusesBuffers(t *testing.T) {
	c, ok := compiledOf(`(?<t>T)t*(?:,(?<t>T)t*)*(?<p>N+)`)
	if !ok {
		t.Fatal("not modelled")
	}
	tags, err := NewTags("xTt,TNN.Tt,Tt,TN")
	if err != nil {
		t.Fatal(err)
	}
	var f Matcher
	if _, err := f.Find(c, tags); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(20, func() { _, _ = f.Find(c, tags) }); n != 0 {
		t.Errorf("Find allocates %v times per call, want 0", n)
	}
	got, _ := f.Find(c, tags)
	want, _ := c.FindIn(tags)
	if !reflect.DeepEqual(got, want) || len(got) != 2 {
		t.Errorf("Find = %+v, FindIn = %+v, want two matches", got, want)
	}
}

// negatedShorthandInClass finds \W or \D inside a class, as in "[\W\d]",
// which regexp2 fails to match on "0".
var negatedShorthandInClass = regexp.MustCompile(`\[[^\]]*\\[WD]`)

// FuzzProgram compares the backtracking matcher with regexp2 on patterns
// and tag strings of the fuzzer's choosing.
func FuzzProgram(f *testing.F) {
	for _, seed := range [][2]string{
		{`(?<a>N)+`, "NNG"}, {`(?<=^|,)(?<a>T)t*(?!G)`, "Tt,TG"}, {`(?>N*)(?<a>G)`, "NNG"},
		{`(?:(?<a>N)|(?<b>G))*?,`, "NG,"}, {`(?<a>N{2,3})(?=(?<b>G))`, "NNNNG"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, pattern, tags string) {
		if len(pattern) > 40 || len(tags) > 24 {
			return
		}
		for i := 0; i < len(tags); i++ {
			if tags[i] >= 0x80 || tags[i] == '\n' {
				return // tag strings are ASCII; a newline goes to regexp2
			}
		}
		if negatedShorthandInClass.MatchString(pattern) {
			return // regexp2 misreads [\W\d] and its kind; Go's parser does not
		}
		c, ok := compiledOf(pattern)
		if !ok {
			return
		}
		agree(t, c, tags)
	})
}

// benchTags are tag strings of the kind news sentences give (written for
// this benchmark): a dateline, title chains, acronyms, meetings, dates.
var benchTags = []string{
	"L,M1(O)-TttFDOoFLNGG~RJTtttF@,^^,QL~Z.",
	"DTttFOooFLLl,HNGG,XDJTttFDOo(@)~Q>M1,4.",
	"NGG~DOoFDJKk(@)~~~~DKkFDOoAOo.",
	"%~~,TttANGG~~~~DLl-LKkk~~~1~~QZ.",
	"Qd~,HH^^^,JTttIL,~~~~~~~~DOoooFL.",
	"DTtt~Ee~TtFLAL,NGG,Q~WM1,ZQLl.",
	"NG!~~~\"~~~DOo~~~~~~~~~~~,\"~~.",
	"Q4,DKkFDLlFL(@)~~~~1~~~~~~~,~~~4-4.",
	"TTtANGG,PpFOoo,CRHhNG,GTttFOo,QL.",
	"Ww,M1-1,DJJTttA#~~~~~~IDKkkFDOoo.",
}

// BenchmarkFind runs every default rule, with one Matcher, over each of
// benchTags: the matching the pipeline does per sentence and phase.
func BenchmarkFind(b *testing.B) {
	set := defaultSet(b)
	var tags []Tags
	size := 0
	for _, s := range benchTags {
		t, err := NewTags(s)
		if err != nil {
			b.Fatal(err)
		}
		tags = append(tags, t)
		size += len(s)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var f Matcher
	for b.Loop() {
		for _, r := range set.rules {
			for _, t := range tags {
				if _, err := f.Find(r, t); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}
