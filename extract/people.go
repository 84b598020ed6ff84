package extract

import (
	"sort"
	"unicode"
	"unicode/utf8"

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
}

// addPerson records a person a rule found: the group "person" is the name,
// every capture of "honorific" and "title" belongs to it.
func (a *analysis) addPerson(rule *rules.Compiled, m rules.Match, sent span) {
	name, ok := group(m, "person", sent)
	if !ok {
		return
	}
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

// resolvePeople keeps one reading of overlapping names (handing the titles
// of the others to the one kept), groups mentions into people by name,
// joins short forms ("Thang", "Minister Tra") to the full name they
// shorten, and finds the later bare uses of every name.
func (a *analysis) resolvePeople() {
	a.people = pick(a.personCands)
	for _, c := range a.personCands {
		for _, k := range a.people {
			if k != c && k.span.overlaps(c.span) {
				k.honorifics = append(k.honorifics, c.honorifics...)
				for _, t := range c.titles {
					t.person = k
					k.titles = append(k.titles, t)
				}
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
	a.joinShortForms()
	a.markNameUses()
}

// nameTokens returns the folded tokens of an entity's name.
func nameTokens(name string) []string {
	var out []string
	for _, t := range text.Tokenize(name) {
		out = append(out, text.Fold(t.Text))
	}
	return out
}

// shortForms maps the last part of every multi-token name to the person
// who bears it; a part two people share maps to nil: it names neither.
func (a *analysis) shortForms() map[string]*personEntity {
	short := map[string]*personEntity{}
	for _, e := range a.personEntities {
		parts := nameTokens(e.name)
		if len(parts) < 2 {
			continue
		}
		last := parts[len(parts)-1]
		if other, ok := short[last]; ok && other != e {
			short[last] = nil
			continue
		}
		short[last] = e
	}
	return short
}

// joinShortForms merges a person known only by one word into the person
// whose full name ends with that word, when exactly one does.
func (a *analysis) joinShortForms() {
	short := a.shortForms()
	kept := a.personEntities[:0]
	for _, e := range a.personEntities {
		parts := nameTokens(e.name)
		if len(parts) == 1 {
			if full := short[parts[0]]; full != nil && full != e {
				for _, m := range e.mentions {
					m.entity = full
					full.mentions = append(full.mentions, m)
				}
				continue
			}
		}
		kept = append(kept, e)
	}
	a.personEntities = kept
}

// markNameUses adds a mention for every later use of a known name, whole or
// by its last part, that no other mention covers.
func (a *analysis) markNameUses() {
	if len(a.personEntities) == 0 {
		return
	}
	covered := a.coveredTokens()
	short := a.shortForms()
	full := map[string][]*personEntity{} // first folded token -> people
	for _, e := range a.personEntities {
		parts := nameTokens(e.name)
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
		if e := short[tok]; e != nil {
			a.addNameUse(span{i, i + 1}, e)
		}
	}
	sort.Slice(a.people, func(i, j int) bool { return a.people[i].span.start < a.people[j].span.start })
}

func (a *analysis) matchFullName(i int, cands []*personEntity, covered []bool) (span, *personEntity) {
	for _, e := range cands {
		parts := nameTokens(e.name)
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
