package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/text"
)

// document turns the analysis into the typed Document: one entity per
// person, organisation, date and place, numbered in order of first mention,
// with every offset translated to the raw text.
func (a *analysis) document() *Document {
	doc := &Document{Warnings: a.warnings}
	a.buildOrganisations(doc)
	a.buildPeople(doc)
	a.buildDates(doc)
	a.buildPlaces(doc)
	a.buildRelations(doc)
	return doc
}

func (a *analysis) buildOrganisations(doc *Document) {
	for i, e := range a.orgEntities {
		e.id = entityID("o", i)
		o := Organisation{ID: e.id, Acronym: e.acronym}
		if e.entry != nil {
			o.Gazetteer = e.entry.ID
			if o.Acronym == "" {
				o.Acronym = e.entry.Acronym
			}
		}
		o.Rule = e.mentions[0].rule
		o.Name = a.orgName(e)
		seen := map[string]bool{text.Key(o.Name): true, text.Key(o.Acronym): true}
		for _, m := range e.mentions {
			o.Mentions = append(o.Mentions, a.mention(m.span))
			if t := a.text(m.span); !m.isAcr && !seen[text.Key(t)] {
				seen[text.Key(t)] = true
				o.Aliases = append(o.Aliases, t)
			}
		}
		doc.Organisations = append(doc.Organisations, o)
	}
}

func (a *analysis) buildPeople(doc *Document) {
	ents := a.personEntities
	slices.SortStableFunc(ents, func(x, y *personEntity) int { return firstPerson(x) - firstPerson(y) })
	for i, e := range ents {
		e.id = entityID("p", i)
	}
	doc.People = slices.Grow(doc.People, len(ents))
	for _, e := range ents {
		// A person's mentions never overlap, so no two start at one token.
		slices.SortFunc(e.mentions, func(x, y *personMention) int { return x.span.start - y.span.start })
		p := Person{ID: e.id, Mentions: make([]Mention, 0, len(e.mentions))}
		titles := a.scratch.people.distinct[:0] // to size p.Titles exactly
		seenHon, seenTitle := map[string]bool{}, map[string]bool{}
		nameLen := 0
		for _, m := range e.mentions {
			if n := m.name.len(); n > nameLen {
				nameLen, p.Name = n, a.text(m.name)
				p.Rule = m.rule
				if g := a.entryAt(m.name, "person"); g != nil {
					p.Gazetteer = g.ID
				}
			}
			p.Mentions = append(p.Mentions, a.mention(m.span))
			for _, h := range m.honorifics {
				if t := a.text(h); !seenHon[t] {
					seenHon[t] = true
					p.Honorifics = append(p.Honorifics, t)
				}
			}
			for _, t := range m.titles {
				if k := a.titleKey(t); !seenTitle[k] {
					seenTitle[k] = true
					titles = append(titles, t)
				}
			}
		}
		if len(titles) > 0 {
			p.Titles = make([]Title, len(titles))
			for i, t := range titles {
				p.Titles[i] = a.title(t)
			}
		}
		a.scratch.people.distinct = titles
		doc.People = append(doc.People, p)
	}
}

func firstPerson(e *personEntity) int {
	first := -1
	for _, m := range e.mentions {
		if first < 0 || m.span.start < first {
			first = m.span.start
		}
	}
	return first
}

// title describes a title mention: its head is the title class's gazetteer
// entry inside it, its organisation the first organisation inside it.
func (a *analysis) title(t *titleMention) Title {
	out := Title{Text: a.text(t.span), Mention: a.mention(t.span)}
	out.Rule = t.rule
	for i := t.span.start; i < t.span.end; i++ {
		m := a.chosen[i]
		if m < 0 {
			continue
		}
		if e := a.gaz[m].Entry; e.Type == "title" {
			out.Role = a.text(span{i, a.gaz[m].End})
			out.Gazetteer = e.ID
			break
		}
		// "Politburo member": the membership is the role.
		if out.Role == "" && a.isClass(i, "word/member") {
			out.Role = a.text(span{i, i + 1})
		}
	}
	if o := a.orgAt(t.span); o != nil {
		out.Organisation = o.entity.id
	}
	out.Former = a.isClass(t.span.start, "word/former") || a.isClass(t.span.start-1, "word/former")
	return out
}

func (a *analysis) buildDates(doc *Document) {
	byValue := map[string]int{}
	for _, d := range a.dates {
		i, ok := byValue[d.value]
		if !ok {
			i = len(doc.Dates)
			byValue[d.value] = i
			doc.Dates = append(doc.Dates, Date{ID: entityID("d", i), Text: a.text(d.span), Value: d.value})
			doc.Dates[i].Rule = d.rule
		}
		d.id = doc.Dates[i].ID
		doc.Dates[i].Mentions = append(doc.Dates[i].Mentions, a.mention(d.span))
	}
}

func (a *analysis) buildPlaces(doc *Document) {
	byKey := map[string]int{}
	for _, p := range a.places {
		// A place keeps the name the article first gives it ("Viet Nam",
		// "Thüringen"), unless in the capitals of a dateline ("HANOI"); the
		// gazetteer ID ties the other spellings to it.
		var key string
		name := a.text(p.span)
		if p.entry != nil {
			key = "entry:" + p.entry.ID
			if upperCased(name) && name != p.entry.Name {
				name = p.entry.Name
			}
		} else {
			key = "name:" + text.Key(name)
		}
		i, ok := byKey[key]
		if !ok {
			i = len(doc.Places)
			byKey[key] = i
			doc.Places = append(doc.Places, Place{ID: entityID("l", i), Name: name})
			doc.Places[i].Rule = p.rule
			if p.entry != nil {
				doc.Places[i].Gazetteer = p.entry.ID
			}
		}
		p.id = doc.Places[i].ID
		doc.Places[i].Mentions = append(doc.Places[i].Mentions, a.mention(p.span))
	}
}

// buildRelations lists each distinct (type, subject, object) once, with
// the evidence and rule of its first mention; a later mention whose own
// sentence gives a date or place replaces one the first only inherited.
func (a *analysis) buildRelations(doc *Document) {
	type kept struct {
		i                   int
		dateFrom, placeFrom attrSource
	}
	seen := map[string]*kept{}
	for _, r := range a.relations {
		subj, obj := r.subject.id(), r.object.id()
		key := r.kind + " " + subj + " " + obj
		if r.kind != Received && obj < subj {
			key = r.kind + " " + obj + " " + subj
		}
		k := seen[key]
		if k == nil {
			k = &kept{i: len(doc.Relations)}
			seen[key] = k
			rel := Relation{Type: r.kind, Subject: subj, Object: obj, Evidence: a.mention(r.sentence)}
			rel.Rule = r.rule
			doc.Relations = append(doc.Relations, rel)
		}
		rel := &doc.Relations[k.i]
		if r.date != nil && r.dateFrom > k.dateFrom {
			rel.Date, k.dateFrom = r.date.id, r.dateFrom
		}
		if r.place != nil && r.placeFrom > k.placeFrom {
			rel.Place, k.placeFrom = r.place.id, r.placeFrom
		}
	}
}

func (g argument) id() string {
	if g.person != nil {
		return g.person.id
	}
	return g.org.id
}

// entityID is the ID of the i-th entity of a kind ("p1", "o2").
func entityID(kind string, i int) string {
	return kind + strconv.Itoa(i+1)
}

// upperCased reports whether s is written in capitals ("HANOI"), as
// strings.ToUpper(s) == s would, without building the upper-case copy for
// ASCII names.
func upperCased(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return strings.ToUpper(s) == s
		case 'a' <= c && c <= 'z':
			return false
		}
	}
	return true
}
