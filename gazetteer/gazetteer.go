package gazetteer

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Entry is one gazetteer entry as written in a YAML file. The YAML tags name
// the file's fields; File and Line record where the entry was defined so that
// every later error (an unknown parent, a bad override) can point at it.
type Entry struct {
	ID      string   `yaml:"id"`
	Type    string   `yaml:"type"`
	Subtype string   `yaml:"subtype,omitempty"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases,omitempty"`
	Acronym string   `yaml:"acronym,omitempty"`
	Match   string   `yaml:"match,omitempty"` // "" or "cased" (default), "fold", "exact"
	Value   string   `yaml:"value,omitempty"`
	Parent  string   `yaml:"parent,omitempty"`

	File string `yaml:"-"` // file the entry was read from ("" if built in Go)
	Line int    `yaml:"-"` // line of the entry's first field, 0 if unknown
}

// Types lists the valid entry types. The loader and New reject any other
// type, so that a typo in a data file is an error instead of an entry that
// no rule ever sees.
var Types = []string{
	"organisation", "orghead", "title", "honorific", "demonym",
	"country", "province", "city", "region",
	"name", "person", "month", "weekday", "word", "trigger",
	"abbreviation", "event",
}

// Matching modes of an entry's name and aliases (Entry.Match).
const (
	MatchCased = "cased" // case as written, diacritics and quotes folded (the default)
	MatchFold  = "fold"  // case and diacritics folded
	MatchExact = "exact" // byte for byte as written
)

// knownTypes are the types whose words Known reports: the words that make up
// names of people, organisations and places, which a cleaner must not split.
var knownTypes = map[string]bool{
	"name": true, "person": true, "organisation": true, "country": true,
	"province": true, "city": true, "region": true, "demonym": true,
	"title": true, "orghead": true,
}

// Form tells which written form of an entry matched.
type Form uint8

// Forms of a match.
const (
	FormName    Form = iota // the entry's Name
	FormAlias               // one of its Aliases
	FormAcronym             // its Acronym (always matched exact-case)
)

// String returns "name", "alias" or "acronym".
func (f Form) String() string {
	switch f {
	case FormName:
		return "name"
	case FormAlias:
		return "alias"
	case FormAcronym:
		return "acronym"
	}
	return fmt.Sprintf("Form(%d)", uint8(f))
}

// Match is one occurrence of an entry in a token slice.
type Match struct {
	Start, End int // token indices, End exclusive
	Entry      *Entry
	Form       Form
	// Index is the entry's position in Entries(), so that a caller can keep
	// what it derives from each entry in a slice instead of a map keyed by
	// the pointer.
	Index int32
}

// Gazetteer is a compiled set of entries: lookups by ID and a token trie for
// Match. It is immutable after New and safe for concurrent use.
type Gazetteer struct {
	entries []*Entry
	byID    map[string]int32
	trie    trie
}

// New builds a gazetteer from entry lists in order. An entry whose ID is
// already present replaces the earlier one in its place, so a user file can
// override a default entry without changing its priority among the others.
// Every entry is checked as Parse checks it (entries may also be built in
// Go), and a Parent that names no entry is an error naming the file, line
// and entry. All errors are returned together as an ErrorList.
func New(lists ...[]Entry) (*Gazetteer, error) {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	g := &Gazetteer{byID: make(map[string]int32, n)}
	// Copy the entries into one block so that the caller's slices stay
	// theirs and the gazetteer does not change when they do.
	store := make([]Entry, 0, n)
	var errs ErrorList
	for _, l := range lists {
		for i := range l {
			e := l[i]
			if msgs := checkFields(&e); len(msgs) > 0 {
				for _, m := range msgs {
					errs.Add(e.File, e.Line, e.ID, m.msg)
				}
				continue
			}
			e.Aliases = slices.Clone(e.Aliases)
			if idx, ok := g.byID[e.ID]; ok {
				store[idx] = e
				continue
			}
			g.byID[e.ID] = int32(len(store))
			store = append(store, e)
		}
	}
	g.entries = make([]*Entry, len(store))
	for i := range store {
		g.entries[i] = &store[i]
	}
	for _, e := range g.entries {
		if e.Parent != "" {
			if _, ok := g.byID[e.Parent]; !ok {
				errs.Add(e.File, e.Line, e.ID, fmt.Sprintf("parent %q names no entry", e.Parent))
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if err := g.trie.build(g.entries); err != nil {
		return nil, err
	}
	return g, nil
}

// Entry returns the entry with the given ID. The entry belongs to the
// gazetteer and must not be modified.
func (g *Gazetteer) Entry(id string) (*Entry, bool) {
	if g == nil {
		return nil, false
	}
	i, ok := g.byID[id]
	if !ok {
		return nil, false
	}
	return g.entries[i], true
}

// Entries returns all entries in load order after overrides. The slice is
// the caller's; the entries belong to the gazetteer and must not be modified.
func (g *Gazetteer) Entries() []*Entry {
	if g == nil {
		return nil
	}
	return slices.Clone(g.entries)
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int {
	if g == nil {
		return 0
	}
	return len(g.entries)
}

// Known reports whether word (one token, any case, diacritics folded) is the
// whole name, an alias, an acronym or a word of a name of an entry of type
// name, person, organisation, country, province, city, region, demonym,
// title or orghead. The cleaner asks it before it splits a glued word
// ("PetroVietnam", "VinFast") so that names the gazetteer knows stay whole.
func (g *Gazetteer) Known(word string) bool {
	if g == nil {
		return false
	}
	id := g.trie.tokenID(word)
	return id >= 0 && g.trie.known[id>>6]&(1<<(uint(id)&63)) != 0
}

// blank reports whether s tokenises to no token at all. Tokenize makes a
// token of every rune that is not white space, so this is the same test
// without the cost of tokenising every name twice.
func blank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) }) < 0
}

// validMatch reports whether m is a known matching mode.
func validMatch(m string) bool {
	return m == "" || m == MatchCased || m == MatchFold || m == MatchExact
}

// fieldMsg is a problem with one field of an entry.
type fieldMsg struct {
	field string // the YAML name of the field
	msg   string
}

// checkFields returns what is wrong with an entry's fields on their own:
// the checks that need no other entry (Parse adds duplicate IDs, New adds
// parents).
func checkFields(e *Entry) []fieldMsg {
	var msgs []fieldMsg
	add := func(field, format string, args ...any) {
		msgs = append(msgs, fieldMsg{field, fmt.Sprintf(format, args...)})
	}
	switch {
	case e.ID == "":
		add("id", "missing id")
	case strings.IndexFunc(e.ID, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		add("id", "id %q contains white space", e.ID)
	}
	switch {
	case e.Type == "":
		add("type", "missing type")
	case !slices.Contains(Types, e.Type):
		add("type", "unknown type %q (want one of %s)", e.Type, strings.Join(Types, ", "))
	}
	switch {
	case e.Name == "":
		add("name", "missing name")
	case blank(e.Name):
		add("name", "name %q is empty after tokenisation", e.Name)
	}
	for i, a := range e.Aliases {
		if blank(a) {
			add("aliases", "alias %d (%q) is empty after tokenisation", i+1, a)
		}
	}
	if e.Acronym != "" && blank(e.Acronym) {
		add("acronym", "acronym %q is empty after tokenisation", e.Acronym)
	}
	if !validMatch(e.Match) {
		add("match", "unknown match mode %q (want cased, fold or exact)", e.Match)
	}
	return msgs
}
