package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// Kinds of entity, as Entity.Kind reports them.
const (
	KindPerson       = "person"
	KindOrganisation = "organisation"
	KindDate         = "date"
	KindPlace        = "place"
)

// Entity is the part that every person, organisation, date and place of a
// Document shares, so that a caller holding only an ID (a Relation's Subject,
// Date or Place, a Title's Organisation) can name and find it without knowing
// its kind.
type Entity struct {
	ID   string
	Kind string // KindPerson, KindOrganisation, KindDate or KindPlace
	// Name is the canonical name; for a date, its text as first written.
	Name     string
	Mentions []Mention
	Provenance
}

// Entities lists every entity of the document: people, organisations, dates
// and places, in that order and each in document order. The Mentions slices
// are shared with the Document.
func (d *Document) Entities() []Entity {
	var out []Entity
	for _, p := range d.People {
		out = append(out, Entity{p.ID, KindPerson, p.Name, p.Mentions, p.Provenance})
	}
	for _, o := range d.Organisations {
		out = append(out, Entity{o.ID, KindOrganisation, o.Name, o.Mentions, o.Provenance})
	}
	for _, t := range d.Dates {
		out = append(out, Entity{t.ID, KindDate, t.Text, t.Mentions, t.Provenance})
	}
	for _, l := range d.Places {
		out = append(out, Entity{l.ID, KindPlace, l.Name, l.Mentions, l.Provenance})
	}
	return out
}

// Entity returns the entity with the given ID, and false if the document has
// none. IDs are unique across kinds within a document.
func (d *Document) Entity(id string) (Entity, bool) {
	for _, e := range d.Entities() {
		if e.ID == id {
			return e, true
		}
	}
	return Entity{}, false
}

// NameKey is the form under which two names are the same name: case and
// diacritics folded, quotes and dashes unified, runs of spaces made one
// ("Nguyễn  Xuân Phúc" and "nguyen xuan phuc" share a key). Use it to merge
// entities across documents, as the engine does within one.
func NameKey(name string) string {
	return strings.Join(strings.Fields(text.Key(name)), " ")
}
