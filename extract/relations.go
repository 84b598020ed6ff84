package extract

import (
	"slices"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/rules"
)

// relationMention is one relation a rule found in a sentence.
type relationMention struct {
	kind            string
	subject, object argument
	sentence        span
	rule            string
	date            *dateMention
	place           *placeMention
	// How date and place were found: where two mentions of one relation
	// disagree, the one its own sentence dated wins over the dateline.
	dateFrom, placeFrom attrSource
}

// attrSource ranks where a relation's date or place comes from, weakest first.
type attrSource int

const (
	fromNone     attrSource = iota
	fromDateline            // the article's dateline
	fromEvent               // the event the sentence continues ("the same day")
	fromSentence            // the sentence of the relation itself
)

// argument is a relation's subject or object: a person or an organisation.
type argument struct {
	person *personEntity
	org    *orgEntity
}

func (g argument) none() bool { return g.person == nil && g.org == nil }

// addRelation records the relations a rule found: its type is the rule's
// relation, its arguments the groups "subject" and "object" (a group may be
// captured several times, as in a list of guests: each subject is paired
// with each object). Each argument must be a named person or organisation
// of the document, or a description that stands for exactly one named
// person ("the guest"); the two must differ.
func (a *analysis) addRelation(rule *rules.Compiled, m rules.Match, sent span) {
	for subj := range groups(m, "subject", sent) {
		for obj := range groups(m, "object", sent) {
			s, o := a.argumentAt(subj), a.argumentAt(obj)
			if s.none() && !o.none() {
				s = a.described(subj, o)
			}
			if o.none() && !s.none() {
				o = a.described(obj, s)
			}
			if s.none() || o.none() || s == o {
				continue
			}
			a.relations = append(a.relations, a.scratch.mentions.relations.new(relationMention{kind: rule.Relation, subject: s, object: o, sentence: sent, rule: rule.ID}))
		}
	}
}

// resolveRelations puts the relations in text order (the rules found them
// rule by rule) and dates and places them in that order, so that an event
// "the same day" finds the one told before it.
func (a *analysis) resolveRelations() {
	slices.SortStableFunc(a.relations, func(x, y *relationMention) int {
		return x.sentence.start - y.sentence.start
	})
	for i, r := range a.relations {
		// The relations of one sentence share its date and place, for
		// setWhenAndWhere asks only the sentence and the relations of the
		// sentences before it: a sentence with several is asked once.
		if i > 0 && a.relations[i-1].sentence == r.sentence {
			prev := a.relations[i-1]
			r.date, r.dateFrom, r.place, r.placeFrom = prev.date, prev.dateFrom, prev.place, prev.placeFrom
			continue
		}
		a.setWhenAndWhere(r, a.relations[:i])
	}
}

// setWhenAndWhere gives a relation its date and place: those its sentence
// names, else those of the event it continues ("the same day"), else the
// dateline's. A place counts only where the sentence says the event
// happened there ("in Hanoi"); a destination ("a visit to Vietnam") or a
// place inside a title ("Ambassador to Vietnam") does not.
func (a *analysis) setWhenAndWhere(r *relationMention, before []*relationMention) {
	if r.date = a.dateIn(r.sentence); r.date != nil {
		r.dateFrom = fromSentence
	}
	if r.place = a.placeIn(r.sentence); r.place != nil {
		r.placeFrom = fromSentence
	}
	if prev := a.continued(r.sentence, before); prev != nil {
		if r.date == nil && prev.date != nil {
			r.date, r.dateFrom = prev.date, fromEvent
		}
		if r.place == nil && prev.place != nil {
			r.place, r.placeFrom = prev.place, fromEvent
		}
	}
	if r.date == nil {
		if d := a.relativeDateIn(r.sentence); d != nil {
			r.date, r.dateFrom = d, fromEvent
		}
	}
	if r.date == nil && a.dateline.date != nil {
		r.date, r.dateFrom = a.dateline.date, fromDateline
	}
	if r.place == nil && a.dateline.place != nil {
		r.place, r.placeFrom = a.dateline.place, fromDateline
	}
}

// continued returns the last relation told before a sentence that says
// its event took place the same day ("the same day", "later that day"), or
// nil. Only an event on a single day counts: a meeting "last September"
// recalled in between is not the day the next event shares.
func (a *analysis) continued(sent span, before []*relationMention) *relationMention {
	if !a.saysSameDay(sent) {
		return nil
	}
	for i := len(before) - 1; i >= 0; i-- {
		if r := before[i]; r.sentence.before(sent) && r.date.isDay() {
			return r
		}
	}
	return nil
}

// saysSameDay reports whether a relative day of the sentence is the day of
// an event told before it, whether or not the tag string shows it (a longer
// or stronger entry may hide it there).
func (a *analysis) saysSameDay(s span) bool {
	for _, g := range a.gazStarting(s.start, s.end) {
		if g.End <= s.end && isClassOf(g.Entry, classRelDay) && g.Entry.Value == relDaySame {
			return true
		}
	}
	return false
}

// argumentAt finds the person or organisation whose mention holds the first
// token of s.
func (a *analysis) argumentAt(s span) argument {
	if p, ok := holding(a.people, s.start); ok {
		return argument{person: p.entity}
	}
	if o, ok := holding(a.orgs, s.start); ok {
		return argument{org: o.entity}
	}
	return argument{}
}

// described resolves a description ("the guest", "the minister") to the
// named person it stands for: the one named most recently before it who is
// not the other argument and, for a title ("the minister"), holds a title
// with the same head. Where none fits, it is no argument.
func (a *analysis) described(s span, other argument) argument {
	head := a.titleHead(s)
	// People are in text order: those from the first starting after s
	// on are not before it.
	for i := firstFrom(a.people, s.start+1) - 1; i >= 0; i-- {
		p := a.people[i]
		if p.entity == nil || !p.span.before(s) || p.entity == other.person {
			continue
		}
		if head == nil || a.holdsTitle(p.entity, head) {
			return argument{person: p.entity}
		}
	}
	return argument{}
}

// titleHead is the title entry a span names, if any.
func (a *analysis) titleHead(s span) *gazetteer.Entry {
	for i := s.start; i < s.end; i++ {
		if e := a.chosenEntry(i); e != nil && e.Type == "title" {
			return e
		}
	}
	return nil
}

// holdsTitle reports whether any title the document gives a person has
// the given head.
// The answer is kept: a description looks back over every person named
// before it, and people's titles no longer change in this phase.
func (a *analysis) holdsTitle(e *personEntity, head *gazetteer.Entry) bool {
	key := heldTitle{e, head.ID}
	held, ok := a.titlesHeld[key]
	if !ok {
		held = a.findTitle(e, head)
		a.titlesHeld[key] = held
	}
	return held
}

// heldTitle is a person and the ID of a title head.
type heldTitle struct {
	person *personEntity
	head   string
}

func (a *analysis) findTitle(e *personEntity, head *gazetteer.Entry) bool {
	for _, m := range e.mentions {
		for _, t := range m.titles {
			for i := t.span.start; i < t.span.end; i++ {
				if g := a.chosenEntry(i); g != nil && g.ID == head.ID {
					return true
				}
			}
		}
	}
	return false
}

// dateIn is the date of a sentence's event: its first single day, else
// its first date. A visit "from August 13-16" frames the talks held "on
// August 14"; the day is when they happened.
func (a *analysis) dateIn(sent span) *dateMention {
	var first *dateMention
	for _, d := range startingIn(a.dates, sent) {
		if !sent.contains(d.span) {
			continue
		}
		if d.isDay() {
			return d
		}
		if first == nil {
			first = d
		}
	}
	return first
}

// placeIn is the first place of a sentence that follows a preposition of
// place ("in Hanoi", "at the Kremlin") and is no part of a title or an
// organisation's name.
func (a *analysis) placeIn(sent span) *placeMention {
	for _, p := range startingIn(a.places, sent) {
		if !sent.contains(p.span) || p.span.start == sent.start || !a.isClass(p.span.start-1, "word/in") {
			continue
		}
		if !a.insideName(p.span) {
			return p
		}
	}
	return nil
}

// insideName reports whether a span lies inside a title or an
// organisation's name.
func (a *analysis) insideName(s span) bool {
	if t, ok := holding(a.titles, s.start); ok && t.span.contains(s) {
		return true
	}
	o, ok := holding(a.orgs, s.start)
	return ok && o.span.contains(s)
}
