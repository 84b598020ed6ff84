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
	flush := func(r span, foreign bool) {
		// After "in" or "at" ("at the") a run names a place, whatever
		// prose thinks.
		before := r.start - 1
		if a.isClass(before, "word/the") {
			before--
		}
		if foreign && r.len() >= minProseRun && r.len() <= maxProseRun && !a.isClass(before, "word/in") {
			runs = append(runs, r)
		}
	}
	r, foreign := span{sent.start, sent.start}, false
	for i := sent.start; i < sent.end; i++ {
		tag := a.base[i]
		if covered[i] || !capitalised(a.toks[i].Text) || !strings.ContainsRune(nameShapes, rune(tag)) {
			flush(r, foreign)
			r, foreign = span{i + 1, i + 1}, false
			continue
		}
		r.end = i + 1
		foreign = foreign || tag != shapeCapWord
	}
	flush(r, foreign)
	return runs
}

// nameShapes are the tags a word of an undecided name may carry: a name
// part of the gazetteer or a capitalised word no class covers.
var nameShapes = string([]byte{shapeCapital, shapeCapWord}) + "NG"

// addProsePeople asks prose's recogniser about each undecided run, in a
// small window of its sentence, and keeps the runs it reads as a person.
func (a *analysis) addProsePeople() {
	covered := a.coveredTokens()
	for _, sent := range a.sents {
		for _, r := range a.undecidedNames(sent, covered) {
			// The run and a few words either side are context enough for
			// the recogniser, at a fraction of the sentence's cost.
			window := span{max(sent.start, r.start-proseContext), min(sent.end, r.end+proseContext)}
			people, err := prosePeople(a.text(window))
			if err != nil {
				a.warn(proseRule, "%v", err)
				return
			}
			key := text.Key(a.text(r))
			for _, p := range people {
				if p == key || strings.HasSuffix(p, " "+key) {
					a.people = append(a.people, &personMention{span: r, name: r, rule: proseRule, order: len(a.x.ruleIndex)})
					break
				}
			}
		}
	}
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
