package extract

import (
	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/rules"
)

// placeMention is one place a location is named.
type placeMention struct {
	span  span
	rule  string
	order int
	entry *gazetteer.Entry
	id    string
}

func (p *placeMention) where() span   { return p.span }
func (p *placeMention) priority() int { return p.order }

// addPlace records a place a rule found in its group "place". A group
// "dateline" marks the place of the article's dateline ("Hanoi (VNA) -").
func (a *analysis) addPlace(rule *rules.Compiled, m rules.Match, sent span) {
	s, ok := group(m, "place", sent)
	if !ok {
		return
	}
	p := a.scratch.mentions.places.new(placeMention{span: s, rule: rule.ID, order: a.ruleOrder(rule),
		entry: a.entryAt(s, "country", "province", "city", "region")})
	a.placeCands = append(a.placeCands, p)
	if _, ok := group(m, "dateline", sent); ok && a.dateline.place == nil {
		a.dateline.place = p
	}
}

// resolvePlaces applies the overlap policy to the places found.
func (a *analysis) resolvePlaces() {
	a.places = pick(a.placeCands)
}
