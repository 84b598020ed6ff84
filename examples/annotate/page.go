package main

import (
	_ "embed"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

//go:embed page.html
var pageHTML string

// pageTemplate renders a page; html/template escapes every piece of article
// text, so markup inside an article is shown as text, never run.
var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

// Kinds of highlighted span. The order is the nesting order of spans that
// cover the same text: an evidence sentence holds everything, a title may
// hold an organisation, and so on inward.
const (
	kindEvidence = iota
	kindTitle
	kindOrganisation
	kindPerson
	kindPlace
	kindDate
)

// kindClass names each kind in CSS and in the legend.
var kindClass = map[int]string{
	kindTitle:        "title",
	kindOrganisation: "organisation",
	kindPerson:       "person",
	kindPlace:        "place",
	kindDate:         "date",
}

// span is one highlighted stretch of the raw text.
type span struct {
	start, end int
	kind       int
	Entity     string // ID of the entity, or of the person holding a title
	Tip        string // the hover text
	Evidence   int    // index of the evidence sentence, for kindEvidence
}

// Class is the span's CSS class.
func (s *span) Class() string { return kindClass[s.kind] }

// IsEvidence reports whether the span is a relation's evidence sentence
// rather than a mention.
func (s *span) IsEvidence() bool { return s.kind == kindEvidence }

// segment is a piece of the rendered text: either plain text or a span
// holding further segments.
type segment struct {
	Text     string
	Span     *span
	Children []*segment
}

// card describes one entity beside the text.
type card struct {
	ID, Kind, Name string
	Details        []detail
	Mentions       int
}

// detail is one labelled line of a card.
type detail struct{ Label, Value string }

// relationView is one relation as the list beneath the text shows it.
type relationView struct {
	Type, Subject, SubjectID, Object, ObjectID, Date, Place, Rule string
	Evidence                                                      int
}

// page is what the template renders.
type page struct {
	Source    string
	Legend    []string
	Text      []*segment
	Cards     []card
	Relations []relationView
	Warnings  []string
}

// writePage renders the page for one article.
func writePage(w io.Writer, raw string, doc *extract.Document) error {
	return pageTemplate.Execute(w, buildPage(raw, doc))
}

func buildPage(raw string, doc *extract.Document) page {
	p := page{
		Source: doc.Source,
		Legend: []string{"person", "title", "organisation", "date", "place"},
	}
	name := func(id string) string {
		if e, ok := doc.Entity(id); ok {
			return e.Name
		}
		return id
	}
	var spans []span
	mark := func(kind int, id, tip string, ms ...extract.Mention) {
		for _, m := range ms {
			spans = append(spans, span{start: m.Start, end: m.End, kind: kind, Entity: id, Tip: tip})
		}
	}

	for _, e := range doc.Entities() {
		c := card{ID: e.ID, Kind: e.Kind, Name: e.Name, Mentions: len(e.Mentions)}
		kind := kindOf(e.Kind)
		mark(kind, e.ID, kindClass[kind]+": "+e.Name+provenance(e.Provenance), e.Mentions...)
		c.Details = append(c.Details, entityDetails(doc, e.ID, name, mark)...)
		c.Details = appendProvenance(c.Details, e.Provenance)
		p.Cards = append(p.Cards, c)
	}

	evidence := map[extract.Mention]int{}
	for _, r := range doc.Relations {
		n, ok := evidence[r.Evidence]
		if !ok {
			n = len(evidence)
			evidence[r.Evidence] = n
			spans = append(spans, span{start: r.Evidence.Start, end: r.Evidence.End, kind: kindEvidence, Evidence: n})
		}
		v := relationView{
			Type: r.Type, Subject: name(r.Subject), SubjectID: r.Subject,
			Object: name(r.Object), ObjectID: r.Object, Rule: r.Rule, Evidence: n,
		}
		if r.Date != "" {
			v.Date = name(r.Date)
			for _, d := range doc.Dates {
				if d.ID == r.Date {
					v.Date += " (" + d.Value + ")"
				}
			}
		}
		if r.Place != "" {
			v.Place = name(r.Place)
		}
		p.Relations = append(p.Relations, v)
	}

	for _, w := range doc.Warnings {
		p.Warnings = append(p.Warnings, strings.TrimSpace(w.Rule+" "+w.Message))
	}
	p.Warnings = append(p.Warnings, extract.Check(raw, doc)...)
	p.Text = segments(raw, spans)
	return p
}

// kindOf maps an entity kind to its span kind.
func kindOf(entityKind string) int {
	switch entityKind {
	case extract.KindPerson:
		return kindPerson
	case extract.KindOrganisation:
		return kindOrganisation
	case extract.KindPlace:
		return kindPlace
	}
	return kindDate
}

// entityDetails lists what a card shows beyond the name for the entity id,
// and marks the titles of a person in the text.
func entityDetails(doc *extract.Document, id string, name func(string) string, mark func(int, string, string, ...extract.Mention)) []detail {
	var out []detail
	for _, per := range doc.People {
		if per.ID != id {
			continue
		}
		if len(per.Honorifics) > 0 {
			out = append(out, detail{"honorifics", strings.Join(per.Honorifics, ", ")})
		}
		for _, t := range per.Titles {
			v := t.Text
			if t.Role != "" && t.Role != t.Text {
				v += " [role: " + t.Role + "]"
			}
			if t.Organisation != "" {
				v += " [of " + name(t.Organisation) + "]"
			}
			if t.Former {
				v += " [former]"
			}
			out = append(out, detail{"title", v + provenance(t.Provenance)})
			mark(kindTitle, per.ID, "title of "+per.Name+": "+t.Text+provenance(t.Provenance), t.Mention)
		}
	}
	for _, o := range doc.Organisations {
		if o.ID != id {
			continue
		}
		if o.Acronym != "" {
			out = append(out, detail{"acronym", o.Acronym})
		}
		if len(o.Aliases) > 0 {
			out = append(out, detail{"aliases", strings.Join(o.Aliases, "; ")})
		}
	}
	for _, d := range doc.Dates {
		if d.ID == id {
			out = append(out, detail{"value", d.Value})
		}
	}
	return out
}

// provenance is the hover suffix naming the rule and gazetteer entry.
func provenance(pv extract.Provenance) string {
	var parts []string
	if pv.Rule != "" {
		parts = append(parts, "rule "+pv.Rule)
	}
	if pv.Gazetteer != "" {
		parts = append(parts, "gazetteer "+pv.Gazetteer)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// appendProvenance adds the rule and gazetteer lines of a card.
func appendProvenance(out []detail, pv extract.Provenance) []detail {
	if pv.Rule != "" {
		out = append(out, detail{"rule", pv.Rule})
	}
	if pv.Gazetteer != "" {
		out = append(out, detail{"gazetteer", pv.Gazetteer})
	}
	return out
}

// spanLess orders spans so that an enclosing span comes before what it
// encloses: by start, then longest first, then by kind.
func spanLess(a, b *span) bool {
	if a.start != b.start {
		return a.start < b.start
	}
	if a.end != b.end {
		return a.end > b.end
	}
	return a.kind < b.kind
}

// segments cuts raw into nested segments along the spans. Spans outside the
// text or empty are dropped; a span that crosses the end of an enclosing one
// is split there, so every byte of raw appears exactly once, in order.
func segments(raw string, spans []span) []*segment {
	var todo []*span
	for i := range spans {
		s := &spans[i]
		if s.start >= 0 && s.end <= len(raw) && s.start < s.end {
			todo = append(todo, s)
		}
	}
	sort.SliceStable(todo, func(i, j int) bool { return spanLess(todo[i], todo[j]) })

	type open struct {
		span     *span
		end      int
		children []*segment
	}
	stack := []*open{{end: len(raw)}}
	pos := 0
	flush := func(upto int) {
		top := stack[len(stack)-1]
		if upto > pos {
			top.children = append(top.children, &segment{Text: raw[pos:upto]})
			pos = upto
		}
	}
	closeTop := func() {
		top := stack[len(stack)-1]
		flush(top.end)
		stack = stack[:len(stack)-1]
		parent := stack[len(stack)-1]
		parent.children = append(parent.children, &segment{Span: top.span, Children: top.children})
	}
	for i := 0; i < len(todo); i++ {
		s := todo[i]
		for len(stack) > 1 && stack[len(stack)-1].end <= s.start {
			closeTop()
		}
		flush(s.start)
		if end := stack[len(stack)-1].end; s.end > end {
			rest := *s
			rest.start = end
			at := i + 1 + sort.Search(len(todo)-i-1, func(k int) bool { return spanLess(&rest, todo[i+1+k]) })
			todo = append(todo[:at], append([]*span{&rest}, todo[at:]...)...)
			clipped := *s
			clipped.end = end
			s = &clipped
		}
		stack = append(stack, &open{span: s, end: s.end})
	}
	for len(stack) > 1 {
		closeTop()
	}
	flush(len(raw))
	return stack[0].children
}
