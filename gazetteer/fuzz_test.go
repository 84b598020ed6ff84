package gazetteer

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// FuzzParse feeds arbitrary bytes to Parse: it must not panic, every error
// must carry the file name and a line >= 0, every entry returned must have a
// position, and New and Match on what loaded must not panic either.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		matchYAML,
		baseYAML,
		"- id: a\n  type: city\n  name: A\n  nmae: B\n",
		"- {id: a, type: month, name: January, value: 01, match: fold}\n",
		"- id: a\n  name: x\n   type: y\n",
		"- &x\n  id: a\n  type: city\n  name: A\n  aliases: *x\n",
		"a: &a [*a]\n",
		"- id: a\n  type: city\n  name: \"\\t\"\n",
		"---\n- id: a\n---\n",
		"- id: a\n  type: person\n  name: Nguyễn Văn A\n  aliases: [Nguyen Van A, \"Ông A\"]\n  acronym: NVA\n",
		"- [1, 2]\n- ~\n- 3\n",
		"- ? [a]\n  : b\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "fuzz.yaml"
		entries, err := Parse(file, data)
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v (%T) is not a non-empty ErrorList", err, err)
			}
			for _, e := range list {
				if e.File != file || e.Line < 0 {
					t.Fatalf("error without position: %+v", e)
				}
			}
		}
		for _, e := range entries {
			if e.File != file || e.Line < 1 {
				t.Fatalf("entry without position: %+v", e)
			}
		}
		g, err := New(entries)
		if err != nil {
			// Only parents can be wrong here: Parse checked the rest.
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("New error %v (%T) is not an ErrorList", err, err)
			}
			return
		}
		toks := text.Tokenize(string(data))
		for _, m := range g.Match(toks) {
			if m.Start < 0 || m.End <= m.Start || m.End > len(toks) || m.Entry == nil {
				t.Fatalf("bad match %+v for %d tokens", m, len(toks))
			}
		}
	})
}

// FuzzSimpleYAML checks the simple reader against yaml.v3: whenever it
// accepts a file, entries and errors must be exactly those of the yaml.v3
// path.
func FuzzSimpleYAML(f *testing.F) {
	for _, s := range simpleSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSimpleAgrees(t, data)
	})
}

// simpleSeeds are files on both sides of the simple shape's border.
var simpleSeeds = []string{
	matchYAML,
	baseYAML,
	"- id: a\n  type: city\n  name: A\n  nmae: B\n",
	"- id: a\n  type: city\n  name: A\n  name: B\n",
	"- id: a\n  type: month\n  name: January\n  value: \"01\"\n  aliases: [Jan, Jan.]\n",
	"- id: a\n  type: city\n  name: 'A'\n  aliases:\n    - B\n    # c\n    - \"C\"\n\n- id: b\n  type: city\n  name: B\n",
	"- id: a\n  type: city\n  name: A # c\n",
	"- id: a\n  type: city\n  name: A:B\n  value: x#y\n",
	"- id: a\n  type: city\n  name: A\n  aliases:\n  - B\n",
	"- id: a\n  type: city\n  name: A\n  aliases:\n",
	"- id: a\n  type: city\n  name: A\n  aliases: []\n",
	"- id: a\n  type: city\n  name: A\n  aliases: [B, ]\n",
	"- id: a\n  type: city\n  name: \"\"\n  aliases:\n    - ''\n",
	"- id: a\n  type: city\n  name: null\n",
	"- id: a\n  type: city\n  name: Hà Nội\n  acronym: HN\n",
	"- id: a\n  type: city\n  name: A\r\n",
	"- id: a\n  type: city\n  name: A\n    B\n",
	"- id: a b\n  type: town\n  name: A\n  match: loose\n- id: a b\n  type: city\n  name: A\n",
	"# only a comment\n",
}

// checkSimpleAgrees fails t if the simple reader accepts data and differs
// from the yaml.v3 path.
func checkSimpleAgrees(t *testing.T, data []byte) {
	t.Helper()
	const file = "fuzz.yaml"
	c, ok := parseSimple(file, data)
	if !ok {
		return
	}
	got, gotErr := c.done()
	want, wantErr := parseYAML(file, data)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: simple reader read\n%+v\nyaml.v3 read\n%+v", data, got, want)
	}
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(gotErr, wantErr) {
		t.Fatalf("%q: simple reader says %v, yaml.v3 says %v", data, gotErr, wantErr)
	}
}

// TestSimpleYAML checks which seeds the simple reader takes, and that it
// agrees with yaml.v3 on them and on the default data files.
func TestSimpleYAML(t *testing.T) {
	simple := []bool{true, true, true, true, true, true, false, true, false, false, true, false, true, false, true, false, false, true, false}
	if len(simple) != len(simpleSeeds) {
		t.Fatalf("%d expectations for %d seeds", len(simple), len(simpleSeeds))
	}
	for i, s := range simpleSeeds {
		if _, ok := parseSimple("x.yaml", []byte(s)); ok != simple[i] {
			t.Errorf("%q: simple reader accepts = %v, want %v", s, ok, simple[i])
		}
		checkSimpleAgrees(t, []byte(s))
	}
	files, err := fs.Glob(data, "data/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	for _, f := range files {
		src, err := fs.ReadFile(data, f)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := parseSimple(f, src); !ok {
			t.Errorf("%s: not of the simple shape", f)
		}
		checkSimpleAgrees(t, src)
	}
}
