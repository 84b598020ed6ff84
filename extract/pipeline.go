package extract

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"

	"github.com/newsgraph/newsgraph/rules"
)

// The pipeline, one way through. Each stage reads what the ones before it
// found and adds its own layer; the raw text is never changed.
//
//  1. text:          clean shadow text with an offset map, tokens, sentences
//  2. gazetteer:     every entry found in one pass, the tag string built
//  3. organisations: names and acronym definitions, then bare acronyms
//  4. dates:         calendar expressions and their ISO values
//  5. places:        countries, cities and regions, and the dateline
//  6. people:        names with honorifics and titles, then short forms
//  7. relations:     received, talks, met, with date and place
//  8. document:      entities merged, offsets translated to the raw text
//
// Organisations and places run before people because titles name them
// ("President of the HCMA", "Ambassador to Vietnam"), and a title ends
// where its organisation or place ends and the name begins.
var stages = []struct {
	phase string
	apply func(*analysis, *rules.Compiled, rules.Match, span)
	after func(*analysis)
}{
	{"organisations", (*analysis).addOrganisation, (*analysis).resolveOrganisations},
	{"dates", (*analysis).addDate, (*analysis).resolveDates},
	{"places", (*analysis).addPlace, (*analysis).resolvePlaces},
	{"people", (*analysis).addPerson, (*analysis).resolvePeople},
	{"relations", (*analysis).addRelation, (*analysis).resolveRelations},
}

// ExtractContext is Extract with a context: when ctx is cancelled or its
// deadline passes, extraction stops between rules and the Document holds
// what was found so far, with a warning.
func (x *Extractor) ExtractContext(ctx context.Context, text string) *Document {
	a := newAnalysis(ctx, x, text)
	for _, st := range stages {
		if err := ctx.Err(); err != nil {
			a.warn("", "extraction stopped before %s: %v", st.phase, err)
			break
		}
		a.runPhase(ctx, st.phase, st.apply)
		if st.after != nil {
			st.after(a)
		}
	}
	doc := a.document()
	a.release()
	return doc
}

// runPhase runs every rule of a phase over every sentence's tag string,
// with the layers the earlier phases found painted in.
func (a *analysis) runPhase(ctx context.Context, phase string, apply func(*analysis, *rules.Compiled, rules.Match, span)) {
	// One string for the whole document, sliced per sentence and checked
	// once, with the set of tags each sentence holds, for every rule.
	tags := string(a.layeredTags())
	a.sentTags = slices.Grow(a.sentTags[:0], len(a.sents))[:len(a.sents)]
	sentTags := a.sentTags
	for i, sent := range a.sents {
		t, err := rules.NewTags(tags[sent.start:sent.end])
		if err != nil {
			// Tag bytes are ASCII by construction; say so if one is not.
			a.warn("", "%s phase, sentence at byte %d: %v", phase, a.mention(sent).Start, err)
		}
		sentTags[i] = t
	}
	for _, rule := range a.x.phases[phase] {
		for i, sent := range a.sents {
			if ctx.Err() != nil {
				return
			}
			// FindIn skips, before any regexp, a sentence that lacks a tag
			// the rule needs.
			matches, err := a.scratch.matcher.Find(rule, sentTags[i])
			if err != nil {
				if errors.Is(err, rules.ErrTimeout) {
					a.warn(rule.ID, "rule timed out on the sentence at byte %d", a.mention(sent).Start)
				} else {
					a.warn(rule.ID, "%v", err)
				}
			}
			for _, m := range matches {
				apply(a, rule, m, sent)
			}
		}
	}
}

// group returns the token span of a named group of a match, in document
// token indices.
func group(m rules.Match, name string, sent span) (span, bool) {
	s, ok := m.Group(name)
	if !ok {
		return span{}, false
	}
	return span{s.Start, s.End}.shift(sent.start), true
}

// groups yields every non-empty capture of a named group, in the order
// they were made, without a slice for them.
func groups(m rules.Match, name string, sent span) iter.Seq[span] {
	return func(yield func(span) bool) {
		for _, g := range m.Groups {
			if g.Name != name {
				continue
			}
			for _, s := range g.Spans {
				if s.End > s.Start && !yield(span{s.Start, s.End}.shift(sent.start)) {
					return
				}
			}
		}
	}
}

// layeredTags is the base tag string with every mention found so far
// painted over it: places, dates, organisations, titles, then people, so
// that the stronger layer wins where two overlap.
func (a *analysis) layeredTags() []byte {
	a.tagBuf = append(a.tagBuf[:0], a.base...)
	tags := a.tagBuf
	t := a.x.tags
	for _, p := range a.places {
		t.paint(tags, p.span.start, p.span.end, classPlace)
	}
	for _, d := range a.dates {
		t.paint(tags, d.span.start, d.span.end, classDate)
	}
	for _, o := range a.orgs {
		t.paint(tags, o.span.start, o.span.end, classOrganisation)
	}
	for _, ti := range a.titles {
		t.paint(tags, ti.span.start, ti.span.end, classTitle)
	}
	for _, p := range a.people {
		t.paint(tags, p.span.start, p.span.end, classPerson)
	}
	return tags
}

func (a *analysis) warn(rule, format string, args ...any) {
	a.warnings = append(a.warnings, Warning{Rule: rule, Message: fmt.Sprintf(format, args...)})
}
