package gazetteer

import (
	"errors"
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
