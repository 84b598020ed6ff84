package extract

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/rules"
)

// span is a range of token indices, end exclusive.
type span struct{ start, end int }

func (s span) len() int              { return s.end - s.start }
func (s span) overlaps(o span) bool  { return s.start < o.end && o.start < s.end }
func (s span) contains(o span) bool  { return s.start <= o.start && o.end <= s.end }
func (s span) empty() bool           { return s.end <= s.start }
func (s span) shift(by int) span     { return span{s.start + by, s.end + by} }
func (s span) before(o span) bool    { return s.end <= o.start }
func (s span) covers(token int) bool { return s.start <= token && token < s.end }

// analysis is the working state of one Extract call: the text layer, the
// gazetteer matches, the tag string and the mentions each stage adds.
type analysis struct {
	x      *Extractor
	raw    string
	shadow *text.Shadow
	toks   []text.Token
	sents  []span
	gaz    []gazetteer.Match
	// gazFrom[i] is the index of the first gazetteer match starting at or
	// after token i, so that lookups near a span never scan the whole
	// document; gazLongest is the most tokens one match covers.
	gazFrom    []int
	gazLongest int
	chosen     []int        // per token, the gazetteer match in the tag string, or -1
	scratch    *scratch     // where toks, sents, gaz, gazFrom, chosen and base go back (see release)
	tagBuf     []byte       // the layered tag string of the phase running
	sentTags   []rules.Tags // its sentences, checked, for the rules
	base       []byte       // tags from gazetteer and shapes

	// Candidates as the rules found them, and the mentions the overlap
	// policy kept.
	orgCands, orgs      []*orgMention
	dateCands, dates    []*dateMention
	placeCands, places  []*placeMention
	personCands, people []*personMention
	titles              []*titleMention
	relations           []*relationMention
	acronyms            map[string]*orgMention // learned "ACR" -> its definition
	orgEntities         []*orgEntity
	personEntities      []*personEntity
	dateline            struct {
		date  *dateMention
		place *placeMention
	}
	warnings []Warning

	titlesHeld map[heldTitle]bool // memo of holdsTitle
}

// scratch holds the per-document slices that no Document keeps (tokens,
// gazetteer matches, the tag string and its indexes), for a later
// document to reuse: they are most of what a document allocates besides
// its results.
type scratch struct {
	toks    []text.Token
	gaz     []gazetteer.Match
	base    []byte
	chosen  []int
	gazFrom []int
	// matcher runs the rules; the matches of one rule on one sentence
	// live in its buffers until the next, which is all runPhase needs.
	matcher  rules.Matcher
	people   peopleScratch // the people stage's own (people.go)
	mentions mentionSlabs  // the other stages' mentions, and organisations (resolve.go)
	groups   groupScratch  // the maps that group mentions into entities (document.go)
	tagBuf   []byte        // the layered tag string (see layeredTags)
	sentTags []rules.Tags  // the sentences of a phase's tag string
	spans    []text.Span   // the sentences as text finds them
	sents    []span
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// newAnalysis reads the text layer of raw and finds the gazetteer's entries
// in it, unless ctx is done by then: the text layer costs a third of a
// document, and a cancelled one should not pay for the rest of it.
func newAnalysis(ctx context.Context, x *Extractor, raw string) *analysis {
	a := &analysis{x: x, raw: raw, acronyms: map[string]*orgMention{}, titlesHeld: map[heldTitle]bool{}}
	sc := scratchPool.Get().(*scratch)
	a.scratch = sc
	a.shadow = text.Clean(raw, x.lexicon)
	if n := a.shadow.InvalidUTF8(); n > 0 {
		a.warn("", "invalid UTF-8: %d bytes read as U+FFFD", n)
	}
	a.toks = text.AppendTokens(sc.toks[:0], a.shadow.Clean)
	sc.spans = text.AppendSentences(sc.spans[:0], a.toks, x.isAbbrev)
	a.sents = sc.sents[:0]
	for _, s := range sc.spans {
		a.sents = append(a.sents, span{s.Start, s.End})
	}
	a.gaz, a.gazFrom, a.base, a.chosen = sc.gaz[:0], sc.gazFrom, sc.base[:0], sc.chosen[:0]
	a.tagBuf, a.sentTags = sc.tagBuf[:0], sc.sentTags[:0]
	l := &sc.mentions.lists
	a.orgCands, a.dateCands, a.placeCands = l.orgCands[:0], l.dateCands[:0], l.placeCands[:0]
	a.relations, a.orgEntities = l.relations[:0], l.orgEntities[:0]
	if ctx.Err() == nil {
		a.gaz = x.gaz.AppendMatch(a.gaz, a.toks)
		a.base, a.chosen = x.tags.baseTags(a.toks, a.gaz, text.DefaultLexicon(), a.base, a.chosen)
	}
	// Otherwise ExtractContext stops before the first phase and says why;
	// the index is built all the same, empty, for the lookups of document.
	a.indexGazetteer()
	return a
}

// release hands the per-document slices back for the next document; the
// analysis must not be used after it.
func (a *analysis) release() {
	a.scratch.people.reset()
	a.scratch.mentions.reset()
	sc := a.scratch
	sc.toks, sc.gaz, sc.base, sc.chosen, sc.gazFrom, sc.sents = a.toks, a.gaz, a.base, a.chosen, a.gazFrom, a.sents
	clear(a.sentTags) // the pool keeps no tag string alive
	sc.tagBuf, sc.sentTags = a.tagBuf, a.sentTags
	sc.mentions.lists = mentionLists{orgCands: a.orgCands, dateCands: a.dateCands, placeCands: a.placeCands,
		relations: a.relations, orgEntities: a.orgEntities}
	scratchPool.Put(a.scratch)
}

// mention translates a token span into raw offsets.
func (a *analysis) mention(s span) Mention {
	if s.empty() {
		return Mention{}
	}
	start, end := a.shadow.RawSpan(int(a.toks[s.start].Start), int(a.toks[s.end-1].End()))
	return Mention{Start: start, End: end, Text: a.raw[start:end]}
}

// text is the repaired text of a token span with its spacing made regular:
// "Nguyen Xuan Thang" for "NguyenXuan  Thang".
func (a *analysis) text(s span) string {
	if s.empty() {
		return ""
	}
	// Most spans are written with single spaces already: then the text is
	// a slice of the clean text, and costs nothing.
	clean, toks := a.shadow.Clean, a.toks[s.start:s.end]
	regular := true
	for i := 1; i < len(toks) && regular; i++ {
		// The gap between two tokens is "" or " ", read by its offsets.
		end, next := toks[i-1].End(), toks[i].Start
		regular = next == end || next == end+1 && clean[end] == ' '
	}
	if regular {
		return clean[toks[0].Start:toks[len(toks)-1].End()]
	}
	var b strings.Builder
	for i := s.start; i < s.end; i++ {
		if i > s.start && a.toks[i].Start > a.toks[i-1].End() {
			b.WriteByte(' ')
		}
		b.WriteString(a.toks[i].Text)
	}
	return b.String()
}

// indexGazetteer fills gazFrom and gazLongest; a.gaz is sorted by Start.
func (a *analysis) indexGazetteer() {
	// Locals, not the fields, in the loop: a store through a would make
	// the compiler reload them at every step.
	from := slices.Grow(a.gazFrom[:0], len(a.toks)+1)[:len(a.toks)+1]
	longest, i := 0, 0
	for m := range a.gaz {
		g := &a.gaz[m]
		for ; i <= g.Start; i++ {
			from[i] = m
		}
		longest = max(longest, g.End-g.Start)
	}
	for ; i < len(from); i++ {
		from[i] = len(a.gaz)
	}
	a.gazFrom, a.gazLongest = from, longest
}

// gazStarting returns the gazetteer matches that start at tokens [from,
// to), in the order Match gave them.
func (a *analysis) gazStarting(from, to int) []gazetteer.Match {
	clamp := func(i int) int { return min(max(i, 0), len(a.toks)) }
	from, to = clamp(from), clamp(to)
	if to <= from {
		return nil
	}
	return a.gaz[a.gazFrom[from]:a.gazFrom[to]]
}

// entryAt returns the gazetteer entry that covers exactly the span, if one
// of the given types does.
func (a *analysis) entryAt(s span, types ...string) *gazetteer.Entry {
	near := a.gazStarting(s.start, s.start+1)
	for i := range near {
		m := &near[i]
		if m.End == s.end {
			for _, t := range types {
				if m.Entry.Type == t {
					return m.Entry
				}
			}
		}
	}
	return nil
}

// chosenEntry is the gazetteer entry behind token i in the tag string.
func (a *analysis) chosenEntry(i int) *gazetteer.Entry {
	if i < 0 || i >= len(a.chosen) || a.chosen[i] < 0 {
		return nil
	}
	return a.gaz[a.chosen[i]].Entry
}

// isClass reports whether token i carries a gazetteer entry of the class
// ("type" or "type/subtype").
func (a *analysis) isClass(i int, class string) bool {
	e := a.chosenEntry(i)
	if e == nil {
		return false
	}
	return isClassOf(e, class)
}

// isClassOf reports whether class is e's "type" or "type/subtype", without
// building the latter: every token asks.
func isClassOf(e *gazetteer.Entry, class string) bool {
	if class == e.Type {
		return true
	}
	t := len(e.Type)
	return e.Subtype != "" && len(class) == t+1+len(e.Subtype) && class[t] == '/' && class[:t] == e.Type && class[t+1:] == e.Subtype
}
