package extract

import (
	"context"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/rules"
)

// Extractor holds the compiled gazetteer and rules. Build it once with New;
// it is immutable and safe for concurrent use by many goroutines.
type Extractor struct {
	gaz       *gazetteer.Gazetteer
	phases    map[string][]*rules.Compiled // each phase's rules, in order
	tags      *tagger
	lexicon   text.Lexicon
	abbrev    map[string]bool
	ruleIndex map[*rules.Compiled]int // each rule's position, to break ties
	reference time.Time
}

// New builds an Extractor from the embedded default gazetteer and rules plus
// whatever the options add. Errors in gazetteer or rule files name the file,
// the line and the entry or rule.
func New(opts ...Option) (*Extractor, error) {
	o := options{ruleTimeout: 2 * time.Second}
	for _, opt := range opts {
		if err := opt(&o); err != nil {
			return nil, err
		}
	}

	defaults, err := gazetteer.Default()
	if err != nil {
		return nil, fmt.Errorf("default gazetteer: %w", err)
	}
	lists := [][]gazetteer.Entry{defaults}
	for _, src := range o.gazetteers {
		entries, err := gazetteer.Parse(src.name, src.data)
		if err != nil {
			return nil, err
		}
		if len(entries) == 0 {
			return nil, emptyFile(src.name, "a gazetteer file is a YAML list of entries, each with at least id, type and name")
		}
		lists = append(lists, entries)
	}
	gaz, err := gazetteer.New(lists...)
	if err != nil {
		return nil, err
	}

	files, err := rules.Default()
	if err != nil {
		return nil, fmt.Errorf("default rules: %w", err)
	}
	files = append([]*rules.File(nil), files...)
	for _, src := range o.rules {
		f, err := rules.Parse(src.name, src.data)
		if err != nil {
			return nil, err
		}
		if len(f.Rules) == 0 && len(f.Tags) == 0 && len(f.Macros) == 0 {
			return nil, emptyFile(src.name, "a rule file holds rules: (each with id, phase and pattern), tags: or macros:")
		}
		files = append(files, f)
	}
	set, err := rules.Compile(files, rules.Options{Timeout: o.ruleTimeout})
	if err != nil {
		return nil, err
	}

	x := &Extractor{
		gaz:       gaz,
		phases:    map[string][]*rules.Compiled{},
		tags:      newTagger(set.Tags(), gaz.Entries()),
		lexicon:   text.Extend(text.DefaultLexicon(), gaz.Known),
		abbrev:    map[string]bool{},
		ruleIndex: map[*rules.Compiled]int{},
		reference: o.reference,
	}
	for i, r := range set.Rules() {
		x.ruleIndex[r] = i
	}
	for _, phase := range rules.Phases {
		x.phases[phase] = set.Phase(phase)
	}
	for _, e := range gaz.Entries() {
		// Titles count too: only their forms written with a period
		// ("Lieut.", "Gen.") can ever match a word asked about here.
		if e.Type == "abbreviation" || e.Type == "honorific" || e.Type == "title" {
			for _, form := range append([]string{e.Name}, e.Aliases...) {
				x.abbrev[text.Key(form)] = true
			}
		}
	}
	return x, nil
}

// emptyFile is the error for a gazetteer or rule file that defines
// nothing. The packages accept one, but a file the user names and that adds
// nothing is a mistake: a wrong path, a truncated download, all of it
// commented out.
func emptyFile(name, want string) error {
	return fmt.Errorf("%s:1: the file defines nothing: %s", name, want)
}

// Extract reads one article and returns what it found. It never fails: bad
// input yields a Document with what could be found and, where something went
// wrong, Warnings.
func (x *Extractor) Extract(text string) *Document {
	return x.ExtractContext(context.Background(), text)
}

// isAbbrev reports whether a word written with its period ("Prof.",
// "U.S.") is an abbreviation that does not end a sentence.
func (x *Extractor) isAbbrev(word string) bool {
	var buf [64]byte // the key of a word fits; a lookup by string(bytes) allocates nothing
	return x.abbrev[string(text.AppendKey(buf[:0], word))]
}
