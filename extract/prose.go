package extract

import (
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"

	"github.com/newsgraph/newsgraph/internal/text"
)

// proseModel is prose's tagger and entity recogniser, decoded once, on the
// first span the rules leave undecided: decoding it costs far more than
// any article (DESIGN.md), so most documents never pay for it.
var proseModel = sync.OnceValues(func() (*prose.Model, error) {
	doc, err := prose.NewDocument("", prose.WithSegmentation(false))
	if err != nil {
		return nil, err
	}
	return doc.Model, nil
})

// proseRule is the provenance of the people prose's recogniser confirms.
const proseRule = "person.prose"

// minProseRun and maxProseRun bound the runs of capitalised words that are
// handed to prose: one word is too little context, five are a title.
const (
	minProseRun = 2
	maxProseRun = 4
)

// proseContext is how many tokens either side of a run prose sees.
const proseContext = 2

// undecidedNames returns the runs of capitalised words that no rule claimed
// and that hold at least one word the lexicon does not know ("Fidel
// Castro" after a lower-case description): foreign names that nothing else
// catches, and the only spans prose is asked about.
func (a *analysis) undecidedNames(sent span, covered []bool) []span {
	var runs []span
	// flush keeps a run of foreign words, which is asked about only at
	// the end of such a run, not after every other token.
	flush := func(r span) {
		if r.len() < minProseRun || r.len() > maxProseRun {
			return
		}
		// After "in" or "at" ("at the") a run names a place, whatever
		// prose thinks.
		before := r.start - 1
		if a.isClass(before, "word/the") {
			before--
		}
		if !a.isClass(before, "word/in") {
			runs = append(runs, r)
		}
	}
	r, foreign := span{sent.start, sent.start}, false
	for i := sent.start; i < sent.end; i++ {
		tag := a.base[i]
		// The tag, a byte at hand, rules out most tokens before the
		// text is read.
		if !isNameShape(tag) || covered[i] || !capitalised(a.toks[i].Text) {
			if foreign {
				flush(r)
			}
			r, foreign = span{i + 1, i + 1}, false
			continue
		}
		r.end = i + 1
		foreign = foreign || tag != shapeCapWord
	}
	if foreign {
		flush(r)
	}
	return runs
}

// isNameShape reports whether tag is one a word of an undecided name may
// carry: a name part of the gazetteer or a capitalised word no class
// covers.
func isNameShape(tag byte) bool {
	switch tag {
	case shapeCapital, shapeCapWord, 'N', 'G':
		return true
	}
	return false
}

// Name-part subtypes the prose stage reads (gazetteer/data/names.yaml).
const (
	subtypeForename = "forename" // a given name written first: "Jason" Smith
	subtypeGiven    = "given"    // a given name written after the family name
	subtypeFamily   = "family"
)

// forenameRule is the provenance of the people a forename decides.
const forenameRule = "person.forename"

// A runReading is what the gazetteer alone says about an undecided run.
type runReading int

const (
	runAsk       runReading = iota // only prose can tell
	runPerson                      // a forename and name parts: a person
	runNotPerson                   // no person's name has this shape
)

// readRun decides, from the name parts the gazetteer knows and the shape of
// the words, the runs that need no statistical recogniser, which costs
// more than the rest of the pipeline together.
func (a *analysis) readRun(r span) runReading {
	first := a.namePart(r.start)
	switch {
	case r.start > 1 && a.base[r.start-1] == '-' && a.glued(r.start-1) && a.glued(r.start):
		// "Hi-Tech Park": no name starts inside a hyphenated word.
		return runNotPerson
	case a.isClass(r.start-1, "word/the"):
		// "the Ben Thanh market", "the Hoa Lac hi-tech park": English puts
		// no article before a person's bare name; it does before the names
		// of places and things.
		return runNotPerson
	case first != nil && first.Subtype == subtypeForename:
		// "Jason Smith", "Juan Carlos Moreno Brid": a forename and more
		// forenames, family names or unknown capitalised words. An English
		// word ("Mark Field") or a given syllable written last ("Ben
		// Thanh") leaves the run to prose.
		for i := r.start + 1; i < r.end; i++ {
			part := a.namePart(i)
			if part == nil && a.base[i] != shapeCapital || part != nil && part.Subtype == subtypeGiven {
				return runAsk
			}
		}
		return runPerson
	case a.base[r.end-1] == shapeCapWord:
		// "Xanh Complex Urban Area": without a forename first, a run that
		// ends in an English word is a place or a thing.
		return runNotPerson
	case first != nil && first.Subtype == subtypeGiven && a.hasFamilyName(span{r.start + 1, r.end}):
		// "Quang Yen", "Hoa Lac": names written family first never open
		// with a given syllable; place names made of the same syllables do.
		return runNotPerson
	}
	return runAsk
}

// glued reports whether token i follows token i-1 with no space between.
func (a *analysis) glued(i int) bool {
	return a.toks[i].Start == a.toks[i-1].End()
}

// hasFamilyName reports whether a token of s is a family name.
func (a *analysis) hasFamilyName(s span) bool {
	for i := s.start; i < s.end; i++ {
		if part := a.namePart(i); part != nil && part.Subtype == subtypeFamily {
			return true
		}
	}
	return false
}

// addProsePeople decides each undecided run: by its name parts where the
// gazetteer can, else by asking prose's recogniser about it in a small
// window of its sentence, and makes each person found a person of the
// document. A run whose text is already a person of the document is not
// asked again: markNameUses marks it.
func (a *analysis) addProsePeople() {
	covered := a.coveredTokens()
	// Only yes-answers and rule-found names are remembered, and only for
	// this document: prose may refuse a name in one context and accept it
	// in the next ("Mark Field (Photo" against "Mark Field, in").
	for _, sent := range a.sents {
		for _, r := range a.undecidedNames(sent, covered) {
			if a.personNamed(r) != nil {
				continue
			}
			rule := forenameRule
			switch a.readRun(r) {
			case runNotPerson:
				continue
			case runAsk:
				ok, err := a.proseSaysPerson(sent, r, text.Key(a.text(r)))
				if err != nil {
					a.warn(proseRule, "%v", err)
					return
				}
				if !ok {
					continue
				}
				rule = proseRule
			}
			p := a.scratch.people.mentions.new(personMention{span: r, name: r, rule: rule, order: len(a.x.ruleIndex)})
			a.people = append(a.people, p)
			a.joinByName(p)
		}
	}
}

// proseSaysPerson asks prose's recogniser whether the run r of sent, whose
// key is key, names a person.
func (a *analysis) proseSaysPerson(sent, r span, key string) (bool, error) {
	// The run and a few words either side are context enough for the
	// recogniser, at a fraction of the sentence's cost.
	window := span{max(sent.start, r.start-proseContext), min(sent.end, r.end+proseContext)}
	people, err := prosePeople(a.text(window))
	if err != nil {
		return false, err
	}
	for _, p := range people {
		if p == key || strings.HasSuffix(p, " "+key) {
			return true, nil
		}
	}
	return false, nil
}

// prosePeople returns the keys of the people prose finds in a sentence.
func prosePeople(sentence string) ([]string, error) {
	model, err := proseModel()
	if err != nil {
		return nil, err
	}
	doc, err := prose.NewDocument(sentence, prose.WithSegmentation(false), prose.UsingModel(model))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range doc.Entities() {
		if e.Label == "PERSON" {
			out = append(out, text.Key(e.Text))
		}
	}
	return out, nil
}
