package rules

import (
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// mustParse parses src or stops the test.
func mustParse(t *testing.T, name, src string) *File {
	t.Helper()
	f, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return f
}

// mustCompile parses and compiles the sources, named a.yaml, b.yaml ...
func mustCompile(t *testing.T, opt Options, srcs ...string) *Set {
	t.Helper()
	set, err := Compile(parseAll(t, srcs...), opt)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	return set
}

func parseAll(t *testing.T, srcs ...string) []*File {
	t.Helper()
	var files []*File
	for i, src := range srcs {
		files = append(files, mustParse(t, string(rune('a'+i))+".yaml", src))
	}
	return files
}

func ids(cs []*Compiled) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func TestCompileMerge(t *testing.T) {
	base := `tags:
  - {class: title, tag: T}
  - {class: honorific, tag: H}
  - {class: name, tag: N}
macros:
  TITLE: 'Tt*'
  NAME: 'Nn*'
rules:
  - {id: p1, phase: people, pattern: '{TITLE}{NAME}'}
  - {id: d1, phase: dates, pattern: '14'}
  - {id: p2, phase: people, pattern: 'H{NAME}'}
`
	user := `tags:
  - {class: honorific, tag: R}
  - {class: org, tag: O}
macros:
  NAME: 'N+'
rules:
  - {id: p1, phase: people, pattern: '{NAME}{TITLE}'}
  - {id: o1, phase: organisations, pattern: 'Oo*'}
`
	set := mustCompile(t, Options{}, base, user)

	wantTags := []Tag{
		{Class: "title", Tag: "T", Line: 2},
		{Class: "honorific", Tag: "R", Line: 2},
		{Class: "name", Tag: "N", Line: 4},
		{Class: "org", Tag: "O", Line: 3},
	}
	if got := set.Tags(); !reflect.DeepEqual(got, wantTags) {
		t.Errorf("Tags() = %+v, want %+v", got, wantTags)
	}
	if got, want := ids(set.Rules()), []string{"p1", "d1", "p2", "o1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Rules() = %v, want %v", got, want)
	}
	if got, want := ids(set.Phase("people")), []string{"p1", "p2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Phase(people) = %v, want %v", got, want)
	}
	if got := set.Phase("nonsense"); got != nil {
		t.Errorf("Phase(nonsense) = %v, want nil", got)
	}
	p1 := set.Phase("people")[0]
	if p1.File != "b.yaml" || p1.Line != 7 {
		t.Errorf("overridden p1 comes from %s:%d, want b.yaml:7", p1.File, p1.Line)
	}
	// The later NAME macro applies to every rule, including the base file's.
	if p1.Expanded != "(?:N+)(?:Tt*)" {
		t.Errorf("p1.Expanded = %q", p1.Expanded)
	}
	if p2 := set.Phase("people")[1]; p2.Expanded != "H(?:N+)" {
		t.Errorf("p2.Expanded = %q", p2.Expanded)
	}
	if set.Rules()[0].timeout != DefaultTimeout {
		t.Errorf("timeout = %v, want the default", set.Rules()[0].timeout)
	}

	// The set hands out copies: changing them does not change the set.
	set.Tags()[0].Tag = "X"
	set.Rules()[0] = nil
	if set.Tags()[0].Tag != "T" || set.Rules()[0] == nil {
		t.Error("Set was changed through a returned slice")
	}
}

func TestExpand(t *testing.T) {
	tests := []struct {
		name    string
		macros  map[string]string
		pattern string
		want    string
	}{
		{"plain", nil, "Tt*N", "Tt*N"},
		{"one macro", map[string]string{"A": "Tt*"}, "{A}?N", "(?:Tt*)?N"},
		{"nested", map[string]string{"A": "x{B}", "B": "y|z"}, "{A}", "(?:x(?:y|z))"},
		{"quantifiers untouched", map[string]string{"A": "x"}, "N{2}n{1,3}{A}{2,}", "N{2}n{1,3}(?:x){2,}"},
		{"escaped brace", map[string]string{"A": "x"}, `\{A}{A}`, `\{A}(?:x)`},
		{"escaped backslash then macro", map[string]string{"A": "x"}, `\\{A}`, `\\(?:x)`},
		{"unicode class", map[string]string{"L": "x"}, `\p{L}\P{L}{L}`, `\p{L}\P{L}(?:x)`},
		{"not a name", map[string]string{"A": "x"}, "{a}{A-}{_A}{}{", "{a}{A-}{_A}{}{"},
		{"digits and underscore", map[string]string{"A_1": "x"}, "{A_1}", "(?:x)"},
		{"trailing backslash", nil, `N\`, `N\`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := &expander{macros: make(map[string]macroDef), memo: make(map[string]expansion), active: make(map[string]bool)}
			for k, v := range tt.macros {
				x.macros[k] = macroDef{body: v, file: "m.yaml", line: 1}
			}
			got, msg := x.expand(tt.pattern)
			if msg != "" {
				t.Fatalf("expand(%q): %s", tt.pattern, msg)
			}
			if got != tt.want {
				t.Errorf("expand(%q) = %q, want %q", tt.pattern, got, tt.want)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		name string
		srcs []string
		want []wantErr
	}{
		{
			name: "later file overriding an ID is not an error",
			srcs: []string{
				"rules:\n  - {id: r1, phase: people, pattern: 'X'}\n",
				"rules:\n  - {id: r1, phase: dates, pattern: 'Y'}\n",
			},
		},
		{
			name: "unknown macro names file, line and rule",
			srcs: []string{
				"macros:\n  A: x\n",
				"rules:\n  - {id: r0, phase: people, pattern: '{A}'}\n  - id: r1\n    phase: people\n    pattern: '{A}{NOPE}'\n",
			},
			want: []wantErr{{file: "b.yaml", line: 3, rule: "r1", msg: "unknown macro {NOPE}"}},
		},
		{
			name: "unknown macro inside a macro",
			srcs: []string{"macros:\n  A: '{B}'\n  B: '{C}'\nrules:\n  - {id: r1, phase: people, pattern: 'x{A}'}\n"},
			want: []wantErr{{line: 5, rule: "r1", msg: "unknown macro {C} (used by macro B at a.yaml:3)"}},
		},
		{
			name: "macro cycle",
			srcs: []string{"macros:\n  A: 'x{B}'\n  B: 'y{C}'\n  C: '{A}'\nrules:\n  - {id: r1, phase: people, pattern: '{A}'}\n  - {id: r2, phase: people, pattern: '{C}'}\n"},
			want: []wantErr{
				{line: 6, rule: "r1", msg: "macro cycle {A} -> {B} -> {C} -> {A}"},
				{line: 7, rule: "r2", msg: "macro cycle"},
			},
		},
		{
			name: "macro that uses itself",
			srcs: []string{"macros:\n  A: 'x{A}?'\nrules:\n  - {id: r1, phase: people, pattern: '{A}'}\n"},
			want: []wantErr{{line: 4, rule: "r1", msg: "macro cycle {A} -> {A} (A at a.yaml:2)"}},
		},
		{
			name: "macro cycle across files",
			srcs: []string{
				"macros:\n  A: '{B}'\n  B: 'x'\nrules:\n  - {id: r1, phase: people, pattern: '{A}'}\n",
				"macros:\n  B: '{A}'\n",
			},
			want: []wantErr{{line: 5, rule: "r1", msg: "(A at a.yaml:2; B at b.yaml:2)"}},
		},
		{
			name: "exponential expansion",
			srcs: []string{"macros:\n" + func() string {
				var b strings.Builder
				for i := 'A'; i < 'Z'; i++ {
					b.WriteString("  " + string(i) + ": '{" + string(i+1) + "}{" + string(i+1) + "}'\n")
				}
				return b.String()
			}() + "  Z: 'xx'\nrules:\n  - {id: r1, phase: people, pattern: '{A}'}\n"},
			want: []wantErr{{line: 29, rule: "r1", msg: "longer than"}},
		},
		{
			name: "bad regexp",
			srcs: []string{"rules:\n  - {id: r1, phase: people, pattern: '(?<person>N'}\n"},
			want: []wantErr{{line: 2, rule: "r1", msg: "bad pattern"}},
		},
		{
			name: "bad group name",
			srcs: []string{"rules:\n  - {id: r1, phase: people, pattern: '(?<Person>N)(?<ok_2>T)(?<Ab>.)'}\n"},
			want: []wantErr{
				{line: 2, rule: "r1", msg: `group name "Person"`},
				{line: 2, rule: "r1", msg: `group name "Ab"`},
			},
		},
		{
			name: "bad phase",
			srcs: []string{"rules:\n  - {id: r1, phase: person, pattern: N}\n"},
			want: []wantErr{{line: 2, rule: "r1", msg: `unknown phase "person"`}},
		},
		{
			name: "relations rule without relation",
			srcs: []string{"rules:\n  - {id: r1, phase: relations, pattern: N}\n"},
			want: []wantErr{{line: 2, rule: "r1", msg: "needs a relation"}},
		},
		{
			name: "unknown relation",
			srcs: []string{"rules:\n  - {id: r1, phase: relations, relation: visited, pattern: N}\n"},
			want: []wantErr{{line: 2, rule: "r1", msg: `unknown relation "visited"`}},
		},
		{
			name: "relation outside the relations phase",
			srcs: []string{"rules:\n  - {id: r1, phase: people, relation: met, pattern: N}\n"},
			want: []wantErr{{line: 2, rule: "r1", msg: "only allowed in the relations phase"}},
		},
		{
			name: "white space in a pattern",
			srcs: []string{"rules:\n  - id: r1\n    phase: people\n    pattern: |\n      Tt*N\n  - id: r2\n    phase: people\n    pattern: |-\n      (?x) Tt*  # title\n      N\n"},
			want: []wantErr{{line: 2, rule: "r1", msg: "white space"}},
		},
		{
			name: "bad tag bytes",
			srcs: []string{`tags:
  - {class: two, tag: TT}
  - {class: shape, tag: '^'}
  - {class: digit, tag: '4'}
  - {class: lower, tag: t}
  - {class: space, tag: ' '}
  - {class: utf8, tag: 'é'}
  - {class: ok, tag: '!'}
`},
			want: []wantErr{
				{line: 2, msg: `class "two": tag "TT" must be exactly one`},
				{line: 3, msg: "shape byte"},
				{line: 4, msg: "shape byte"},
				{line: 5, msg: "lower case"},
				{line: 6, msg: "visible ASCII"},
				{line: 7, msg: "exactly one ASCII character"},
			},
		},
		{
			name: "classes may share a tag",
			srcs: []string{
				"tags:\n  - {class: title, tag: T}\n  - {class: org, tag: O}\n",
				"tags:\n  - {class: time, tag: T}\n",
			},
		},
		{
			name: "errors are collected and sorted by file and line",
			srcs: []string{
				"rules:\n  - {id: r1, phase: people, pattern: '('}\n  - {id: r2, phase: nope, pattern: N}\n",
				"tags:\n  - {class: x, tag: xx}\nrules:\n  - {id: r3, phase: dates, pattern: '{Q}'}\n  - {id: r2, phase: dates, pattern: ')'}\n",
			},
			want: []wantErr{
				{file: "a.yaml", line: 2, rule: "r1", msg: "bad pattern"},
				{file: "b.yaml", line: 2, msg: "exactly one"},
				{file: "b.yaml", line: 4, rule: "r3", msg: "unknown macro {Q}"},
				{file: "b.yaml", line: 5, rule: "r2", msg: "bad pattern"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Compile(parseAll(t, tt.srcs...), Options{})
			checkErrors(t, "a.yaml", err, tt.want)
			if (set == nil) != (len(tt.want) > 0) {
				t.Errorf("set = %v with %d errors wanted", set, len(tt.want))
			}
		})
	}
}

// TestCompileHandMade checks files that did not come from Parse, which
// Compile must check just as strictly.
func TestCompileHandMade(t *testing.T) {
	files := []*File{
		nil,
		{
			Name:       "h.go",
			Tags:       []Tag{{Class: "", Tag: "A"}, {Class: "b", Tag: "B", Line: 3}, {Class: "b", Tag: "C", Line: 4}},
			Macros:     map[string]string{"lower": "x"},
			MacroLines: map[string]int{"lower": 7},
			Rules: []Rule{
				{ID: "r1", Phase: "people", Pattern: "N", Line: 10},
				{ID: "r1", Phase: "people", Pattern: "N", Line: 11},
				{ID: "", Phase: "people", Pattern: "N", Line: 12},
				{ID: "r2", Phase: "", Pattern: "", Line: 13},
			},
		},
	}
	_, err := Compile(files, Options{})
	checkErrors(t, "h.go", err, []wantErr{
		{line: 0, msg: "no class"},
		{line: 4, msg: `class "b" is given a tag twice`},
		{line: 7, msg: `macro name "lower"`},
		{line: 11, rule: "r1", msg: "used twice"},
		{line: 12, msg: "no id"},
		{line: 13, rule: "r2", msg: "no phase"},
		{line: 13, rule: "r2", msg: "no pattern"},
	})

	// A nil set answers like an empty one.
	var none *Set
	if none.Tags() != nil || none.Rules() != nil || none.Phase("people") != nil {
		t.Error("nil Set is not empty")
	}

	// No files at all is an empty, usable set.
	set, err := Compile(nil, Options{})
	if err != nil || len(set.Rules()) != 0 || len(set.Tags()) != 0 {
		t.Errorf("Compile(nil) = %v, %v", set, err)
	}
}

func TestGroupNames(t *testing.T) {
	set := mustCompile(t, Options{}, "rules:\n  - {id: r, phase: people, pattern: '(?<title>T)(N)(?<person>N)(?:x)(?<title>t)?'}\n")
	if got, want := set.Rules()[0].GroupNames(), []string{"title", "person"}; !reflect.DeepEqual(got, want) {
		t.Errorf("GroupNames() = %v, want %v", got, want)
	}
}

// span is shorthand for test tables.
func span(s, e int) Span { return Span{s, e} }

func TestFindAll(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		tags    string
		want    []Match
	}{
		{
			name:    "no match",
			pattern: "Tt*",
			tags:    "^~~.",
			want:    nil,
		},
		{
			name:    "non-overlapping, left to right",
			pattern: "Tt*",
			tags:    "TtTttT~T",
			want:    []Match{{Start: 0, End: 2}, {Start: 2, End: 5}, {Start: 5, End: 6}, {Start: 7, End: 8}},
		},
		{
			name:    "a match resumes where the last ended",
			pattern: "NN",
			tags:    "NNNNN",
			want:    []Match{{Start: 0, End: 2}, {Start: 2, End: 4}},
		},
		{
			name:    "empty matches are skipped",
			pattern: "N*",
			tags:    "~NN~N",
			want:    []Match{{Start: 1, End: 3}, {Start: 4, End: 5}},
		},
		{
			name:    "named groups",
			pattern: `(?<title>Tt*)(?<person>Nn*)`,
			tags:    "~TtNn.",
			want: []Match{{Start: 1, End: 5, Groups: []Group{
				{Name: "title", Spans: []Span{span(1, 3)}},
				{Name: "person", Spans: []Span{span(3, 5)}},
			}}},
		},
		{
			name:    "every capture of a repeated group",
			pattern: `(?:(?<part>N)n*,?)+`,
			tags:    "~Nn,NNnn~",
			want: []Match{{Start: 1, End: 8, Groups: []Group{
				{Name: "part", Spans: []Span{span(1, 2), span(4, 5), span(5, 6)}},
			}}},
		},
		{
			name:    "groups that captured nothing and unnamed groups are left out",
			pattern: `(?<a>X)|(?<b>Y)(Z)`,
			tags:    "XYZ",
			want: []Match{
				{Start: 0, End: 1, Groups: []Group{{Name: "a", Spans: []Span{span(0, 1)}}}},
				{Start: 1, End: 3, Groups: []Group{{Name: "b", Spans: []Span{span(1, 2)}}}},
			},
		},
		{
			name:    "capture in a lookahead lies outside the match",
			pattern: `T(?=~(?<next>N))`,
			tags:    "T~N",
			want:    []Match{{Start: 0, End: 1, Groups: []Group{{Name: "next", Spans: []Span{span(2, 3)}}}}},
		},
		{
			name:    "escaped shape bytes",
			pattern: `(?<place>\^+)\(\*\)\.`,
			tags:    "~^^(*).",
			want:    []Match{{Start: 1, End: 7, Groups: []Group{{Name: "place", Spans: []Span{span(1, 3)}}}}},
		},
		{
			name:    "shape bytes as literals",
			pattern: `(?<day>1)(?<month>M)(?<year>4)`,
			tags:    "^1M4.",
			want: []Match{{Start: 1, End: 4, Groups: []Group{
				{Name: "day", Spans: []Span{span(1, 2)}},
				{Name: "month", Spans: []Span{span(2, 3)}},
				{Name: "year", Spans: []Span{span(3, 4)}},
			}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := mustCompile(t, Options{}, "rules:\n  - id: r\n    phase: people\n    pattern: '"+tt.pattern+"'\n")
			got, err := set.Rules()[0].FindAll(tt.tags)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FindAll(%q) =\n%+v\nwant\n%+v", tt.tags, got, tt.want)
			}
		})
	}
}

func TestMatchGroup(t *testing.T) {
	m := Match{Groups: []Group{{Name: "part", Spans: []Span{span(1, 2), span(4, 5)}}}}
	if s, ok := m.Group("part"); !ok || s != span(4, 5) {
		t.Errorf("Group(part) = %v, %v; want the last capture", s, ok)
	}
	if _, ok := m.Group("none"); ok {
		t.Error("Group(none) found something")
	}
}

func TestFindAllNotASCII(t *testing.T) {
	set := mustCompile(t, Options{}, "rules:\n  - {id: r, phase: people, pattern: N}\n")
	_, err := set.Rules()[0].FindAll("NéN")
	if err == nil || !strings.Contains(err.Error(), "not ASCII") {
		t.Errorf("err = %v, want a not-ASCII error", err)
	}
	var zero Compiled
	if _, err := zero.FindAll("N"); err == nil {
		t.Error("FindAll on a zero Compiled did not fail")
	}
}

func TestFindAllTimeout(t *testing.T) {
	// (a+)+(?=$)b? backtracks exponentially on a run of a's that does not
	// reach the end (the prefilter, which drops a lookahead inside the
	// pattern, lets every a through); the x alternative matches first, to
	// check that the matches found before the timeout are returned.
	set := mustCompile(t, Options{Timeout: 100 * time.Millisecond},
		"rules:\n  - {id: slow.rule, phase: people, pattern: 'x|(a+)+(?=$)b?'}\n")
	tags := "x" + strings.Repeat("a", 60) + "b"
	start := time.Now()
	got, err := set.Rules()[0].FindAll(tags)
	elapsed := time.Since(start)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if !strings.Contains(err.Error(), "slow.rule") {
		t.Errorf("error %q does not name the rule", err)
	}
	if len(got) != 1 || got[0].Start != 0 || got[0].End != 1 {
		t.Errorf("matches before the timeout = %+v, want the x at 0", got)
	}
	if elapsed > 2*time.Second {
		t.Errorf("timeout took %v", elapsed)
	}
}

func TestConcurrentFindAll(t *testing.T) {
	set := mustCompile(t, Options{}, "rules:\n  - {id: r, phase: people, pattern: '(?<p>Nn*)'}\n")
	c := set.Rules()[0]
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tags := strings.Repeat("~Nn", i+1)
			for range 100 {
				got, err := c.FindAll(tags)
				if err != nil || len(got) != i+1 {
					t.Errorf("FindAll(%q) = %d matches, %v", tags, len(got), err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
