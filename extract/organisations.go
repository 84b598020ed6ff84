package extract

import (
	"sort"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/rules"
)

// orgMention is one place an organisation is named.
type orgMention struct {
	span    span
	rule    string
	order   int              // the rule's position among all rules, for ties
	entry   *gazetteer.Entry // the gazetteer entry it matched, if any
	acronym string           // for a definition "Long Name (ACR)": ACR
	isAcr   bool             // the mention is the acronym itself
	defn    *orgMention      // for an acronym: its definition, if learned here
	entity  *orgEntity
}

func (o *orgMention) where() span   { return o.span }
func (o *orgMention) priority() int { return o.order }

// orgEntity is one organisation of the document.
type orgEntity struct {
	mentions []*orgMention
	entry    *gazetteer.Entry
	acronym  string
	defined  *orgMention // the mention that gave name and acronym together
	id       string
}

// addOrganisation records an organisation a rule found: the group "org" is
// the name; a group "acronym" beside it makes the match an acronym
// definition, in either order ("Long Name (ACR)", "ACR (Long Name)").
func (a *analysis) addOrganisation(rule *rules.Compiled, m rules.Match, sent span) {
	org, ok := group(m, "org", sent)
	if !ok {
		return
	}
	long := &orgMention{span: org, rule: rule.ID, order: a.ruleOrder(rule), entry: a.entryAt(org, "organisation")}
	a.orgCands = append(a.orgCands, long)
	if acr, ok := group(m, "acronym", sent); ok {
		long.acronym = a.text(acr)
		a.orgCands = append(a.orgCands, &orgMention{
			span: acr, rule: rule.ID, order: long.order, isAcr: true, defn: long,
			entry: a.entryAt(acr, "organisation"),
		})
	}
}

// resolveOrganisations keeps one reading where candidates overlap (the
// longest, then the earliest rule, then the leftmost), learns the acronyms
// defined in the text, marks every later bare use of them, and groups the
// mentions into organisations.
func (a *analysis) resolveOrganisations() {
	a.orgs = pick(a.orgCands)
	for _, o := range a.orgs {
		if o.isAcr && o.defn != nil && o.defn.span.len() > 0 && containsOrg(a.orgs, o.defn) {
			a.acronyms[a.text(o.span)] = o.defn
		}
	}
	if len(a.acronyms) > 0 {
		a.markBareAcronyms()
	}
	a.groupOrgs()
}

func containsOrg(list []*orgMention, m *orgMention) bool {
	for _, o := range list {
		if o == m {
			return true
		}
	}
	return false
}

// markBareAcronyms adds a mention for every use of a learned acronym that
// no other mention covers.
func (a *analysis) markBareAcronyms() {
	covered := make([]bool, len(a.toks))
	for _, o := range a.orgs {
		for i := o.span.start; i < o.span.end; i++ {
			covered[i] = true
		}
	}
	added := false
	for i, tok := range a.toks {
		if covered[i] || tok.Kind != text.Word {
			continue
		}
		if defn, ok := a.acronyms[tok.Text]; ok {
			a.orgs = append(a.orgs, &orgMention{span: span{i, i + 1}, rule: "acronym.learned", isAcr: true, defn: defn})
			added = true
		}
	}
	if added {
		sort.Slice(a.orgs, func(i, j int) bool { return a.orgs[i].span.start < a.orgs[j].span.start })
	}
}

// groupOrgs merges mentions into organisations: by gazetteer entry, by
// acronym, or by the folded name.
func (a *analysis) groupOrgs() {
	byKey := map[string]*orgEntity{}
	keys := func(o *orgMention) []string {
		var ks []string
		if o.entry != nil {
			ks = append(ks, "entry:"+o.entry.ID)
			if o.entry.Acronym != "" {
				ks = append(ks, "acr:"+o.entry.Acronym)
			}
		}
		if o.isAcr {
			ks = append(ks, "acr:"+a.text(o.span))
		} else {
			ks = append(ks, "name:"+text.Key(a.text(o.span)))
		}
		if o.acronym != "" {
			ks = append(ks, "acr:"+o.acronym)
		}
		return ks
	}
	for _, o := range a.orgs {
		ks := keys(o)
		var e *orgEntity
		for _, k := range ks {
			if found, ok := byKey[k]; ok {
				e = found
				break
			}
		}
		if e == nil && o.defn != nil && o.defn.entity != nil {
			e = o.defn.entity
		}
		if e == nil {
			e = &orgEntity{}
			a.orgEntities = append(a.orgEntities, e)
		}
		o.entity = e
		e.mentions = append(e.mentions, o)
		if e.entry == nil && o.entry != nil {
			e.entry = o.entry
		}
		if o.acronym != "" && e.defined == nil {
			e.defined = o
			e.acronym = o.acronym
		}
		for _, k := range ks {
			if _, ok := byKey[k]; !ok {
				byKey[k] = e
			}
		}
	}
}

// orgAt returns the first organisation mention inside s.
func (a *analysis) orgAt(s span) *orgMention {
	for _, o := range a.orgs {
		if o.span.start >= s.end {
			break
		}
		if s.contains(o.span) {
			return o
		}
	}
	return nil
}

// ruleOrder is a rule's position among all rules, used to break ties.
func (a *analysis) ruleOrder(rule *rules.Compiled) int {
	return a.x.ruleIndex[rule.ID]
}
