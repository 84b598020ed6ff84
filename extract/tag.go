package extract

import (
	"slices"
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

// punctByte is punctShape for one-byte punctuation, 0 where it has none:
// most punctuation tokens are one byte, and an array beats a string map.
var punctByte = func() (t [utf8.RuneSelf]byte) {
	for s, b := range punctShape {
		if len(s) == 1 {
			t[s[0]] = b
		}
	}
	return t
}()

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
	byClass map[string]byte
	// entryTags holds, by the gazetteer's entry index (Match.Index), the
	// tag and priority of the class each entry counts as, worked out once:
	// every match of every document asks.
	entryTags []entryTag
}

// entryTag is the tag of a gazetteer entry's class and the class's priority
// (its place in the rules' tag list; lower is stronger). Tag 0 means no
// class tags the entry.
type entryTag struct {
	tag  byte
	prio int32
}

// newTagger works out the tags of the gazetteer's entries, given in the
// gazetteer's order (Entries).
func newTagger(tags []rules.Tag, entries []*gazetteer.Entry) *tagger {
	t := &tagger{byClass: map[string]byte{}, entryTags: make([]entryTag, len(entries))}
	priority := map[string]int32{}
	for i, tag := range tags {
		t.byClass[tag.Class] = tag.Tag[0]
		priority[tag.Class] = int32(i)
	}
	for i, e := range entries {
		if class, ok := t.classOf(e); ok {
			t.entryTags[i] = entryTag{tag: t.byClass[class], prio: priority[class]}
		}
	}
	return t
}

// classOf names the class a gazetteer entry counts as: "type/subtype" if the
// rules tag it, else its type, else its group ("place" for cities).
func (t *tagger) classOf(e *gazetteer.Entry) (string, bool) {
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
	if tag, ok := t.byClass[class]; ok {
		paintTag(tags, start, end, tag)
	}
}

// paintTag writes tag over the first token of [start, end) and its lower
// case over the rest.
func paintTag(tags []byte, start, end int, tag byte) {
	tags[start] = tag
	inside := tag
	if tag >= 'A' && tag <= 'Z' {
		inside = tag + ('a' - 'A')
	}
	for i := start + 1; i < end; i++ {
		tags[i] = inside
	}
}

// baseTags is the tag string from the gazetteer and token shapes alone, and
// per token the gazetteer match behind it (or -1). It picks, left to right,
// one gazetteer match per token among the candidates: the longest match
// starting at a token, then the class that comes first in the rules' tag
// list. Matches that start inside a chosen one are left out of the tag
// string (they stay available to the stages). matches are sorted by Start.
// The two slices reuse the memory of tags and chosen, whose contents are
// overwritten.
func (t *tagger) baseTags(toks []text.Token, matches []gazetteer.Match, dict text.Lexicon, tags []byte, chosen []int) ([]byte, []int) {
	tags = slices.Grow(tags[:0], len(toks))[:len(toks)]
	chosen = slices.Grow(chosen[:0], len(toks))[:len(toks)]
	m := 0 // first match not starting before token i
	for i := 0; i < len(toks); {
		for m < len(matches) && matches[m].Start < i {
			m++
		}
		best, bestLen := -1, 0
		var bestTag entryTag
		for ; m < len(matches) && matches[m].Start == i; m++ {
			et := t.entryTags[matches[m].Index]
			if et.tag == 0 {
				continue
			}
			if n := matches[m].End - i; best < 0 || n > bestLen || (n == bestLen && et.prio < bestTag.prio) {
				best, bestLen, bestTag = m, n, et
			}
		}
		if best < 0 {
			tags[i], chosen[i] = shape(toks[i], dict), -1
			i++
			continue
		}
		end := matches[best].End
		paintTag(tags, i, end, bestTag.tag)
		for ; i < end; i++ {
			chosen[i] = best
		}
	}
	return tags, chosen
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
		if len(tok.Text) == 1 && tok.Text[0] < utf8.RuneSelf {
			if b := punctByte[tok.Text[0]]; b != 0 {
				return b
			}
			return shapeOther
		}
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
