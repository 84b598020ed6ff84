package extract

import "fmt"

// Check verifies a Document against the text it was extracted from and
// returns every problem it finds: a mention whose offsets do not slice its
// Text out of raw, or an ID that a title or relation refers to but no entity
// has. A Document from Extract has none; Check is there for tests, and for
// users who store documents and want to know they still fit their text.
func Check(raw string, doc *Document) []string {
	var problems []string
	mention := func(what string, m Mention) {
		if m.Start < 0 || m.End < m.Start || m.End > len(raw) {
			problems = append(problems, fmt.Sprintf("%s: offsets %d:%d outside the text (%d bytes)", what, m.Start, m.End, len(raw)))
			return
		}
		if raw[m.Start:m.End] != m.Text {
			problems = append(problems, fmt.Sprintf("%s: text[%d:%d] is %q, mention says %q", what, m.Start, m.End, raw[m.Start:m.End], m.Text))
		}
	}
	ids := map[string]bool{}
	for _, p := range doc.People {
		ids[p.ID] = true
		for _, m := range p.Mentions {
			mention("person "+p.ID, m)
		}
		for _, t := range p.Titles {
			mention("title of "+p.ID, t.Mention)
		}
	}
	for _, o := range doc.Organisations {
		ids[o.ID] = true
		for _, m := range o.Mentions {
			mention("organisation "+o.ID, m)
		}
	}
	for _, d := range doc.Dates {
		ids[d.ID] = true
		for _, m := range d.Mentions {
			mention("date "+d.ID, m)
		}
	}
	for _, l := range doc.Places {
		ids[l.ID] = true
		for _, m := range l.Mentions {
			mention("place "+l.ID, m)
		}
	}
	ref := func(what, id string) {
		if id != "" && !ids[id] {
			problems = append(problems, fmt.Sprintf("%s refers to %q, which no entity has", what, id))
		}
	}
	for _, p := range doc.People {
		for _, t := range p.Titles {
			ref("title of "+p.ID, t.Organisation)
		}
	}
	for i, r := range doc.Relations {
		what := fmt.Sprintf("relation %d", i)
		mention(what+" evidence", r.Evidence)
		if r.Subject == "" || r.Object == "" {
			problems = append(problems, what+" lacks an argument")
		}
		for _, id := range []string{r.Subject, r.Object, r.Date, r.Place} {
			ref(what, id)
		}
	}
	return problems
}
