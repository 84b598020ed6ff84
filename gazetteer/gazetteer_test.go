package gazetteer

import (
	"slices"
	"strings"
	"testing"
)

// mustParse parses a test file or stops the test.
func mustParse(t testing.TB, name, src string) []Entry {
	t.Helper()
	entries, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return entries
}

// mustNew builds a gazetteer from YAML sources or stops the test.
func mustNew(t testing.TB, srcs ...string) *Gazetteer {
	t.Helper()
	var lists [][]Entry
	for i, s := range srcs {
		lists = append(lists, mustParse(t, "src"+string(rune('0'+i))+".yaml", s))
	}
	g, err := New(lists...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return g
}

const baseYAML = `
- id: country.vn
  type: country
  name: Viet Nam
  aliases: [Vietnam]
- id: demonym.vn
  type: demonym
  name: Vietnamese
  parent: country.vn
- id: city.hanoi
  type: city
  subtype: capital
  name: Hà Nội
  aliases: [Hanoi]
  parent: country.vn
`

func TestNewOverride(t *testing.T) {
	user := `
- id: country.vn
  type: country
  name: Socialist Republic of Viet Nam
  acronym: SRV
- id: city.hue
  type: city
  name: Huế
  parent: country.vn
`
	g := mustNew(t, baseYAML, user)
	if g.Len() != 4 {
		t.Errorf("Len = %d, want 4", g.Len())
	}
	var ids []string
	for _, e := range g.Entries() {
		ids = append(ids, e.ID)
	}
	// The override keeps the place of the entry it replaces.
	if want := []string{"country.vn", "demonym.vn", "city.hanoi", "city.hue"}; !slices.Equal(ids, want) {
		t.Errorf("Entries IDs = %v, want %v", ids, want)
	}
	e, ok := g.Entry("country.vn")
	if !ok || e.Name != "Socialist Republic of Viet Nam" || e.File != "src1.yaml" || e.Line != 2 {
		t.Fatalf("Entry(country.vn) = %+v, %v; want the user's entry from src1.yaml:2", e, ok)
	}
	if _, ok := g.Entry("country.xx"); ok {
		t.Errorf("Entry(country.xx) found")
	}
	// The replaced entry's forms are gone from the trie; the new ones match.
	if got := matchString(g, "Viet Nam and Vietnam"); got != "" {
		t.Errorf("old forms still match: %s", got)
	}
	if got, want := matchString(g, "the SRV, the Socialist Republic of Viet Nam"), "1-2 country.vn acronym | 4-9 country.vn name"; got != want {
		t.Errorf("new forms: got %q, want %q", got, want)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name  string
		lists [][]Entry
		want  []string // pieces of the error text, one per error
	}{
		{
			name: "unknown parent names file, line and entry",
			lists: [][]Entry{{
				{ID: "country.vn", Type: "country", Name: "Viet Nam", File: "a.yaml", Line: 1},
				{ID: "city.hue", Type: "city", Name: "Huế", Parent: "country.vm", File: "a.yaml", Line: 4},
			}},
			want: []string{`a.yaml:4: entry city.hue: parent "country.vm" names no entry`},
		},
		{
			name: "parent defined in a later list is fine",
			lists: [][]Entry{
				{{ID: "city.hue", Type: "city", Name: "Huế", Parent: "country.vn"}},
				{{ID: "country.vn", Type: "country", Name: "Viet Nam"}},
			},
		},
		{
			name: "entries built in Go are checked too",
			lists: [][]Entry{{
				{ID: "x", Type: "planet", Name: "Mars"},
				{ID: "y", Type: "city", Name: " ", Match: "loose"},
			}},
			want: []string{`entry x: unknown type "planet"`, "entry y: name", "entry y: unknown match mode"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := New(tt.lists...)
			if len(tt.want) == 0 {
				if err != nil || g == nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("New succeeded, want errors %q", tt.want)
			}
			list, ok := err.(ErrorList)
			if !ok || len(list) != len(tt.want) {
				t.Fatalf("New error = %v (%T), want %d errors", err, err, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(list[i].Error(), w) {
					t.Errorf("error %d = %q, want it to contain %q", i, list[i], w)
				}
			}
		})
	}
}

func TestNewCopiesInput(t *testing.T) {
	list := []Entry{{ID: "city.hue", Type: "city", Name: "Huế", Aliases: []string{"Hue"}}}
	g, err := New(list)
	if err != nil {
		t.Fatal(err)
	}
	list[0].Name = "changed"
	list[0].Aliases[0] = "changed"
	e, _ := g.Entry("city.hue")
	if e.Name != "Huế" || e.Aliases[0] != "Hue" {
		t.Errorf("gazetteer changed with its input: %+v", e)
	}
}

func TestKnown(t *testing.T) {
	g := mustNew(t, `
- id: org.petrovietnam
  type: organisation
  subtype: company
  name: PetroVietnam
  aliases: [Vietnam Oil and Gas Group]
  acronym: PVN
- id: person.guterres
  type: person
  name: António Guterres
- id: word.the
  type: word
  subtype: det
  name: the
  match: fold
- id: orghead.ministry
  type: orghead
  name: Ministry
`)
	tests := []struct {
		word string
		want bool
	}{
		{"PetroVietnam", true},
		{"petrovietnam", true}, // any case
		{"PETROVIETNAM", true},
		{"Gas", true},     // a word of an alias
		{"PVN", true},     // the acronym
		{"Antonio", true}, // diacritics folded
		{"António", true},
		{"Guterres", true},
		{"Ministry", true},
		{"the", false}, // a word entry, not a name
		{"VinFast", false},
		{"", false},
		{"Petro Vietnam", false},
	}
	for _, tt := range tests {
		if got := g.Known(tt.word); got != tt.want {
			t.Errorf("Known(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestNilGazetteer(t *testing.T) {
	var g *Gazetteer
	if g.Len() != 0 || g.Entries() != nil || g.Known("x") || g.Match(nil) != nil {
		t.Errorf("nil gazetteer is not empty")
	}
	if _, ok := g.Entry("x"); ok {
		t.Errorf("nil gazetteer has an entry")
	}
}

func TestFormString(t *testing.T) {
	for f, want := range map[Form]string{FormName: "name", FormAlias: "alias", FormAcronym: "acronym", 9: "Form(9)"} {
		if got := f.String(); got != want {
			t.Errorf("Form(%d).String() = %q, want %q", f, got, want)
		}
	}
}

// TestDefault checks that the embedded data files load, that their IDs are
// unique across files and that every parent exists.
func TestDefault(t *testing.T) {
	entries, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if len(entries) == 0 {
		t.Fatal("Default returned no entries")
	}
	g, err := New(entries)
	if err != nil {
		t.Fatalf("New(Default()): %v", err)
	}
	if g.Len() != len(entries) {
		t.Errorf("Len = %d, want %d", g.Len(), len(entries))
	}
	byType := map[string]int{}
	for _, e := range entries {
		byType[e.Type]++
		if !strings.HasPrefix(e.File, "gazetteer/data/") || e.Line < 1 {
			t.Errorf("entry %s has no position: %q:%d", e.ID, e.File, e.Line)
		}
	}
	t.Logf("%d default entries: %v", len(entries), byType)
	// Default hands out copies: changing one does not change the next.
	entries[0].Name = "changed"
	again, _ := Default()
	if again[0].Name == "changed" {
		t.Errorf("Default returned a shared slice")
	}
}
