package rules

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// wantErr describes one expected problem: where it is and a piece of its
// message.
type wantErr struct {
	file string // empty means "the file under test"
	line int
	rule string
	msg  string
}

// checkErrors compares err, which must be an ErrorList, with want, entry by
// entry and in order.
func checkErrors(t *testing.T, file string, err error, want []wantErr) {
	t.Helper()
	if len(want) == 0 {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T) is not an ErrorList", err, err)
	}
	for i, e := range list {
		t.Logf("got[%d]: %v", i, e)
	}
	if len(list) != len(want) {
		t.Fatalf("got %d errors, want %d", len(list), len(want))
	}
	for i, w := range want {
		e := list[i]
		wf := w.file
		if wf == "" {
			wf = file
		}
		if e.File != wf || e.Line != w.line || e.Rule != w.rule || !strings.Contains(e.Msg, w.msg) {
			t.Errorf("error %d = {File:%q Line:%d Rule:%q Msg:%q}, want {File:%q Line:%d Rule:%q Msg containing %q}",
				i, e.File, e.Line, e.Rule, e.Msg, wf, w.line, w.rule, w.msg)
		}
	}
}

func TestParseValid(t *testing.T) {
	src := `# a comment
tags:
  - {class: title, tag: T}
  - class: word/of
    tag: F
macros:
  TITLE: 'Tt*'
  NAME_2: "Nn*"
rules:
  - id: person.title-name
    phase: people
    pattern: '(?<title>{TITLE})(?<person>{NAME_2})'
    description: a title before a name
  - pattern: 'P~P'
    id: rel.met
    phase: relations
    relation: met
`
	f, err := Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &File{
		Name: "test.yaml",
		Tags: []Tag{
			{Class: "title", Tag: "T", Line: 3},
			{Class: "word/of", Tag: "F", Line: 4},
		},
		Macros:     map[string]string{"TITLE": "Tt*", "NAME_2": "Nn*"},
		MacroLines: map[string]int{"TITLE": 7, "NAME_2": 8},
		Rules: []Rule{
			{ID: "person.title-name", Phase: "people", Pattern: "(?<title>{TITLE})(?<person>{NAME_2})",
				Description: "a title before a name", File: "test.yaml", Line: 10},
			{ID: "rel.met", Phase: "relations", Pattern: "P~P", Relation: "met", File: "test.yaml", Line: 14},
		},
	}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("Parse =\n%#v\nwant\n%#v", f, want)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n", "~\n", "---\n", "tags:\nmacros:\nrules:\n", "{}"} {
		f, err := Parse("e.yaml", []byte(src))
		if err != nil {
			t.Errorf("Parse(%q): %v", src, err)
			continue
		}
		if f.Name != "e.yaml" || len(f.Tags)+len(f.Macros)+len(f.Rules) != 0 {
			t.Errorf("Parse(%q) = %+v, want an empty file", src, f)
		}
	}
}

func TestParseScalars(t *testing.T) {
	// Numbers and booleans are taken as written: "tag: 1" means the text 1.
	src := "tags:\n  - {class: n, tag: 7}\nrules:\n  - {id: 12, phase: dates, pattern: 14}\n"
	f, err := Parse("s.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if f.Tags[0].Tag != "7" || f.Rules[0].ID != "12" || f.Rules[0].Pattern != "14" {
		t.Errorf("got %+v", f)
	}
}

func TestParseAliases(t *testing.T) {
	src := `macros:
  A: &p 'Tt*'
rules:
  - &r {id: one, phase: people, pattern: *p}
`
	f, err := Parse("a.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if f.Rules[0].Pattern != "Tt*" {
		t.Errorf("pattern = %q", f.Rules[0].Pattern)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []wantErr
	}{
		{
			name: "unknown top-level field",
			src:  "tags: []\nrulez: []\n",
			want: []wantErr{{line: 2, msg: `unknown field "rulez"`}},
		},
		{
			name: "unknown rule field",
			src:  "rules:\n  - id: r1\n    phase: people\n    pattern: x\n    patern: y\n",
			want: []wantErr{{line: 5, rule: "r1", msg: `unknown field "patern"`}},
		},
		{
			name: "unknown field before the id still names the rule",
			src:  "rules:\n  - phase: people\n    colour: red\n    id: r1\n    pattern: x\n",
			want: []wantErr{{line: 3, rule: "r1", msg: `unknown field "colour"`}},
		},
		{
			name: "unknown tag field",
			src:  "tags:\n  - {class: a, tag: A}\n  - class: b\n    tag: B\n    prio: 1\n",
			want: []wantErr{{line: 5, msg: `unknown field "prio"`}},
		},
		{
			name: "bad YAML with line",
			src:  "rules:\n  - id: r1\n    phase: people\n    pattern: [x\n",
			want: []wantErr{{line: 4, msg: "invalid YAML"}},
		},
		{
			name: "tab indentation",
			src:  "rules:\n\t- id: r1\n",
			want: []wantErr{{line: 2, msg: "invalid YAML"}},
		},
		{
			name: "control character",
			src:  "rules: []\n\ntags: \x01\n",
			want: []wantErr{{line: 3, msg: "control characters"}},
		},
		{
			name: "invalid UTF-8",
			src:  "rules: []\ntags: \xff\n",
			want: []wantErr{{line: 2, msg: "UTF-8"}},
		},
		{
			name: "error on the first line",
			src:  "rules: x: y\n",
			want: []wantErr{{line: 1, msg: "mapping values are not allowed"}},
		},
		{
			name: "unknown anchor has no line",
			src:  "rules: *nope\n",
			want: []wantErr{{line: 0, msg: "unknown anchor"}},
		},
		{
			name: "missing id",
			src:  "rules:\n  - phase: people\n    pattern: x\n",
			want: []wantErr{{line: 2, msg: "no id"}},
		},
		{
			name: "missing phase",
			src:  "rules:\n  - id: r1\n    pattern: x\n",
			want: []wantErr{{line: 2, rule: "r1", msg: "no phase"}},
		},
		{
			name: "missing pattern",
			src:  "rules:\n  - id: r1\n    phase: people\n    pattern: ~\n",
			want: []wantErr{{line: 2, rule: "r1", msg: "no pattern"}},
		},
		{
			name: "id with a space",
			src:  "rules:\n  - {id: 'a b', phase: people, pattern: x}\n",
			want: []wantErr{{line: 2, rule: "a b", msg: "spaces"}},
		},
		{
			name: "duplicate id in one file",
			src:  "rules:\n  - {id: r1, phase: people, pattern: x}\n  - {id: r2, phase: people, pattern: x}\n  - {id: r1, phase: dates, pattern: y}\n",
			want: []wantErr{{line: 4, rule: "r1", msg: "first on line 2"}},
		},
		{
			name: "duplicate field in a rule",
			src:  "rules:\n  - id: r1\n    phase: people\n    pattern: x\n    phase: dates\n",
			want: []wantErr{{line: 5, rule: "r1", msg: `field "phase" given twice`}},
		},
		{
			name: "duplicate class",
			src:  "tags:\n  - {class: a, tag: A}\n  - {class: a, tag: B}\n",
			want: []wantErr{{line: 3, msg: `class "a" is given a tag twice`}},
		},
		{
			name: "duplicate macro",
			src:  "macros:\n  A: x\n  B: y\n  A: z\n",
			want: []wantErr{{line: 4, msg: `field "A" given twice`}},
		},
		{
			name: "bad macro name",
			src:  "macros:\n  Title: x\n  2X: y\n",
			want: []wantErr{{line: 2, msg: `macro name "Title"`}, {line: 3, msg: `macro name "2X"`}},
		},
		{
			name: "macro without value",
			src:  "macros:\n  A:\n",
			want: []wantErr{{line: 2, msg: "macro A has no value"}},
		},
		{
			name: "tag entry missing parts",
			src:  "tags:\n  - {class: a}\n  - {tag: B}\n",
			want: []wantErr{{line: 2, msg: "no tag"}, {line: 3, msg: "no class"}},
		},
		{
			name: "root is a list",
			src:  "- id: r1\n",
			want: []wantErr{{line: 1, msg: "must be a mapping"}},
		},
		{
			name: "rules is a mapping",
			src:  "rules:\n  id: r1\n",
			want: []wantErr{{line: 2, msg: "rules must be a list"}},
		},
		{
			name: "rule is a string",
			src:  "rules:\n  - r1\n",
			want: []wantErr{{line: 2, msg: "a rule must be a mapping"}},
		},
		{
			name: "pattern is a list",
			src:  "rules:\n  - id: r1\n    phase: people\n    pattern: [a, b]\n",
			want: []wantErr{{line: 4, rule: "r1", msg: "pattern must be a single value"}},
		},
		{
			name: "second document",
			src:  "rules: []\n---\nrules: []\n",
			want: []wantErr{{line: 3, msg: "one YAML document"}},
		},
		{
			name: "every error is collected",
			src:  "tags:\n  - {class: a, tag: A, x: 1}\nrules:\n  - {id: r1, phase: people}\n  - {id: r2, pattern: x}\nextra: 1\n",
			want: []wantErr{
				{line: 2, msg: `unknown field "x"`},
				{line: 4, rule: "r1", msg: "no pattern"},
				{line: 5, rule: "r2", msg: "no phase"},
				{line: 6, msg: `unknown field "extra"`},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("bad.yaml", []byte(tt.src))
			if f != nil {
				t.Errorf("Parse returned a file with errors: %+v", f)
			}
			checkErrors(t, "bad.yaml", err, tt.want)
		})
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{File: "a.yaml", Line: 3, Rule: "r1", Msg: "boom"}, "a.yaml:3: rule r1: boom"},
		{&Error{File: "a.yaml", Line: 3, Msg: "boom"}, "a.yaml:3: boom"},
		{&Error{File: "a.yaml", Rule: "r1", Msg: "boom"}, "a.yaml: rule r1: boom"},
		{&Error{Line: 3, Msg: "boom"}, "line 3: boom"},
		{&Error{Msg: "boom"}, "boom"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestErrorList(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Error("empty list: Err() != nil")
	}
	if got := l.Error(); got != "no errors" {
		t.Errorf("empty list: %q", got)
	}
	l.add("a.yaml", 1, "", "first")
	if got := l.Error(); got != "a.yaml:1: first" {
		t.Errorf("one error: %q", got)
	}
	l.add("a.yaml", 2, "r", "second")
	l.add("a.yaml", 3, "r", "third")
	if got := l.Error(); got != "a.yaml:1: first (and 2 more errors)" {
		t.Errorf("three errors: %q", got)
	}
	var e *Error
	if !errors.As(l.Err(), &e) || e.Msg != "first" {
		t.Errorf("errors.As did not find the first *Error: %v", e)
	}
}
