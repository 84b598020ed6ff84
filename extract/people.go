package extract

import (
	"slices"
	"sort"
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
	id       string
	// starts are the sorted first tokens of the mentions, kept from the
	// name index on (see indexNames) for the short forms to look up.
	starts []int
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
	p := &personMention{span: name, name: name, rule: rule.ID, order: a.ruleOrder(rule)}
	for _, h := range groups(m, "honorific", sent) {
		p.honorifics = append(p.honorifics, h)
		if h.start < p.span.start && h.end <= name.start {
			p.span.start = h.start
		}
	}
	for _, t := range groups(m, "title", sent) {
		p.titles = append(p.titles, &titleMention{span: t, rule: rule.ID, order: p.order, person: p})
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
	// over its tokens.
	for _, c := range a.personCands {
		var last *personMention
		for i := c.span.start; i < c.span.end; i++ {
			k, ok := holding(a.people, i)
			if !ok || k == last || k == c {
				continue
			}
			last = k
			k.honorifics = append(k.honorifics, c.honorifics...)
			for _, t := range c.titles {
				t.person = k
				k.titles = append(k.titles, t)
			}
		}
	}
	var titles []*titleMention
	for _, p := range a.people {
		titles = append(titles, p.titles...)
	}
	a.titles = pick(titles)
	for _, p := range a.people {
		p.titles = p.titles[:0]
	}
	for _, t := range a.titles {
		t.person.titles = append(t.person.titles, t)
	}
	a.addProsePeople()

	byName := map[string]*personEntity{}
	for _, p := range a.people {
		key := text.Key(a.text(p.name))
		e := byName[key]
		if e == nil {
			e = &personEntity{name: a.text(p.name)}
			byName[key] = e
			a.personEntities = append(a.personEntities, e)
		}
		e.mentions = append(e.mentions, p)
		p.entity = e
	}
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

// dropShortenedTitles removes a person's title when another of their
// titles ends with it ("Minister of Home Affairs" beside "Vietnamese
// Minister of Home Affairs"): a later mention that repeats a title more
// briefly names the same role, not a second one.
func (a *analysis) dropShortenedTitles(e *personEntity) {
	// Every proper word-final tail of every title: a title is shortened
	// when it is one of them.
	tails := map[string]bool{}
	for _, m := range e.mentions {
		for _, t := range m.titles {
			key := text.Key(a.text(t.span))
			for i := strings.IndexByte(key, ' '); i >= 0; {
				key = key[i+1:]
				tails[key] = true
				i = strings.IndexByte(key, ' ')
			}
		}
	}
	for _, m := range e.mentions {
		kept := m.titles[:0]
		for _, t := range m.titles {
			if !tails[text.Key(a.text(t.span))] {
				kept = append(kept, t)
			}
		}
		m.titles = kept
	}
}

// nameParts is nameTokens, computed once per name and document: short
// forms compare every capitalised word with every name. The slice is
// shared; callers only read it.
func (a *analysis) nameParts(name string) []string {
	parts, ok := a.nameTokens[name]
	if !ok {
		parts = nameTokens(name)
		a.nameTokens[name] = parts
	}
	return parts
}

// nameTokens returns the folded tokens of an entity's name.
func nameTokens(name string) []string {
	var out []string
	for _, t := range text.Tokenize(name) {
		out = append(out, text.Fold(t.Text))
	}
	return out
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
// deleted or replaced letter.
func oneEditApart(a, b string) bool {
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

// shortFormOf returns the person whose fuller name the one word w at token
// at shortens, trying no tier worse than worst: within the best tier that
// fits anyone, the person named nearest before the word wins, else the one
// named nearest after it. Two people who share a short form are thus told apart by where
// the short form stands.
func (a *analysis) shortFormOf(w string, at, worst int) *personEntity {
	for tier := fitLast; tier <= worst; tier++ {
		var before, after *personEntity
		beforeAt, afterAt := -1, -1
		cands := a.byNamePart[w]
		if tier == fitTypo {
			cands = a.personEntities
		}
		for _, e := range cands {
			if fit(w, a.nameParts(e.name)) != tier {
				continue
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
		if before != nil {
			return before
		}
		if after != nil {
			return after
		}
	}
	return nil
}

// indexNames indexes the people found so far by name part, and sorts the
// first tokens of their mentions, for shortFormOf.
func (a *analysis) indexNames() {
	a.byNamePart = map[string][]*personEntity{}
	for _, e := range a.personEntities {
		parts := a.nameParts(e.name)
		if len(parts) < 2 {
			continue // a one-word name shortens nothing
		}
		for i, p := range parts {
			if !slices.Contains(parts[:i], p) {
				a.byNamePart[p] = append(a.byNamePart[p], e)
			}
		}
		e.starts = make([]int, 0, len(e.mentions))
		for _, m := range e.mentions {
			e.mentioned(m.span.start)
		}
	}
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
		parts := a.nameParts(e.name)
		if len(parts) < 2 {
			continue
		}
		for _, earlier := range a.personEntities[:i] {
			if len(earlier.mentions) > 0 && typoOf(parts, a.nameParts(earlier.name)) {
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
		parts := a.nameParts(e.name)
		if len(parts) != 1 {
			continue
		}
		kept := e.mentions[:0]
		for _, m := range e.mentions {
			if full := a.shortFormOf(parts[0], m.span.start, fitTypo); full != nil {
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
		parts := a.nameParts(e.name)
		if len(parts) < 2 {
			continue
		}
		var longer *personEntity
		for _, f := range a.personEntities {
			fp := a.nameParts(f.name)
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
	full := map[string][]*personEntity{} // first folded token -> people
	for _, e := range a.personEntities {
		parts := a.nameParts(e.name)
		if len(parts) > 1 {
			full[parts[0]] = append(full[parts[0]], e)
		}
	}
	for i := 0; i < len(a.toks); i++ {
		if covered[i] || !capitalised(a.toks[i].Text) {
			continue
		}
		tok := text.Fold(a.toks[i].Text)
		if s, e := a.matchFullName(i, full[tok], covered); e != nil {
			a.addNameUse(s, e)
			i = s.end - 1
			continue
		}
		if e := a.shortFormOf(tok, i, fitLast); e != nil {
			a.addNameUse(span{i, i + 1}, e)
		}
	}
	sort.Slice(a.people, func(i, j int) bool { return a.people[i].span.start < a.people[j].span.start })
}

func (a *analysis) matchFullName(i int, cands []*personEntity, covered []bool) (span, *personEntity) {
	for _, e := range cands {
		parts := a.nameParts(e.name)
		if i+len(parts) > len(a.toks) {
			continue
		}
		ok := true
		for k, p := range parts {
			if covered[i+k] || text.Fold(a.toks[i+k].Text) != p {
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
	m := &personMention{span: s, name: s, rule: "person.name-use", entity: e}
	e.mentions = append(e.mentions, m)
	e.mentioned(s.start)
	a.people = append(a.people, m)
}

// coveredTokens marks the tokens inside any mention found so far.
func (a *analysis) coveredTokens() []bool {
	covered := make([]bool, len(a.toks))
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

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
