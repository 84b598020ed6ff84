package rules

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// checkErrorList fails unless err is an ErrorList (or a single *Error) whose
// entries all name file and have a sane line.
func checkErrorList(t *testing.T, err error, file string) {
	t.Helper()
	var list ErrorList
	var one *Error
	switch {
	case errors.As(err, &list):
		if len(list) == 0 {
			t.Fatal("empty ErrorList returned as an error")
		}
		for _, e := range list {
			if e == nil {
				t.Fatal("nil entry in ErrorList")
			}
			if e.File != file || e.Line < 0 || e.Msg == "" {
				t.Fatalf("bad entry %#v", e)
			}
		}
	case errors.As(err, &one):
		if one.File != file || one.Line < 0 {
			t.Fatalf("bad error %#v", one)
		}
	default:
		t.Fatalf("error %v is %T, not an ErrorList", err, err)
	}
}

func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"",
		"tags:\n  - {class: title, tag: T}\nmacros:\n  A: 'Tt*'\nrules:\n  - {id: r, phase: people, pattern: '{A}'}\n",
		"rules:\n  - id: r\n    phase: relations\n    relation: met\n    pattern: |-\n      (?<subject>P)~(?<object>P)\n",
		"rules:\n  - id: r1\n    pattern: [x\n",
		"a: &x [*x]\n",
		"macros: {A: &a x, B: *a}\n",
		"rules: &r\n  - *r\n",
		"--- \n...\n---\nx: 1\n",
		"\xef\xbb\xbfrules: []\n",
		"tags: [{class: a, tag: A, <<: {x: 1}}]\n",
		"rules:\n\t- x\n",
		"a: b: c\n",
		"? [a, b]\n: c\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("fuzz.yaml", data)
		if err != nil {
			if file != nil {
				t.Fatal("file and error both returned")
			}
			checkErrorList(t, err, "fuzz.yaml")
			return
		}
		if file == nil || file.Name != "fuzz.yaml" {
			t.Fatalf("no file and no error: %v", file)
		}
		for _, r := range file.Rules {
			if r.ID == "" || r.Phase == "" || r.Pattern == "" || r.File != "fuzz.yaml" || r.Line <= 0 {
				t.Fatalf("incomplete rule accepted: %#v", r)
			}
		}
		for _, tag := range file.Tags {
			if tag.Class == "" || tag.Tag == "" || tag.Line <= 0 {
				t.Fatalf("incomplete tag accepted: %#v", tag)
			}
		}
		// Whatever parsed must compile or fail cleanly.
		if _, err := Compile([]*File{file}, Options{Timeout: 50 * time.Millisecond}); err != nil {
			checkErrorList(t, err, "fuzz.yaml")
		}
	})
}

func FuzzCompile(f *testing.F) {
	f.Add("(?<title>{T})(?<person>Nn*)", "Tt*", "~TtNn.")
	f.Add("{A}", "{A}", "A")
	f.Add(`\p{L}{T}{2,3}`, "x{", "xxxx")
	f.Add("(?<Bad>x)(y)", "", "xy")
	f.Add("N*", "", "~NN~")
	f.Add("(?:(?<p>N)n*)+", "", "NnNNn")
	f.Add("x", "", "é")
	f.Fuzz(func(t *testing.T, pattern, macro, tags string) {
		file := &File{
			Name:       "fuzz.yaml",
			Macros:     map[string]string{"T": macro},
			MacroLines: map[string]int{"T": 1},
			Rules:      []Rule{{ID: "r", Phase: "people", Pattern: pattern, Line: 2}},
		}
		set, err := Compile([]*File{file}, Options{Timeout: 20 * time.Millisecond})
		if err != nil {
			checkErrorList(t, err, "fuzz.yaml")
			return
		}
		c := set.Rules()[0]
		matches, err := c.FindAll(tags)
		if err != nil {
			if errors.Is(err, ErrTimeout) || strings.Contains(err.Error(), "not ASCII") {
				return
			}
			t.Fatalf("FindAll: %v", err)
		}
		prev := 0
		for _, m := range matches {
			if m.Start < prev || m.End <= m.Start || m.End > len(tags) {
				t.Fatalf("bad match %+v after %d in %q", m, prev, tags)
			}
			prev = m.End
			for _, g := range m.Groups {
				if g.Name == "" || len(g.Spans) == 0 {
					t.Fatalf("bad group %+v", g)
				}
				for _, s := range g.Spans {
					if s.Start < 0 || s.End < s.Start || s.End > len(tags) {
						t.Fatalf("bad span %+v in %q", s, tags)
					}
				}
			}
		}
	})
}
