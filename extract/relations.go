package extract

import (
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
}

// argument is a relation's subject or object: a person or an organisation.
type argument struct {
	person *personEntity
	org    *orgEntity
}

func (g argument) none() bool { return g.person == nil && g.org == nil }

// addRelation records a relation a rule found: its type is the rule's
// relation, its arguments the groups "subject" and "object". Both must be a
// named person or organisation of the document, and not the same one.
func (a *analysis) addRelation(rule *rules.Compiled, m rules.Match, sent span) {
	subj, ok1 := group(m, "subject", sent)
	obj, ok2 := group(m, "object", sent)
	if !ok1 || !ok2 {
		return
	}
	s, o := a.argumentAt(subj), a.argumentAt(obj)
	if s.none() || o.none() || s == o {
		return
	}
	r := &relationMention{kind: rule.Relation, subject: s, object: o, sentence: sent, rule: rule.ID}
	r.date, r.place = a.dateIn(sent), a.placeIn(sent)
	if r.date == nil {
		r.date = a.dateline.date
	}
	if r.place == nil {
		r.place = a.dateline.place
	}
	a.relations = append(a.relations, r)
}

// argumentAt finds the person or organisation whose mention holds the first
// token of s.
func (a *analysis) argumentAt(s span) argument {
	for _, p := range a.people {
		if p.span.covers(s.start) {
			return argument{person: p.entity}
		}
	}
	for _, o := range a.orgs {
		if o.span.covers(s.start) {
			return argument{org: o.entity}
		}
	}
	return argument{}
}

// dateIn is the first date of a sentence, and placeIn its first place.
func (a *analysis) dateIn(sent span) *dateMention {
	for _, d := range a.dates {
		if sent.contains(d.span) {
			return d
		}
	}
	return nil
}

func (a *analysis) placeIn(sent span) *placeMention {
	for _, p := range a.places {
		if sent.contains(p.span) {
			return p
		}
	}
	return nil
}
