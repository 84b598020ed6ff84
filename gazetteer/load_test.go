package gazetteer

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// wantErr is one expected error: its line and a piece of its message.
type wantErr struct {
	line int
	msg  string
}

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		want    []Entry  // entries returned (File is always "test.yaml")
		wantIDs []string // checked instead of want when want is nil
		errs    []wantErr
	}{
		{
			name: "valid entry with every field",
			yaml: `# a comment
- id: city.hanoi
  type: city
  subtype: capital
  name: Hà Nội
  aliases: [Hanoi, Ha Noi]
  acronym: HN
  match: cased
  value: 01
  parent: country.vn
- id: country.vn
  type: country
  name: Viet Nam
`,
			want: []Entry{
				{ID: "city.hanoi", Type: "city", Subtype: "capital", Name: "Hà Nội", Aliases: []string{"Hanoi", "Ha Noi"},
					Acronym: "HN", Match: "cased", Value: "01", Parent: "country.vn", File: "test.yaml", Line: 2},
				{ID: "country.vn", Type: "country", Name: "Viet Nam", File: "test.yaml", Line: 11},
			},
		},
		{
			name: "scalars are taken as written",
			yaml: `- id: country.no
  type: country
  name: Norway
  acronym: NO
  value: 007
  subtype: ~
`,
			want: []Entry{{ID: "country.no", Type: "country", Name: "Norway", Acronym: "NO", Value: "007", File: "test.yaml", Line: 1}},
		},
		{
			name: "block and flow styles",
			yaml: `- {id: month.jan, type: month, name: January, aliases: [Jan], match: fold, value: "01"}
- id: honorific.prof
  type: honorific
  name: >-
    Prof.
  match: exact
`,
			wantIDs: []string{"month.jan", "honorific.prof"},
		},
		{name: "empty file", yaml: ""},
		{name: "comments only", yaml: "# nothing yet\n"},
		{name: "null document", yaml: "---\n"},
		{
			name: "unknown field with its line",
			yaml: `- id: country.fr
  type: country
  nmae: France
`,
			errs: []wantErr{{3, `unknown field "nmae"`}, {1, "missing name"}},
		},
		{
			name: "missing type",
			yaml: `- id: a
  type: country
  name: A
- id: b
  name: B
`,
			wantIDs: []string{"a"},
			errs:    []wantErr{{4, "entry b: missing type"}},
		},
		{
			name:    "missing id",
			yaml:    "- type: country\n  name: A\n",
			errs:    []wantErr{{1, "missing id"}},
			wantIDs: []string{},
		},
		{
			name: "unknown type",
			yaml: `- id: a
  type: contry
  name: A
`,
			errs: []wantErr{{1, `entry a: unknown type "contry"`}},
		},
		{
			name: "bad match mode",
			yaml: `- id: a
  type: title
  name: Minister
  match: case
`,
			errs: []wantErr{{1, `unknown match mode "case"`}},
		},
		{
			name: "duplicate ID in one file names both lines",
			yaml: `- id: a
  type: city
  name: A
- id: b
  type: city
  name: B
- id: a
  type: city
  name: A2
`,
			wantIDs: []string{"a", "b"},
			errs:    []wantErr{{7, "duplicate ID: first defined at line 1, again at line 7"}},
		},
		{
			name: "YAML syntax error line",
			yaml: `- id: a
  type: city
  name: A
- id: b
  name: x
   type: y
`,
			errs: []wantErr{{6, "YAML syntax: mapping values are not allowed"}},
		},
		{
			name: "tab in indentation",
			yaml: "- id: a\n\ttype: city\n",
			errs: []wantErr{{2, "YAML syntax"}},
		},
		{
			name: "all errors are collected",
			yaml: `- id: a
  type: city
  name: A
  colour: red
- id: b
  type: town
  name: B
  aliases: Bee
- id: c
  type: city
  name: "   "
`,
			wantIDs: []string{},
			errs: []wantErr{
				{4, `unknown field "colour"`},
				{5, `unknown type "town"`},
				{8, "aliases: must be a list"},
				{9, "is empty after tokenisation"},
			},
		},
		{
			name: "repeated field",
			yaml: `- id: a
  type: city
  name: A
  name: B
`,
			errs: []wantErr{{4, `field "name" repeated (first at line 3)`}},
		},
		{
			name: "field of the wrong kind",
			yaml: `- id: a
  type: city
  name: [A, B]
- id: b
  type: city
  name: B
  aliases: [B1, [B2]]
`,
			errs: []wantErr{{3, `field "name" must be a string`}, {7, "aliases: an alias must be a string"}},
		},
		{
			name: "not a list",
			yaml: "id: a\ntype: city\nname: A\n",
			errs: []wantErr{{1, "must be a YAML list of entries"}},
		},
		{
			name: "entry not a mapping",
			yaml: "- just a string\n",
			errs: []wantErr{{1, "an entry must be a mapping"}},
		},
		{
			name: "two documents",
			yaml: "- id: a\n  type: city\n  name: A\n---\n- id: b\n",
			errs: []wantErr{{4, "more than one YAML document"}},
		},
		{
			name: "id with white space",
			yaml: "- id: city hanoi\n  type: city\n  name: Hanoi\n",
			errs: []wantErr{{1, "contains white space"}},
		},
		{
			name:    "anchors and aliases resolve",
			yaml:    "- id: a\n  type: city\n  name: &n Alpha\n- id: b\n  type: city\n  name: Beta\n  aliases: [*n]\n",
			wantIDs: []string{"a", "b"},
		},
		{
			name: "self-referencing anchor does not loop",
			yaml: "- &x\n  id: a\n  type: city\n  name: A\n  aliases: *x\n",
			errs: []wantErr{{5, "aliases: must be a list"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("test.yaml", []byte(tt.yaml))
			checkErrs(t, err, "test.yaml", tt.errs)
			switch {
			case tt.want != nil:
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("entries:\n got %+v\nwant %+v", got, tt.want)
				}
			case tt.wantIDs != nil:
				var ids []string
				for _, e := range got {
					ids = append(ids, e.ID)
				}
				if strings.Join(ids, ",") != strings.Join(tt.wantIDs, ",") {
					t.Errorf("IDs = %v, want %v", ids, tt.wantIDs)
				}
			case len(tt.errs) == 0 && len(got) != 0:
				t.Errorf("got %d entries, want none", len(got))
			}
		})
	}
}

// checkErrs checks that err is an ErrorList holding exactly the wanted
// errors (in any order), each with the file name.
func checkErrs(t *testing.T, err error, file string, want []wantErr) {
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
	if len(list) != len(want) {
		t.Errorf("got %d errors, want %d:", len(list), len(want))
		for _, e := range list {
			t.Errorf("  %v", e)
		}
	}
	for _, w := range want {
		found := false
		for _, e := range list {
			if e.File == file && e.Line == w.line && strings.Contains(e.Error(), w.msg) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no error at %s:%d containing %q; got %v", file, w.line, w.msg, list)
		}
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{File: "f.yaml", Line: 3, Entry: "country.fr", Msg: "bad"}, "f.yaml:3: entry country.fr: bad"},
		{&Error{File: "f.yaml", Line: 3, Msg: "bad"}, "f.yaml:3: bad"},
		{&Error{File: "f.yaml", Msg: "bad"}, "f.yaml: bad"},
		{&Error{Entry: "x", Msg: "bad"}, "entry x: bad"},
		{&Error{Line: 2, Msg: "bad"}, "line 2: bad"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	list := ErrorList{tests[0].err, tests[1].err}
	if got, want := list.Error(), "f.yaml:3: entry country.fr: bad (and 1 more errors)"; got != want {
		t.Errorf("ErrorList.Error() = %q, want %q", got, want)
	}
	var one *Error
	if !errors.As(error(list), &one) || one != tests[0].err {
		t.Errorf("errors.As did not find the first *Error")
	}
	if (ErrorList{}).Err() != nil {
		t.Errorf("empty ErrorList.Err() is not nil")
	}
}
