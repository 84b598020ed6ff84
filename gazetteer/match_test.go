package gazetteer

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/text"
)

// matchString renders the matches in s as "start-end id form" joined by
// " | ", which keeps the table below readable.
func matchString(g *Gazetteer, s string) string {
	var parts []string
	for _, m := range g.Match(text.Tokenize(s)) {
		parts = append(parts, fmt.Sprintf("%d-%d %s %s", m.Start, m.End, m.Entry.ID, m.Form))
	}
	return strings.Join(parts, " | ")
}

const matchYAML = `
- id: org.un
  type: organisation
  subtype: un
  name: United Nations
  acronym: UN
- id: country.us
  type: country
  name: United States
  aliases: [United States of America]
  acronym: US
- id: person.guterres
  type: person
  name: António Guterres
  aliases: [Guterres]
- id: name.nguyen
  type: name
  subtype: family
  name: Nguyễn
- id: title.minister
  type: title
  name: Minister
  match: fold
- id: title.pm
  type: title
  name: Prime Minister
  match: fold
- id: title.dpm
  type: title
  name: Deputy Prime Minister
  match: fold
- id: orghead.ministry
  type: orghead
  name: Ministry
- id: org.mofa
  type: organisation
  subtype: ministry
  name: Ministry of Foreign Affairs
  acronym: MoFA
- id: abbreviation.prof
  type: abbreviation
  name: Prof.
  match: exact
- id: org.asean
  type: organisation
  subtype: international
  name: ASEAN
  acronym: ASEAN
- id: country.georgia
  type: country
  name: Georgia
- id: province.georgia
  type: province
  name: Georgia
- id: country.ci
  type: country
  name: Côte d'Ivoire
- id: title.usg
  type: title
  name: Under-Secretary-General
  match: fold
- id: country.us.alias-exact
  type: country
  name: U.S.
  match: exact
`

func TestMatch(t *testing.T) {
	g := mustNew(t, matchYAML)
	tests := []struct {
		name, text, want string
	}{
		{"multiword", "the United Nations said", "1-3 org.un name"},
		{"longer alias and shorter name both kept",
			"the United States of America", "1-5 country.us alias | 1-3 country.us name"},
		{"overlapping titles sorted by start then longer first",
			"Deputy Prime Minister Pham", "0-3 title.dpm name | 1-3 title.pm name | 2-3 title.minister name"},
		{"fold matches any case", "deputy PRIME minister", "0-3 title.dpm name | 1-3 title.pm name | 2-3 title.minister name"},
		{"cased does not match lower case, but does match capitals", "the united nations and UNITED NATIONS", "4-6 org.un name"},
		{"cased, word by word", "Ministry of Foreign Affairs", "0-4 org.mofa name | 0-1 orghead.ministry name"},
		{"acronym exact: US", "talks with the US", "3-4 country.us acronym"},
		{"acronym exact: us is not US", "let us go", ""},
		{"acronym exact: Us is not US", "Us and them", ""},
		{"acronym mixed case", "the MoFA and the MOFA", "1-2 org.mofa acronym"},
		{"same entry and span reported once", "ASEAN members", "0-1 org.asean name"},
		{"same span, different entries in load order", "Georgia", "0-1 country.georgia name | 0-1 province.georgia name"},
		{"diacritics folded: Nguyen finds Nguyễn", "Mr Nguyen", "1-2 name.nguyen name"},
		{"diacritics as written", "Mr Nguyễn", "1-2 name.nguyen name"},
		{"cased keeps case with diacritics; capitals count", "NGUYỄN nguyen Nguyen", "0-1 name.nguyen name | 2-3 name.nguyen name"},
		{"curly apostrophe", "Côte d’Ivoire and Cote d'Ivoire", "0-4 country.ci name | 5-9 country.ci name"},
		{"no match across a line break", "United\nNations", ""},
		{"line break before the first token is fine", "said:\n\nUnited Nations", "2-4 org.un name"},
		{"possessive", "Guterres's remarks", "0-1 person.guterres alias"},
		{"full name possessive", "António Guterres's remarks", "0-2 person.guterres name | 1-2 person.guterres alias"},
		{"full name without diacritics", "Antonio Guterres", "0-2 person.guterres name | 1-2 person.guterres alias"},
		{"exact mode", "Prof. Lan and PROF. Minh and prof. Hai", "0-2 abbreviation.prof name"},
		{"exact with dots", "the U.S. and the u.s.", "1-5 country.us.alias-exact name"},
		{"hyphenated title", "UN Under-Secretary-General", "0-1 org.un acronym | 1-6 title.usg name"},
		{"hyphen with a dash", "under–secretary–general", "0-5 title.usg name"},
		{"prefix of a phrase only", "Deputy Prime", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := matchString(g, tt.text); got != tt.want {
				t.Errorf("Match(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestMatchManyChildren covers nodes with more children than the linear
// scan handles, which are binary-searched.
func TestMatchManyChildren(t *testing.T) {
	var b strings.Builder
	for i := range 50 {
		fmt.Fprintf(&b, "- {id: org.m%d, type: organisation, name: Ministry of Thing%d}\n", i, i)
	}
	g := mustNew(t, b.String())
	for i := range 50 {
		s := fmt.Sprintf("the Ministry of Thing%d said", i)
		if got, want := matchString(g, s), fmt.Sprintf("1-4 org.m%d name", i); got != want {
			t.Errorf("Match(%q) = %q, want %q", s, got, want)
		}
	}
	if got := matchString(g, "Ministry of Thing50"); got != "" {
		t.Errorf("unknown child matched: %q", got)
	}
}

// TestMatchConcurrent runs Match from several goroutines on one gazetteer,
// which is immutable after New (run with -race).
func TestMatchConcurrent(t *testing.T) {
	g := mustNew(t, matchYAML)
	const s = "Deputy Prime Minister Nguyễn met the UN chief Guterres's team in the US"
	want := matchString(g, s)
	done := make(chan string)
	for range 8 {
		go func() { done <- matchString(g, s) }()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("concurrent Match = %q, want %q", got, want)
		}
	}
}

// genEntries makes n entries of 1 to 4 generated words, with aliases,
// acronyms and all three modes; longer names share first words as real
// names do ("Ministry of ...", "Nguyen ..."). About a quarter of the
// words carry Vietnamese diacritics.
func genEntries(n int) []Entry {
	r := rand.New(rand.NewPCG(1, 2))
	syl := []string{"an", "ba", "cao", "dinh", "e", "fa", "gia", "ha", "in", "ja", "ka", "lan", "minh",
		"nam", "o", "phu", "qua", "ro", "son", "tu", "u", "van", "wa", "xu", "yen", "zo", "ễn", "ưu", "đô"}
	word := func() string {
		var b strings.Builder
		for range 3 + r.IntN(2) {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		w := b.String()
		_, size := utf8.DecodeRuneInString(w) // a syllable may start with "ễ"
		return strings.ToUpper(w[:size]) + w[size:]
	}
	heads := make([]string, 2000) // shared first words ("Ministry", "Nguyen")
	for i := range heads {
		heads[i] = word()
	}
	phrase := func() string {
		n := 1 + r.IntN(4)
		if n == 1 {
			return word() // a one-word name of its own
		}
		parts := []string{heads[r.IntN(len(heads))]}
		for range n - 1 {
			parts = append(parts, word())
		}
		return strings.Join(parts, " ")
	}
	modes := []string{"", "", "fold", "exact"}
	entries := make([]Entry, n)
	for i := range entries {
		e := Entry{ID: fmt.Sprintf("gen.%d", i), Type: Types[i%len(Types)], Name: phrase(), Match: modes[i%len(modes)]}
		if i%3 == 0 {
			e.Aliases = []string{phrase()}
		}
		if i%10 == 0 {
			e.Acronym = fmt.Sprintf("G%dX", i)
		}
		entries[i] = e
	}
	return entries
}

// genText makes an article of about n bytes from the entries' names and
// filler words, with line breaks.
func genText(entries []Entry, n int) string {
	r := rand.New(rand.NewPCG(3, 4))
	filler := strings.Fields("the of and said on in to a with for at by was has been which that Minister talks")
	var b strings.Builder
	for b.Len() < n {
		switch k := r.IntN(10); {
		case k < 3:
			b.WriteString(entries[r.IntN(len(entries))].Name)
		case k < 4:
			b.WriteString(", ")
		default:
			b.WriteString(filler[r.IntN(len(filler))])
		}
		if r.IntN(40) == 0 {
			b.WriteString(".\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// TestMatchGenerated checks the trie against a plain search on generated
// data: every occurrence of every entry name placed in the text is found.
func TestMatchGenerated(t *testing.T) {
	entries := genEntries(5000)
	g, err := New(entries)
	if err != nil {
		t.Fatal(err)
	}
	s := genText(entries, 20000)
	toks := text.Tokenize(s)
	got := g.Match(toks)
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if a.Start > b.Start || (a.Start == b.Start && a.End < b.End) {
			t.Fatalf("matches out of order at %d: %+v then %+v", i, a, b)
		}
	}
	found := map[[2]int]map[string]bool{}
	for _, m := range got {
		k := [2]int{m.Start, m.End}
		if found[k] == nil {
			found[k] = map[string]bool{}
		}
		found[k][m.Entry.ID] = true
	}
	// Brute force: every entry name against every position where its first
	// word occurs, by the rules of its mode.
	folds, keys := make([]string, len(toks)), make([]string, len(toks))
	at := map[string][]int{}
	for i, tk := range toks {
		folds[i], keys[i] = text.Fold(tk.Text), text.Key(tk.Text)
		at[keys[i]] = append(at[keys[i]], i)
	}
	checked := 0
	for _, e := range entries {
		ptoks := text.Tokenize(e.Name)
		for _, i := range at[text.Key(ptoks[0].Text)] {
			ok := i+len(ptoks) <= len(toks)
			for k := 0; ok && k < len(ptoks); k++ {
				p, j := ptoks[k].Text, i+k
				switch {
				case k > 0 && toks[j].Lines > 0:
					ok = false
				case e.Match == "fold":
					ok = keys[j] == text.Key(p)
				case e.Match == "exact":
					ok = toks[j].Text == p
				default:
					ok = folds[j] == text.Fold(p)
				}
			}
			if !ok {
				continue
			}
			checked++
			if !found[[2]int{i, i + len(ptoks)}][e.ID] {
				t.Errorf("entry %s %q at token %d not found", e.ID, e.Name, i)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d names placed in the text; the test data is too thin", checked)
	}
	// And the other way: every match is one of the entry's forms, as
	// written in the text by the rules of its mode.
	for _, m := range got {
		var phrases []string
		mode := m.Entry.Match
		switch m.Form {
		case FormName:
			phrases = []string{m.Entry.Name}
		case FormAlias:
			phrases = m.Entry.Aliases
		case FormAcronym:
			phrases, mode = []string{m.Entry.Acronym}, "exact"
		}
		ok := false
		for _, p := range phrases {
			ptoks := text.Tokenize(p)
			if len(ptoks) != m.End-m.Start {
				continue
			}
			same := true
			for k, pt := range ptoks {
				j := m.Start + k
				switch mode {
				case "fold":
					same = same && keys[j] == text.Key(pt.Text)
				case "exact":
					same = same && toks[j].Text == pt.Text
				default:
					same = same && folds[j] == text.Fold(pt.Text)
				}
			}
			ok = ok || same
		}
		if !ok {
			t.Errorf("match %d-%d %s %s is none of its forms %q", m.Start, m.End, m.Entry.ID, m.Form, phrases)
		}
	}
}

// BenchmarkNew100k builds a gazetteer of 100,000 generated entries and
// reports the heap it keeps (heap-MB) besides the usual figures.
func BenchmarkNew100k(b *testing.B) {
	entries := genEntries(100000)
	b.ReportAllocs()
	for b.Loop() { // b.Loop times only the loop
		if _, err := New(entries); err != nil {
			b.Fatal(err)
		}
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	g, err := New(entries)
	elapsed := time.Since(start)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	b.ReportMetric(float64(elapsed.Milliseconds()), "build-ms")
	runtime.KeepAlive(g)
}

// genYAML writes entries as a gazetteer file.
func genYAML(entries []Entry) []byte {
	var b bytes.Buffer
	for _, e := range entries {
		fmt.Fprintf(&b, "- id: %s\n  type: %s\n  name: %s\n", e.ID, e.Type, e.Name)
		if len(e.Aliases) > 0 {
			fmt.Fprintf(&b, "  aliases: [%s]\n", strings.Join(e.Aliases, ", "))
		}
		for _, f := range [][2]string{{"acronym", e.Acronym}, {"match", e.Match}} {
			if f[1] != "" {
				fmt.Fprintf(&b, "  %s: %s\n", f[0], f[1])
			}
		}
	}
	return b.Bytes()
}

// BenchmarkLoad100k parses a file of 100,000 generated entries and builds
// the gazetteer, as a user's gazetteer is loaded; heap-MB is the heap the
// gazetteer keeps.
func BenchmarkLoad100k(b *testing.B) {
	data := genYAML(genEntries(100000))
	load := func() *Gazetteer {
		entries, err := Parse("gen.yaml", data)
		if err != nil {
			b.Fatal(err)
		}
		g, err := New(entries)
		if err != nil {
			b.Fatal(err)
		}
		return g
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		load()
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g := load()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	if g.Len() != 100000 {
		b.Fatalf("%d entries", g.Len())
	}
}

// BenchmarkMatch matches a 10 KB generated article against 100,000
// entries.
func BenchmarkMatch(b *testing.B) {
	entries := genEntries(100000)
	g, err := New(entries)
	if err != nil {
		b.Fatal(err)
	}
	s := genText(entries, 10000)
	toks := text.Tokenize(s)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(g.Match(toks))
	}
	b.ReportMetric(float64(len(toks)), "tokens")
	b.ReportMetric(float64(n), "matches")
}

func TestMatchShoutedNames(t *testing.T) {
	g, err := New([]Entry{
		{ID: "city.hanoi", Type: "city", Name: "Hanoi"},
		{ID: "city.ny", Type: "city", Name: "New York"},
		{ID: "country.us", Type: "country", Name: "Us Land", Acronym: "US"},
		{ID: "word.fold", Type: "word", Name: "exact", Match: "exact"},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want int // matches
	}{
		{"HANOI, July 20", 1},
		{"NEW YORK", 1},
		{"NEW York", 1},
		{"HAnoi", 0},
		{"US LAND", 1}, // the acronym US only: "US" is too short to be a shouted "Us"
		{"EXACT", 0},   // exact entries are as written
	}
	for _, tt := range tests {
		if got := len(g.Match(text.Tokenize(tt.text))); got != tt.want {
			t.Errorf("%q: %d matches, want %d", tt.text, got, tt.want)
		}
	}
}

func TestShoutedAgreesWithUpperCase(t *testing.T) {
	// The reference is the definition: s is in capitals and is want's
	// upper case.
	ref := func(s, want string) bool {
		return len(s) >= 3 && s == strings.ToUpper(s) && s == strings.ToUpper(want)
	}
	tests := []struct {
		s, want string
		ok      bool
	}{
		{"HANOI", "Hanoi", true},
		{"HANOI", "HANOI", true},
		{"Hanoi", "Hanoi", false}, // not in capitals
		{"HANOi", "Hanoi", false},
		{"HANO", "Hanoi", false},
		{"US", "Us", false}, // too short
		{"O'NEIL", "O'Neil", true},
		{"O-NEIL", "O'Neil", false},
		{"ĐÀ", "Đà", true}, // three bytes or more, not three letters
		{"ĐÀNẴNG", "ĐàNẵng", true},
		{"ĐÀNẴNG", "Đànẵng", true},
		{"HANOI", "Hanoı", true}, // dotless i upper-cases to I
		{"HANOİ", "Hanoi", false},
	}
	for _, tt := range tests {
		if got := shouted(tt.s, tt.want); got != tt.ok || got != ref(tt.s, tt.want) {
			t.Errorf("shouted(%q, %q) = %v, want %v (definition: %v)", tt.s, tt.want, got, tt.ok, ref(tt.s, tt.want))
		}
	}
}

func TestVocabLookup(t *testing.T) {
	var v vocab
	// Keys around eight bytes: the slot holds a key's first eight, so
	// "ministry" and "ministrys" share a head and differ only in length,
	// and the long keys differ only past the head.
	keys := []string{"hanoi", "new", "york", "đà", "x", "ministry", "ministrys", "ministries", "ministrier", "ministriesofhealth"}
	for i, k := range keys {
		if id := v.add(k); id != int32(i) {
			t.Fatalf("add(%q) = %d, want %d", k, id, i)
		}
	}
	for _, compact := range []bool{false, true} {
		if compact {
			v.compact()
		}
		tests := []struct {
			s    string
			want int32
		}{
			{"hanoi", 0}, {"Hanoi", 0}, {"HANOI", 0}, {"NeW", 1}, {"york", 2},
			{"đà", 3}, {"x", 4}, {"X", 4},
			{"hano", -1}, {"hanoix", -1}, {"", -1}, {"Đà", -1}, // non-ASCII is lower-cased by the caller
			{"Ministry", 5}, {"MINISTRYS", 6}, {"Ministries", 7}, {"ministrieR", 8}, {"MinistriesOfHealth", 9},
			{"ministr", -1}, {"ministriez", -1}, {"ministriesofhealtH!", -1}, {"ministriesofhealt", -1},
		}
		for _, tt := range tests {
			if got := v.lookup(tt.s); got != tt.want {
				t.Errorf("compact %v: lookup(%q) = %d, want %d", compact, tt.s, got, tt.want)
			}
		}
	}
	// One-byte texts, looked up by byteID, agree with lookup: keys and
	// non-keys, letters in either case.
	for _, k := range []string{"a", ",", "1", "z"} {
		v.add(k)
	}
	for c := range byte(utf8.RuneSelf) {
		if got, want := v.byteID(c), v.lookup(string(rune(c))); got != want {
			t.Errorf("byteID(%q) = %d, lookup = %d", c, got, want)
		}
	}
	if v.byteID('A') < 0 || v.byteID('b') >= 0 {
		t.Errorf("byteID('A') = %d, byteID('b') = %d, want a key and none", v.byteID('A'), v.byteID('b'))
	}
	// Many keys: every one is found after the table grew and shrank.
	var big vocab
	for i := range 5000 {
		big.add(fmt.Sprintf("k%d", i))
	}
	big.compact()
	for i := range 5000 {
		if got := big.lookup(fmt.Sprintf("K%d", i)); got != int32(i) {
			t.Fatalf("lookup(K%d) = %d", i, got)
		}
	}
	if got := big.lookup("k5000"); got != -1 {
		t.Errorf("lookup(k5000) = %d, want -1", got)
	}
}

// TestVocabAgreesWithMap looks up random words of 1 to 20 letters from a
// two-letter alphabet, so that many share their first eight bytes and
// differ in length or later bytes, and compares vocab with a map.
func TestVocabAgreesWithMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, 1+rng.IntN(20))
		for i := range b {
			b[i] = "ab"[rng.IntN(2)]
		}
		return string(b)
	}
	var v vocab
	ref := map[string]int32{}
	for range 2000 {
		if k := word(); ref[k] == 0 {
			ref[k] = v.add(k) + 1
		}
	}
	v.compact()
	for range 20000 {
		w := word()
		want := ref[w] - 1
		if rng.IntN(2) == 0 {
			w = strings.ToUpper(w)
		}
		if got := v.lookup(w); got != want {
			t.Fatalf("lookup(%q) = %d, want %d", w, got, want)
		}
	}
}

func TestMatchIndex(t *testing.T) {
	g, err := New([]Entry{
		{ID: "city.hanoi", Type: "city", Name: "Hanoi"},
		{ID: "city.ny", Type: "city", Name: "New York", Aliases: []string{"NY"}},
		{ID: "city.york", Type: "city", Name: "York"},
	})
	if err != nil {
		t.Fatal(err)
	}
	entries := g.Entries()
	ms := g.Match(text.Tokenize("From Hanoi to New York and NY"))
	if len(ms) != 4 {
		t.Fatalf("%d matches, want 4", len(ms))
	}
	for _, m := range ms {
		if entries[m.Index] != m.Entry {
			t.Errorf("match %+v: Entries()[%d] is %s", m, m.Index, entries[m.Index].ID)
		}
	}
}

// TestAppendMatch checks that AppendMatch keeps what dst held and adds what
// Match finds, and leaves dst alone when nothing matches.
func TestAppendMatch(t *testing.T) {
	g := mustNew(t, "- {id: org.un, type: organisation, name: United Nations, acronym: UN}\n")
	toks := text.Tokenize("The UN met.")
	sentinel := Match{Start: -1}
	got := g.AppendMatch([]Match{sentinel}, toks)
	if len(got) != 2 || got[0] != sentinel || !slices.Equal(got[1:], g.Match(toks)) {
		t.Errorf("AppendMatch = %+v", got)
	}
	if got := g.AppendMatch([]Match{sentinel}, text.Tokenize("Nothing here.")); len(got) != 1 {
		t.Errorf("AppendMatch with no match = %+v, want dst", got)
	}
}

// BenchmarkMatchDefault matches the golden articles' tokens against the
// default gazetteer, as every Extract does.
func BenchmarkMatchDefault(b *testing.B) {
	entries, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	g, err := New(entries)
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/*.txt")
	if len(files) == 0 {
		b.Fatal("no articles in ../testdata")
	}
	var docs [][]text.Token
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		size += len(data)
		docs = append(docs, text.Tokenize(text.Clean(string(data), nil).Clean))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var dst []Match
	for b.Loop() {
		for _, toks := range docs {
			dst = g.AppendMatch(dst[:0], toks)
		}
	}
}
