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
	total := 0
	for _, e := range a.orgEntities {
		total += len(e.mentions)
	}
	doc.Organisations = sized[Organisation](len(a.orgEntities))
	room := newRoom[Mention](total)
	for i, e := range a.orgEntities {
		e.id = orgIDs.id(i)
		o := &doc.Organisations[i]
		o.ID, o.Acronym = e.id, e.acronym
		if e.entry != nil {
			o.Gazetteer = e.entry.ID
			if o.Acronym == "" {
				o.Acronym = e.entry.Acronym
			}
		}
		o.Rule = e.mentions[0].rule
		o.Name = a.orgName(e)
		o.Mentions = room.take(len(e.mentions))
		for _, m := range e.mentions {
			o.Mentions = append(o.Mentions, a.mention(m.span))
			if m.isAcr {
				continue
			}
			// An alias is a written form not the same as the name, the
			// acronym or an earlier alias (in text.Key).
			t := a.text(m.span)
			if !sameKey(t, o.Name) && !sameKey(t, o.Acronym) && !slices.ContainsFunc(o.Aliases, func(s string) bool { return sameKey(s, t) }) {
				o.Aliases = append(o.Aliases, t)
			}
		}
	}
}

func (a *analysis) buildPeople(doc *Document) {
	ents := a.personEntities
	slices.SortStableFunc(ents, func(x, y *personEntity) int { return firstPerson(x) - firstPerson(y) })
	mentions, titles := 0, 0
	for i, e := range ents {
		e.id = personIDs.id(i)
		mentions += len(e.mentions)
		for _, m := range e.mentions {
			titles += len(m.titles)
		}
	}
	doc.People = sized[Person](len(ents))
	mentionRoom, titleRoom := newRoom[Mention](mentions), newRoom[Title](titles)
	for i, e := range ents {
		// The mentions of one person do not overlap, so no two start
		// together: the order is the one sort.Slice gave, without its
		// reflection.
		slices.SortFunc(e.mentions, func(x, y *personMention) int { return x.span.start - y.span.start })
		p := &doc.People[i]
		p.ID = e.id
		p.Mentions = mentionRoom.take(len(e.mentions))
		// Room for every title of every mention: the same title given
		// twice leaves some unused.
		nt := 0
		for _, m := range e.mentions {
			nt += len(m.titles)
		}
		if nt > 0 {
			p.Titles = titleRoom.take(nt)
		}
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
				if t := a.text(h); !slices.Contains(p.Honorifics, t) {
					p.Honorifics = append(p.Honorifics, t)
				}
			}
			for _, t := range m.titles {
				// A title given again is known by its text alone: the
				// rest of it is worked out only for a new one.
				text := a.text(t.span)
				if !slices.ContainsFunc(p.Titles, func(held Title) bool { return sameKey(held.Text, text) }) {
					p.Titles = append(p.Titles, a.title(t, text))
				}
			}
		}
	}
}

// sized returns a list of n zero values, nil when n is 0: a Document's
// empty lists are nil, as they come back from JSON, where they are left out.
func sized[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, n)
}

// room hands out room for the lists of a document's entities of one kind
// (their mentions, their titles) in one backing array, so that a kind's
// lists cost one allocation, not one growing slice per entity.
type room[T any] []T

func newRoom[T any](n int) room[T] { return make(room[T], 0, n) }

// take returns an empty slice with room for n items. Appending more than n
// to it copies them elsewhere rather than over the next entity's. The room
// must have been made for all that is taken from it.
func (r *room[T]) take(n int) []T {
	all := *r
	got := all[len(all) : len(all) : len(all)+n]
	*r = all[:len(all)+n]
	return got
}

// sameKey reports whether text.Key(s) == text.Key(t), without building
// either key when both are ASCII, as most names are.
func sameKey(s, t string) bool {
	// Most mentions of an organisation are written as its name, often
	// the very same bytes of the text, which == finds at once.
	if s == t {
		return true
	}
	if isASCII(s) && isASCII(t) {
		return strings.EqualFold(s, t)
	}
	return text.Key(s) == text.Key(t)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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

// title describes a title mention, whose text (a.text of its span) the
// caller has made already: its head is the title class's gazetteer entry
// inside it, its organisation the first organisation inside it.
func (a *analysis) title(t *titleMention, text string) Title {
	out := Title{Text: text, Mention: a.mention(t.span)}
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
	of, counts := a.scratch.groups.dates.group(len(a.dates), func(i int) string { return a.dates[i].value })
	doc.Dates = sized[Date](len(counts))
	room := newRoom[Mention](len(a.dates))
	for i, d := range a.dates {
		out := &doc.Dates[of[i]]
		if out.ID == "" {
			out.ID, out.Text, out.Value = dateIDs.id(of[i]), a.text(d.span), d.value
			out.Rule = d.rule
			out.Mentions = room.take(counts[of[i]])
		}
		d.id = out.ID
		out.Mentions = append(out.Mentions, a.mention(d.span))
	}
}

// placeKey tells places apart: by gazetteer entry where they have one,
// else by the folded name.
type placeKey struct{ entry, name string }

func (a *analysis) buildPlaces(doc *Document) {
	// A place keeps the name the article first gives it ("Viet Nam",
	// "Thüringen"), unless in the capitals of a dateline ("HANOI"); the
	// gazetteer ID ties the other spellings to it.
	name := func(p *placeMention) string {
		name := a.text(p.span)
		if p.entry != nil && upperCased(name) && name != p.entry.Name {
			return p.entry.Name
		}
		return name
	}
	of, counts := a.scratch.groups.places.group(len(a.places), func(i int) placeKey {
		p := a.places[i]
		if p.entry != nil {
			return placeKey{entry: p.entry.ID}
		}
		return placeKey{name: text.Key(a.text(p.span))}
	})
	doc.Places = sized[Place](len(counts))
	room := newRoom[Mention](len(a.places))
	for i, p := range a.places {
		out := &doc.Places[of[i]]
		if out.ID == "" {
			out.ID, out.Name = placeIDs.id(of[i]), name(p)
			out.Rule = p.rule
			if p.entry != nil {
				out.Gazetteer = p.entry.ID
			}
			out.Mentions = room.take(counts[of[i]])
		}
		p.id = out.ID
		out.Mentions = append(out.Mentions, a.mention(p.span))
	}
}

// relationKey is what makes a relation distinct: its type and its
// arguments, in either order for the types that have no direction.
type relationKey struct{ kind, subject, object string }

// buildRelations lists each distinct (type, subject, object) once, with
// the evidence and rule of its first mention; a later mention whose own
// sentence gives a date or place replaces one the first only inherited.
func (a *analysis) buildRelations(doc *Document) {
	of, counts := a.scratch.groups.relations.group(len(a.relations), func(i int) relationKey {
		r := a.relations[i]
		subj, obj := r.subject.id(), r.object.id()
		if r.kind != Received && obj < subj {
			subj, obj = obj, subj
		}
		return relationKey{r.kind, subj, obj}
	})
	doc.Relations = sized[Relation](len(counts))
	// Where each relation's date and place come from, to rank later ones.
	type sources struct{ date, place attrSource }
	from := make([]sources, len(counts))
	for i, r := range a.relations {
		rel, k := &doc.Relations[of[i]], &from[of[i]]
		if rel.Type == "" {
			rel.Type, rel.Subject, rel.Object = r.kind, r.subject.id(), r.object.id()
			rel.Evidence = a.mention(r.sentence)
			rel.Rule = r.rule
		}
		if r.date != nil && r.dateFrom > k.date {
			rel.Date, k.date = r.date.id, r.dateFrom
		}
		if r.place != nil && r.placeFrom > k.place {
			rel.Place, k.place = r.place.id, r.placeFrom
		}
	}
}

// groupScratch is the memory with which mentions are grouped into
// entities, kept in the scratch pool for the next document: making the
// maps and their tables anew was much of what grouping cost. Each map is
// cleared after use, so that the pool keeps nothing of a document alive;
// orgMentions points only into the mention slabs, which it keeps anyway.
type groupScratch struct {
	orgs        map[orgKey]*orgEntity // groupOrgs' index
	orgMentions []*orgMention         // the organisations' mentions, one after another
	dates       grouper[string]
	places      grouper[placeKey]
	relations   grouper[relationKey]
}

// grouper numbers mentions by their keys (see group), in memory that
// serves one kind of mention of every document.
type grouper[K comparable] struct {
	byKey      map[K]int
	of, counts []int
}

// group numbers n mentions by their keys, in order of first mention:
// of[i] is the group of mention i, counts[g] the number of mentions of
// group g. Knowing the groups and their sizes first, a kind's entities and
// their mentions are each made in one allocation. The slices are the
// grouper's, valid until its next call.
func (gr *grouper[K]) group(n int, key func(i int) K) (of, counts []int) {
	if gr.byKey == nil {
		gr.byKey = make(map[K]int, n)
	}
	byKey := gr.byKey
	defer clear(byKey)
	of, counts = slices.Grow(gr.of[:0], n)[:n], gr.counts[:0]
	for i := range n {
		k := key(i)
		g, ok := byKey[k]
		if !ok {
			g = len(counts)
			byKey[k] = g
			counts = append(counts, 0)
		}
		of[i] = g
		counts[g]++
	}
	gr.of, gr.counts = of, counts
	return of, counts
}

func (g argument) id() string {
	if g.person != nil {
		return g.person.id
	}
	return g.org.id
}

// idKind makes the IDs of one kind of entity ("p1", "o2"). The first
// ones are made once, for every document: making each anew cost one
// allocation per entity.
type idKind struct {
	prefix string
	first  []string // first[i] is the ID of the i-th entity
}

// The kinds of entity that have IDs, with room for the entities of a
// long article.
var (
	personIDs = newIDKind("p", 100)
	orgIDs    = newIDKind("o", 100)
	dateIDs   = newIDKind("d", 100)
	placeIDs  = newIDKind("l", 100)
)

func newIDKind(prefix string, n int) idKind {
	k := idKind{prefix: prefix}
	for i := range n {
		k.first = append(k.first, k.make(i))
	}
	return k
}

// id is the ID of the i-th entity of the kind.
func (k idKind) id(i int) string {
	if i < len(k.first) {
		return k.first[i]
	}
	return k.make(i)
}

func (k idKind) make(i int) string { return k.prefix + strconv.Itoa(i+1) }

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
