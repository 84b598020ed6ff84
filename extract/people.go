package extract

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/rules"
)

// personMention is one place a person is named, with the honorifics and
// titles written next to the name.
type personMention struct {
	span       span // honorifics and name
	name       span
	honorifics []span
	titles     []*titleMention
	rule       string
	order      int
	entity     *personEntity
}

func (p *personMention) where() span   { return p.span }
func (p *personMention) priority() int { return p.order }

// titleMention is one title written next to a person.
type titleMention struct {
	span   span
	rule   string
	order  int
	person *personMention
}

func (t *titleMention) where() span   { return t.span }
func (t *titleMention) priority() int { return t.order }

// personEntity is one person of the document.
type personEntity struct {
	mentions []*personMention
	name     string
	// parts are the folded words of name (see nameParts): short forms and
	// typos compare them with every capitalised word.
	parts []string
	id    string
	// starts are the sorted first tokens of the mentions, kept from the
	// name index on (see indexNames) for the short forms to look up.
	starts []int
}

// peopleScratch holds the slices and the map the people stage rebuilds for
// every document and no Document keeps, for the next document to reuse
// (see scratch): growing them anew each time was much of what the stage
// allocated.
type peopleScratch struct {
	byName   map[string]*personEntity // the people, by the key of their name
	folds    map[string]string        // what fold remembers
	byPart   []nameRef                // the name-part index (see indexNames)
	key      []byte                   // the key personNamed looks up
	nameToks []text.Token             // the tokens of the name nameParts folds
	parts    []string                 // every person's name parts, one person after another (see nameParts)
	titles   []*titleMention          // the title candidates, before pick
	keyBuf   []byte                   // one person's title keys, one after another (see dropShortenedTitles)
	keyEnds  []int                    // where each key in keyBuf ends
	keys     [][]byte                 // the keys, as slices of keyBuf
	covered  []bool                   // coveredTokens' answer

	// Where the stage's mentions and people live: they die with the
	// analysis, as no Document points to them.
	mentions slab[personMention]
	titleSet slab[titleMention]
	entities slab[personEntity]
}

// reset readies the scratch for the next document.
func (ps *peopleScratch) reset() {
	clear(ps.byName)
	clear(ps.folds)
	clear(ps.parts) // the pool keeps no name alive
	ps.parts = ps.parts[:0]
	ps.mentions.reset()
	ps.titleSet.reset()
	ps.entities.reset()
}

// addPerson records a person a rule found: the group "person" is the name,
// every capture of "honorific" and "title" belongs to it.
func (a *analysis) addPerson(rule *rules.Compiled, m rules.Match, sent span) {
	name, ok := group(m, "person", sent)
	if !ok {
		return
	}
	if name.len() == 1 && a.entryAt(name, "word") != nil {
		return // "An" alone is the article, not the given name
	}
	name = a.extendName(name, sent)
	ps := &a.scratch.people
	p := ps.mentions.new(personMention{span: name, name: name, rule: rule.ID, order: a.ruleOrder(rule)})
	for h := range groups(m, "honorific", sent) {
		p.honorifics = append(p.honorifics, h)
		if h.start < p.span.start && h.end <= name.start {
			p.span.start = h.start
		}
	}
	for t := range groups(m, "title", sent) {
		p.titles = append(p.titles, ps.titleSet.new(titleMention{span: t, rule: rule.ID, order: p.order, person: p}))
	}
	a.personCands = append(a.personCands, p)
}

// maxNameParts is the longest name extendName makes.
const maxNameParts = 4

// namePart is the gazetteer name-part entry covering exactly token i, even
// where another class ("Hue" the city, "Thai" the demonym) won the tag
// string.
func (a *analysis) namePart(i int) *gazetteer.Entry {
	return a.entryAt(span{i, i + 1}, "name")
}

// extendName stretches a name that opens with a family name over the
// capitalised tokens after it that the gazetteer also knows as name parts,
// so that "Vuong Dinh Hue" is not cut before a given name that is also a
// city. Family-first names are the ones whose last part is given, hence
// the rule only applies to them.
func (a *analysis) extendName(name, sent span) span {
	if first := a.namePart(name.start); first == nil || first.Subtype != "family" || name.len() < 2 {
		return name
	}
	for name.end < sent.end && name.len() < maxNameParts && capitalised(a.toks[name.end].Text) {
		part := a.namePart(name.end)
		if part == nil || part.Subtype == "particle" {
			break
		}
		name.end++
	}
	return name
}

// dropShadowedPlaces removes the place mentions that turned out to be part
// of a person's name.
func (a *analysis) dropShadowedPlaces() {
	inName := newBits(len(a.toks))
	for _, p := range a.people {
		for i := p.name.start; i < p.name.end; i++ {
			inName.set(i)
		}
	}
	kept := a.places[:0]
	for _, pl := range a.places {
		shadowed := false
		for i := pl.span.start; i < pl.span.end && !shadowed; i++ {
			shadowed = inName.has(i)
		}
		if !shadowed {
			kept = append(kept, pl)
		}
	}
	a.places = kept
}

// resolvePeople keeps one reading of overlapping names (handing the titles
// of the others to the one kept), groups mentions into people by name,
// joins short forms ("Thang", "Minister Tra") to the full name they
// shorten, and finds the later bare uses of every name.
func (a *analysis) resolvePeople() {
	a.people = pick(a.personCands)
	// Each candidate hands its honorifics and titles to the people kept
	// over its tokens. The people kept are in text order and do not
	// overlap, so those over a candidate are the run of them from the one
	// holding its first token on: one search per candidate, not per token.
	for _, c := range a.personCands {
		if c.span.empty() {
			continue // it holds no token
		}
		for _, k := range a.people[max(firstFrom(a.people, c.span.start+1)-1, 0):] {
			if k.span.start >= c.span.end {
				break
			}
			if k == c || k.span.empty() || !k.span.overlaps(c.span) {
				continue
			}
			k.honorifics = append(k.honorifics, c.honorifics...)
			for _, t := range c.titles {
				t.person = k
				k.titles = append(k.titles, t)
			}
		}
	}
	ps := &a.scratch.people
	ps.titles = ps.titles[:0]
	for _, p := range a.people {
		ps.titles = append(ps.titles, p.titles...)
	}
	a.titles = pick(ps.titles) // a copy: ps.titles stays scratch
	for _, p := range a.people {
		p.titles = p.titles[:0]
	}
	for _, t := range a.titles {
		t.person.titles = append(t.person.titles, t)
	}
	if ps.byName == nil {
		ps.byName, ps.folds = map[string]*personEntity{}, map[string]string{}
	}
	for _, p := range a.people {
		a.joinByName(p)
	}
	a.addProsePeople()
	a.joinTypos()
	a.joinNameTails()
	a.indexNames()
	a.joinShortForms()
	a.markNameUses()
	a.dropShadowedPlaces()
	for _, e := range a.personEntities {
		a.dropShortenedTitles(e)
	}
}

// joinByName makes p a mention of the person of the same name, a new
// person if p is the first mention of that name.
func (a *analysis) joinByName(p *personMention) {
	ps := &a.scratch.people
	e := a.personNamed(p.name)
	if e == nil {
		name := a.text(p.name)
		e = ps.entities.new(personEntity{name: name, parts: a.nameParts(name)})
		ps.byName[string(ps.key)] = e // ps.key is still the name's key
		a.personEntities = append(a.personEntities, e)
	}
	e.mentions = append(e.mentions, p)
	p.entity = e
}

// personNamed returns the person whose name has the key of the text of s,
// if there is one yet, and leaves that key in a.scratch.people.key.
func (a *analysis) personNamed(s span) *personEntity {
	ps := &a.scratch.people
	ps.key = text.AppendKey(ps.key[:0], a.text(s))
	// A lookup by string(bytes) allocates nothing.
	return ps.byName[string(ps.key)]
}

// fold is text.Fold, remembered for the document: folding text with
// diacritics costs a normalisation buffer of about a kilobyte each time,
// and the stage folds the same names and words again and again.
func (a *analysis) fold(s string) string {
	ps := &a.scratch.people
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			f, ok := ps.folds[s]
			if !ok {
				f = text.Fold(s)
				ps.folds[s] = f
			}
			return f
		}
	}
	return s // ASCII text folds to itself
}

// dropShortenedTitles removes a person's title when another of their
// titles ends with it ("Minister of Home Affairs" beside "Vietnamese
// Minister of Home Affairs"): a later mention that repeats a title more
// briefly names the same role, not a second one.
func (a *analysis) dropShortenedTitles(e *personEntity) {
	titles := 0
	for _, m := range e.mentions {
		titles += len(m.titles)
	}
	if titles < 2 {
		return // a title shortens only another
	}
	// The key of every title in turn, written into one reused buffer: no
	// string is made of them.
	ps := &a.scratch.people
	ps.keyBuf, ps.keyEnds = ps.keyBuf[:0], ps.keyEnds[:0]
	for _, m := range e.mentions {
		for _, t := range m.titles {
			ps.keyBuf = text.AppendKey(ps.keyBuf, a.text(t.span))
			ps.keyEnds = append(ps.keyEnds, len(ps.keyBuf))
		}
	}
	// A title is shortened when another key ends with a space and its key.
	// One person holds a few titles, so comparing every pair costs less
	// than sorting the word-final tails of every key and searching them.
	ps.keys = ps.keys[:0]
	start := 0
	for _, end := range ps.keyEnds {
		ps.keys = append(ps.keys, ps.keyBuf[start:end])
		start = end
	}
	i := 0
	for _, m := range e.mentions {
		kept := m.titles[:0]
		for _, t := range m.titles {
			if !shortensAny(ps.keys[i], ps.keys) {
				kept = append(kept, t)
			}
			i++
		}
		m.titles = kept
	}
}

// shortensAny reports whether one of keys ends with a space and then key:
// whether key is a word-final tail of a longer key.
func shortensAny(key []byte, keys [][]byte) bool {
	for _, k := range keys {
		if n := len(k) - len(key); n > 0 && k[n-1] == ' ' && bytes.Equal(k[n:], key) {
			return true
		}
	}
	return false
}

// nameParts returns the folded tokens of a person's name, for
// personEntity.parts.
func (a *analysis) nameParts(name string) []string {
	ps := &a.scratch.people
	ps.nameToks = text.AppendTokens(ps.nameToks[:0], name)
	// The parts of every person go into one slice, which grows by
	// doubling, not into a slice per person. Each person's parts are
	// capped, so that nothing appends over the next person's; a person
	// whose parts were handed out before the slice moved keeps the old
	// array.
	start := len(ps.parts)
	for _, t := range ps.nameToks {
		ps.parts = append(ps.parts, a.fold(t.Text))
	}
	return ps.parts[start:len(ps.parts):len(ps.parts)]
}

// Tiers of a one-word form's fit to a fuller name, best first: its last
// part (the Vietnamese given name, the Western surname), another part
// ("Anwar" of "Anwar Ibrahim", "Tan" of "Marcus Tan Wei Ming"), its last
// part with one letter typed wrong ("Rammelow" for "Ramelow").
const (
	fitLast = iota
	fitPart
	fitTypo
	fitNone
)

// minTypoLen is the shortest last part a one-letter typo may stand for:
// shorter words differ by one letter from too many others.
const minTypoLen = 5

// fit says how well the one word w fits the folded name parts.
func fit(w string, parts []string) int {
	if len(parts) < 2 {
		return fitNone
	}
	last := parts[len(parts)-1]
	switch {
	case w == last:
		return fitLast
	case slices.Contains(parts[:len(parts)-1], w):
		return fitPart
	case len(last) >= minTypoLen && oneEditApart(w, last):
		return fitTypo
	}
	return fitNone
}

// oneEditApart reports whether a and b differ by exactly one inserted,
// deleted or replaced letter. It compares bytes, not a []rune of each: it
// runs for many pairs of names, and only the few letters between the
// common prefix and suffix need decoding.
func oneEditApart(a, b string) bool {
	// Drop the common prefix and then the common suffix, both cut back
	// to a whole letter: one letter must be left of one word, and at most
	// one of the other.
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for p > 0 && (p < len(a) && !utf8.RuneStart(a[p]) || p < len(b) && !utf8.RuneStart(b[p])) {
		p--
	}
	a, b = a[p:], b[p:]
	s := 0
	for s < len(a) && s < len(b) && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	for s > 0 && !utf8.RuneStart(a[len(a)-s]) {
		s--
	}
	x, y := utf8.RuneCountInString(a[:len(a)-s]), utf8.RuneCountInString(b[:len(b)-s])
	return x <= 1 && y <= 1 && x+y > 0
}

// shortFormOf returns the person whose fuller name the one word w at token
// at shortens, trying no tier worse than worst: within the best tier that
// fits anyone, the person named nearest before the word wins, else the one
// named nearest after it. Two people who share a short form are thus told apart by where
// the short form stands. named is a.withPart(w), which callers have at hand.
func (a *analysis) shortFormOf(w string, named []nameRef, at, worst int) *personEntity {
	for tier := fitLast; tier <= worst; tier++ {
		var before, after *personEntity
		beforeAt, afterAt := -1, -1
		consider := func(e *personEntity) {
			if fit(w, e.parts) != tier {
				return
			}
			starts := e.starts
			i, _ := slices.BinarySearch(starts, at)
			if i > 0 && starts[i-1] > beforeAt {
				before, beforeAt = e, starts[i-1]
			}
			if i < len(starts) && starts[i] == at {
				i++
			}
			if i < len(starts) && (afterAt < 0 || starts[i] < afterAt) {
				after, afterAt = e, starts[i]
			}
		}
		if tier == fitTypo {
			// A typo need not be spelled like any part: try everyone.
			for _, e := range a.personEntities {
				consider(e)
			}
		} else {
			for _, r := range named {
				consider(r.person)
			}
		}
		if before != nil {
			return before
		}
		if after != nil {
			return after
		}
	}
	return nil
}

// nameRef is an entry of the name-part index: a person of several name
// parts, and one of those parts.
type nameRef struct {
	part   string
	order  int // the person's place in a.personEntities
	person *personEntity
}

// indexNames indexes the people found so far by name part, and sorts the
// first tokens of their mentions, for shortFormOf and markNameUses. The
// index is a slice sorted by part: one person has a few parts and one
// document a few people, so a map of slices cost more to build than the
// lookups it saved.
func (a *analysis) indexNames() {
	ps := &a.scratch.people
	ps.byPart = ps.byPart[:0]
	for order, e := range a.personEntities {
		parts := e.parts
		if len(parts) < 2 {
			continue // a one-word name shortens nothing
		}
		for i, p := range parts {
			if !slices.Contains(parts[:i], p) {
				ps.byPart = append(ps.byPart, nameRef{part: p, order: order, person: e})
			}
		}
		e.starts = make([]int, 0, len(e.mentions))
		for _, m := range e.mentions {
			e.mentioned(m.span.start)
		}
	}
	// The people of one part stay in document order, by which shortFormOf
	// breaks ties.
	slices.SortFunc(ps.byPart, func(x, y nameRef) int {
		return cmp.Or(strings.Compare(x.part, y.part), x.order-y.order)
	})
}

// withPart returns the index entries of the folded name part, in document
// order.
func (a *analysis) withPart(part string) []nameRef {
	index := a.scratch.people.byPart
	// A binary search for the first entry not before part, written out:
	// markNameUses asks for every capitalised word, and a comparison
	// through a function value cost more than the search.
	i, j := 0, len(index)
	for i < j {
		h := int(uint(i+j) >> 1)
		if index[h].part < part {
			i = h + 1
		} else {
			j = h
		}
	}
	// Now i == j; the entries of part run from there.
	for j < len(index) && index[j].part == part {
		j++
	}
	return index[i:j]
}

// mentioned records a mention of e at token pos in e.starts.
func (e *personEntity) mentioned(pos int) {
	i, _ := slices.BinarySearch(e.starts, pos)
	e.starts = slices.Insert(e.starts, i, pos)
}

// typoOf reports whether the folded names x and y have as many parts and
// differ in one part by one letter ("Bodo Rammelow", "Bodo Ramelow").
func typoOf(x, y []string) bool {
	if len(x) != len(y) {
		return false
	}
	typos := 0
	for i := range x {
		switch {
		case x[i] == y[i]:
		case len(x[i]) >= minTypoLen && oneEditApart(x[i], y[i]):
			typos++
		default:
			return false
		}
	}
	return typos == 1
}

// joinTypos merges a full name into an earlier one it misspells by one
// letter.
func (a *analysis) joinTypos() {
	for i, e := range a.personEntities {
		parts := e.parts
		if len(parts) < 2 {
			continue
		}
		for _, earlier := range a.personEntities[:i] {
			if len(earlier.mentions) > 0 && typoOf(parts, earlier.parts) {
				for _, m := range e.mentions {
					m.entity = earlier
				}
				earlier.mentions = append(earlier.mentions, e.mentions...)
				e.mentions = nil
				break
			}
		}
	}
	a.dropEmptyPeople()
}

// joinShortForms moves every mention of a person known only by one word to
// the person whose fuller name that word shortens, if one does.
func (a *analysis) joinShortForms() {
	for _, e := range a.personEntities {
		parts := e.parts
		if len(parts) != 1 {
			continue
		}
		kept := e.mentions[:0]
		named := a.withPart(parts[0])
		for _, m := range e.mentions {
			if full := a.shortFormOf(parts[0], named, m.span.start, fitTypo); full != nil {
				m.entity = full
				full.mentions = append(full.mentions, m)
				full.mentioned(m.span.start)
				continue
			}
			kept = append(kept, m)
		}
		e.mentions = kept
	}
	a.dropEmptyPeople()
}

// joinNameTails merges a person whose name of several words is the end of
// exactly one longer name into that person: "Sam An" where the article
// named "Men Sam An", its first word read as an English word at the start
// of a sentence.
func (a *analysis) joinNameTails() {
	for _, e := range a.personEntities {
		parts := e.parts
		if len(parts) < 2 {
			continue
		}
		var longer *personEntity
		for _, f := range a.personEntities {
			fp := f.parts
			if f == e || len(f.mentions) == 0 || len(fp) <= len(parts) || !slices.Equal(fp[len(fp)-len(parts):], parts) {
				continue
			}
			if longer != nil {
				longer = nil // two people end so: it names neither
				break
			}
			longer = f
		}
		if longer == nil {
			continue
		}
		for _, m := range e.mentions {
			m.entity = longer
		}
		longer.mentions = append(longer.mentions, e.mentions...)
		e.mentions = nil
	}
	a.dropEmptyPeople()
}

// dropEmptyPeople forgets the people whose mentions all joined another.
func (a *analysis) dropEmptyPeople() {
	a.personEntities = slices.DeleteFunc(a.personEntities, func(e *personEntity) bool { return len(e.mentions) == 0 })
}

// markNameUses adds a mention for every later use of a known name, whole or
// by its last part, that no other mention covers.
func (a *analysis) markNameUses() {
	if len(a.personEntities) == 0 {
		return
	}
	covered := a.coveredTokens()
	for i := 0; i < len(a.toks); i++ {
		if covered[i] || !capitalised(a.toks[i].Text) {
			continue
		}
		tok := a.fold(a.toks[i].Text)
		named := a.withPart(tok)
		if len(named) == 0 {
			continue // a word of no name: neither a whole name nor a short form
		}
		if s, e := a.matchFullName(i, named, covered); e != nil {
			a.addNameUse(s, e)
			i = s.end - 1
			continue
		}
		if e := a.shortFormOf(tok, named, i, fitLast); e != nil {
			a.addNameUse(span{i, i + 1}, e)
		}
	}
	// Mentions never overlap, so no two start at one token.
	slices.SortFunc(a.people, func(x, y *personMention) int { return x.span.start - y.span.start })
}

// matchFullName returns the person of several name parts whose whole name
// is written, uncovered, from token i on, among the index entries of the
// folded token i.
func (a *analysis) matchFullName(i int, named []nameRef, covered []bool) (span, *personEntity) {
	for _, r := range named {
		e, parts := r.person, r.person.parts
		if parts[0] != r.part || i+len(parts) > len(a.toks) {
			continue
		}
		ok := true
		for k, p := range parts {
			if covered[i+k] || a.fold(a.toks[i+k].Text) != p {
				ok = false
				break
			}
		}
		if ok {
			return span{i, i + len(parts)}, e
		}
	}
	return span{}, nil
}

func (a *analysis) addNameUse(s span, e *personEntity) {
	m := a.scratch.people.mentions.new(personMention{span: s, name: s, rule: "person.name-use", entity: e})
	e.mentions = append(e.mentions, m)
	e.mentioned(s.start)
	a.people = append(a.people, m)
}

// coveredTokens marks the tokens inside any mention found so far. The
// slice is the stage's scratch: the next call overwrites it.
func (a *analysis) coveredTokens() []bool {
	ps := &a.scratch.people
	ps.covered = slices.Grow(ps.covered[:0], len(a.toks))[:len(a.toks)]
	covered := ps.covered
	clear(covered)
	mark := func(s span) {
		for i := s.start; i < s.end; i++ {
			covered[i] = true
		}
	}
	for _, o := range a.orgs {
		mark(o.span)
	}
	for _, d := range a.dates {
		mark(d.span)
	}
	for _, p := range a.places {
		mark(p.span)
	}
	for _, t := range a.titles {
		mark(t.span)
	}
	for _, p := range a.people {
		mark(p.span)
	}
	return covered
}

// capitalised reports whether s starts with an upper-case letter. Every
// token of a document is asked, most of them ASCII, which needs no rune
// decoding: that test is kept small enough for the compiler to inline,
// and the rest is capitalisedRune's.
func capitalised(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		// 'A' <= s[0] && s[0] <= 'Z' in one comparison of bytes, which
		// wrap round below 'A' (the longer form does not inline).
		return s[0]-'A' < 26
	}
	return capitalisedRune(s)
}

// capitalisedRune is capitalised for any s.
func capitalisedRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
