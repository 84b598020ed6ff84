package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

func TestOneEditApart(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"rammelow", "ramelow", true},
		{"ramelow", "rammelow", true},
		{"guerini", "guerinu", true},
		{"guerini", "guerini", false},
		{"guerini", "gureini", false},
		{"thang", "tran", false},
		{"aab", "ab", true},
		{"ab", "ba", false},
		{"aba", "a", false},
		{"", "", false},
		{"", "é", true},
		{"guérini", "guèrini", true}, // é and è share their first byte
		{"guérini", "guerini", true},
		{"nguyễn", "nguyen", true},
		{"nguyễn", "ngyen", false},
		{"nguyễn", "nguyền", true},
	} {
		if got := oneEditApart(c.a, c.b); got != c.want {
			t.Errorf("oneEditApart(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestOneEditApartByRunes checks oneEditApart against its definition on
// runes, for every pair of short words of a few letters, some of which
// share their leading bytes.
func TestOneEditApartByRunes(t *testing.T) {
	letters := []string{"a", "b", "é", "è", "ễ"}
	words := []string{""}
	for range 3 {
		for _, w := range words {
			for _, l := range letters {
				if n := w + l; !slices.Contains(words, n) {
					words = append(words, n)
				}
			}
		}
	}
	for _, a := range words {
		for _, b := range words {
			if got, want := oneEditApart(a, b), oneEditApartRunes(a, b); got != want {
				t.Errorf("oneEditApart(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// oneEditApartRunes is the definition: the edit distance of the rune
// sequences is one.
func oneEditApartRunes(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if len(x) == len(y) {
		return i < len(x) && string(x[i+1:]) == string(y[i+1:])
	}
	return string(x[i:]) == string(y[i+1:])
}

func TestFit(t *testing.T) {
	for _, c := range []struct {
		w     string
		parts []string
		want  int
	}{
		{"thang", []string{"nguyen", "xuan", "thang"}, fitLast},
		{"anwar", []string{"anwar", "ibrahim"}, fitPart},
		{"ramelow", []string{"bodo", "rammelow"}, fitTypo},
		{"lam", []string{"to", "lam"}, fitLast},
		{"tam", []string{"to", "lam"}, fitNone}, // too short for a typo
		{"thang", []string{"thang"}, fitNone},
	} {
		if got := fit(c.w, c.parts); got != c.want {
			t.Errorf("fit(%q, %v) = %d, want %d", c.w, c.parts, got, c.want)
		}
	}
}

// TestCoreference checks which people a document ends with: short forms
// join the nearest fitting full name, diacritics and one-letter typos do
// not make a second person, and a bare short form alone is still a person.
func TestCoreference(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, text string
		want       []string // each person: name, then the text of every mention
	}{
		{
			"shared short form goes to the nearest",
			"Hanoi (VNA) – Minister of Finance Nguyen Van Thang met Vice President of the Academy Nguyen Xuan Thang on May 2. Thang said the academy would help.\n\nMinister of Finance Nguyen Van Thang later visited Hue. Thang said the ministry would help.",
			[]string{"Nguyen Van Thang|Nguyen Van Thang|Nguyen Van Thang|Thang", "Nguyen Xuan Thang|Nguyen Xuan Thang|Thang"},
		},
		{
			"diacritics",
			"Hanoi (VNA) – Prime Minister Phạm Minh Chính received Ambassador Ito Naoki on March 3. Chinh said ties were good.",
			[]string{"Phạm Minh Chính|Phạm Minh Chính|Chinh", "Ito Naoki|Ito Naoki"},
		},
		{
			"one-letter typo",
			"Hanoi (VNA) – Foreign Minister Bui Thanh Son received Governor Karl Wassermeyer on June 4. Wasermeyer said the state wants more trade.",
			[]string{"Bui Thanh Son|Bui Thanh Son", "Karl Wassermeyer|Karl Wassermeyer|Wasermeyer"},
		},
		{
			"bare short form",
			"Speaking at the forum, Hieu said exports rose.",
			[]string{"Hieu|Hieu"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := x.Extract(c.text)
			var got []string
			for _, p := range doc.People {
				parts := []string{p.Name}
				for _, m := range p.Mentions {
					parts = append(parts, m.Text)
				}
				got = append(got, strings.Join(parts, "|"))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("people:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestFold checks fold against text.Fold, twice, as it remembers.
func TestFold(t *testing.T) {
	a := &analysis{scratch: new(scratch)}
	a.scratch.people.folds = map[string]string{}
	for _, s := range []string{
		"", "Nguyen Xuan Thang", "UN Under-Secretary-General", "already lower",
		"Phạm Minh Chính", "Đặng Thị Ngọc Thịnh", "Guérini", "O'Neil 2nd", "ÆSIR Øresund", "Ünal\xffÇelik",
	} {
		for range 2 {
			if got, want := a.fold(s), text.Fold(s); got != want {
				t.Errorf("fold(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// TestNamePartIndex checks withPart against the people indexNames saw: every
// person of several parts under each distinct part once, in document order,
// one-word names left out.
func TestNamePartIndex(t *testing.T) {
	a := &analysis{scratch: new(scratch)}
	people := map[string]*personEntity{}
	for _, name := range []string{"nguyen van thang", "thang", "nguyen xuan thang", "le le"} {
		e := &personEntity{name: name, parts: strings.Fields(name)}
		people[name] = e
		a.personEntities = append(a.personEntities, e)
	}
	a.indexNames()
	for _, c := range []struct {
		part string
		want []string
	}{
		{"thang", []string{"nguyen van thang", "nguyen xuan thang"}},
		{"nguyen", []string{"nguyen van thang", "nguyen xuan thang"}},
		{"xuan", []string{"nguyen xuan thang"}},
		{"le", []string{"le le"}},
		{"van", []string{"nguyen van thang"}},
		{"tran", nil},
		{"", nil},
	} {
		var got []string
		for _, r := range a.withPart(c.part) {
			if r.part != c.part {
				t.Errorf("withPart(%q) gave an entry of %q", c.part, r.part)
			}
			got = append(got, r.person.name)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("withPart(%q) = %q, want %q", c.part, got, c.want)
		}
	}
}

// TestShortenedTitles checks that a title repeated without its first words
// is the same title, while different titles all stay.
func TestShortenedTitles(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []string // titles of the first person
	}{
		{
			"Hanoi (VNA) – Vietnamese Minister of Home Affairs Tran Van Hoa received Ambassador Karl Wassermeyer on June 4. Minister of Home Affairs Tran Van Hoa said the two sides would work together.",
			[]string{"Vietnamese Minister of Home Affairs"},
		},
		{
			"Hanoi (VNA) – Minister of Home Affairs Tran Van Hoa received Ambassador Karl Wassermeyer on June 4. Deputy Prime Minister Tran Van Hoa said the two sides would work together.",
			[]string{"Minister of Home Affairs", "Deputy Prime Minister"},
		},
	} {
		doc := x.Extract(c.text)
		if len(doc.People) == 0 {
			t.Errorf("%q: no people", c.text)
			continue
		}
		var got []string
		for _, ti := range doc.People[0].Titles {
			got = append(got, ti.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: titles %q, want %q", c.text, got, c.want)
		}
	}
}

// TestShortensAny checks the test by which dropShortenedTitles drops a
// title: its key must be a whole-word tail of a longer key.
func TestShortensAny(t *testing.T) {
	keys := [][]byte{[]byte("vietnamese minister of home affairs"), []byte("ambassador"), []byte("deputy  minister")}
	for _, c := range []struct {
		key  string
		want bool
	}{
		{"minister of home affairs", true},
		{"home affairs", true},
		{"vietnamese minister of home affairs", false}, // the key itself
		{"ister of home affairs", false},               // not a whole word
		{"minister of home", false},                    // not a tail
		{"ambassador", false},
		{" minister", true}, // after the first of two spaces
		{"minister", true},
		{"", false},
	} {
		if got := shortensAny([]byte(c.key), keys); got != c.want {
			t.Errorf("shortensAny(%q) = %v, want %v", c.key, got, c.want)
		}
	}
}

func TestCapitalised(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"", false},
		{"Hanoi", true},
		{"Z", true},
		{"hanoi", false},
		{"@Hanoi", false},
		{"[", false}, // just after 'Z'
		{"9th", false},
		{"Đặng", true},
		{"đặng", false},
		{"Ünal", true},
		{"\xffHanoi", false},
	} {
		if got := capitalised(c.s); got != c.want {
			t.Errorf("capitalised(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
