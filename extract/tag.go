package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/rules"
)

// Rules match over a tag string: one ASCII byte per token. A token that a
// class covers gets that class's tag byte; the rest of a multi-token span
// gets its lower-case form ("Deputy Prime Minister" is "Ttt"). Tokens no
// class covers get a shape byte, listed here.
const (
	shapeCapital  = '^' // capitalised word that is not an English word: a name, most likely
	shapeCapWord  = '%' // capitalised English word ("Foreign", "Technology")
	shapeAcronym  = '@' // two or more capitals: "HCMA", "MoHA"
	shapeLower    = '~' // lower-case word
	shapeShortNum = '1' // number of one or two digits
	shapeYear     = '4' // number of four digits
	shapeNumber   = '0' // any other number
	shapeStop     = '.' // . ! ? ;
	shapeOther    = '*' // any other punctuation or symbol
)

// punctShape maps punctuation that rules care about to itself.
var punctShape = map[string]byte{
	",": ',', "(": '(', ")": ')', "-": '-', "'": '\'', "'s": '\'', "'S": '\'',
	"\"": '"', ":": ':', "/": '/', ".": shapeStop, "!": shapeStop, "?": shapeStop,
	";": shapeStop, "[": '(', "]": ')',
}

// Entity layers: classes whose tags mark what earlier phases found, so that
// later phases see "a person" or "a title" where the tokens were.
const (
	classPerson       = "person"
	classTitle        = "title"
	classOrganisation = "organisation"
	classDate         = "date"
	classPlace        = "place"
)

// placeTypes are the gazetteer types that all count as the class "place"
// when the rules do not tag them one by one.
var placeTypes = map[string]bool{"country": true, "province": true, "city": true, "region": true}

// tagger turns tokens and gazetteer matches into the tag string.
type tagger struct {
	byClass  map[string]byte
	priority map[string]int // lower is stronger
	// entryClass is classOf of every gazetteer entry, worked out once:
	// every token of every document asks it.
	entryClass map[*gazetteer.Entry]string
}

func newTagger(tags []rules.Tag, entries []*gazetteer.Entry) *tagger {
	t := &tagger{byClass: map[string]byte{}, priority: map[string]int{}, entryClass: make(map[*gazetteer.Entry]string, len(entries))}
	for i, tag := range tags {
		t.byClass[tag.Class] = tag.Tag[0]
		t.priority[tag.Class] = i
	}
	for _, e := range entries {
		if class, ok := t.findClass(e); ok {
			t.entryClass[e] = class
		}
	}
	return t
}

// classOf names the class a gazetteer entry counts as: "type/subtype" if the
// rules tag it, else its type, else its group ("place" for cities).
func (t *tagger) classOf(e *gazetteer.Entry) (string, bool) {
	class, ok := t.entryClass[e]
	return class, ok
}

// findClass is classOf worked out from the entry.
func (t *tagger) findClass(e *gazetteer.Entry) (string, bool) {
	if e.Subtype != "" {
		if c := e.Type + "/" + e.Subtype; t.has(c) {
			return c, true
		}
	}
	if t.has(e.Type) {
		return e.Type, true
	}
	if placeTypes[e.Type] && t.has(classPlace) {
		return classPlace, true
	}
	return "", false
}

func (t *tagger) has(class string) bool {
	_, ok := t.byClass[class]
	return ok
}

// paint writes class's tag over tokens [start, end) of tags.
func (t *tagger) paint(tags []byte, start, end int, class string) {
	tag, ok := t.byClass[class]
	if !ok {
		return
	}
	tags[start] = tag
	inside := tag
	if tag >= 'A' && tag <= 'Z' {
		inside = tag + ('a' - 'A')
	}
	for i := start + 1; i < end; i++ {
		tags[i] = inside
	}
}

// choose picks, left to right, one gazetteer match per token among the
// candidates: the longest match starting at a token, then the class that
// comes first in the rules' tag list. Matches that start inside a chosen one
// are left out of the tag string (they stay available to the stages).
func (t *tagger) choose(toks int, matches []gazetteer.Match) []int {
	chosen := make([]int, toks)
	for i := range chosen {
		chosen[i] = -1
	}
	next := 0
	for i := 0; i < len(matches); {
		start := matches[i].Start
		best, bestLen, bestPrio := -1, 0, 0
		j := i
		for ; j < len(matches) && matches[j].Start == start; j++ {
			class, ok := t.classOf(matches[j].Entry)
			if !ok {
				continue
			}
			n, p := matches[j].End-start, t.priority[class]
			if best < 0 || n > bestLen || (n == bestLen && p < bestPrio) {
				best, bestLen, bestPrio = j, n, p
			}
		}
		if best >= 0 && start >= next {
			for k := start; k < matches[best].End; k++ {
				chosen[k] = best
			}
			next = matches[best].End
		}
		i = j
	}
	return chosen
}

// baseTags is the tag string from the gazetteer and token shapes alone.
func (t *tagger) baseTags(toks []text.Token, matches []gazetteer.Match, chosen []int, dict text.Lexicon) []byte {
	tags := make([]byte, len(toks))
	for i := 0; i < len(toks); {
		if m := chosen[i]; m >= 0 {
			class, _ := t.classOf(matches[m].Entry)
			t.paint(tags, i, matches[m].End, class)
			i = matches[m].End
			continue
		}
		tags[i] = shape(toks[i], dict)
		i++
	}
	return tags
}

// shape is the tag of a token that no class covers.
func shape(tok text.Token, dict text.Lexicon) byte {
	switch tok.Kind {
	case text.Number:
		digits := 0
		for i := 0; i < len(tok.Text); i++ {
			if tok.Text[i] < '0' || tok.Text[i] > '9' {
				return shapeNumber
			}
			digits++
		}
		switch digits {
		case 1, 2:
			return shapeShortNum
		case 4:
			return shapeYear
		}
		return shapeNumber
	case text.Punct:
		if b, ok := punctShape[tok.Text]; ok {
			return b
		}
		return shapeOther
	}
	first, _ := utf8.DecodeRuneInString(tok.Text)
	if !unicode.IsUpper(first) {
		if unicode.IsDigit(first) {
			return shapeNumber
		}
		return shapeLower
	}
	upper := 0
	for _, r := range tok.Text {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	switch {
	case upper >= 2:
		return shapeAcronym
	case dict.Known(tok.Text):
		return shapeCapWord
	}
	return shapeCapital
}
