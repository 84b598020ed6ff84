package text

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// MaxSentence is the most tokens a sentence may hold. News sentences stay
// well below a hundred; a longer run is a scraped table, a list or garbage
// without punctuation, and since rules match and relations look around
// within a sentence, an unbounded one would make their cost grow with the
// square of the document.
const MaxSentence = 300

// Span is a token index range [Start, End).
type Span struct{ Start, End int }

// Sentences splits tokens (from Tokenize over the clean text) into sentences.
// Every token belongs to exactly one sentence: the spans are contiguous, in
// order, non-empty and cover all tokens.
//
// A sentence ends after '.', '!' or '?' (and the closing quotes or brackets
// glued to it) when the next token starts a sentence: a capital letter, a
// digit or an opening quote. A period does not end a sentence after an
// abbreviation (abbrev is asked for the word with its period, such as "Prof."
// or "U.S."; nil knows none), after a single capital letter (the initial in
// "J. Smith") or between two numbers. A blank line always ends a sentence; a
// single line break does too, since scraped paragraphs and headlines are
// lines, unless the line ends without terminal punctuation and the next one
// starts with a lower-case letter (a sentence wrapped across lines). A
// dateline ("Hanoi (VNA) – Minister ...") has no terminal punctuation and so
// is not a boundary. A run of MaxSentence tokens without a boundary is cut
// there all the same.
func Sentences(toks []Token, abbrev func(word string) bool) []Span {
	return AppendSentences(nil, toks, abbrev)
}

// AppendSentences is Sentences appending to dst, so that a caller can reuse
// the slice of an earlier text.
func AppendSentences(dst []Span, toks []Token, abbrev func(word string) bool) []Span {
	if len(toks) == 0 {
		return dst
	}
	// News sentences run to twenty or thirty tokens.
	spans := slices.Grow(dst, len(toks)/16+1)
	start := 0
	for i := 1; i < len(toks); i++ {
		if i-start >= MaxSentence || boundaryBefore(toks, i, abbrev) {
			spans = append(spans, Span{start, i})
			start = i
		}
	}
	return append(spans, Span{start, len(toks)})
}

// boundaryBefore reports whether a sentence starts at toks[i] (i >= 1).
func boundaryBefore(toks []Token, i int, abbrev func(string) bool) bool {
	t := toks[i]
	if t.Lines >= 2 {
		return true
	}
	if t.Lines == 0 && toks[i-1].Kind != Punct {
		// The common case, settled early: on one line, after a word or
		// number, there is no terminal punctuation to end a sentence.
		return false
	}
	term := terminalBefore(toks, i)
	if t.Lines == 1 {
		return term >= 0 || !startsLower(t)
	}
	if closer(toks, i) {
		return false // a closing quote or bracket stays with its sentence
	}
	if term < 0 || !startsSentence(t) {
		return false
	}
	if toks[term].Text == "." {
		return periodEnds(toks, term, i, abbrev)
	}
	return true
}

// terminalBefore returns the index of the '.', '!' or '?' that ends the text
// before toks[i], looking through closing quotes and brackets; -1 if none.
func terminalBefore(toks []Token, i int) int {
	j := i - 1
	for steps := 0; steps < 3 && j > 0 && closer(toks, j); steps++ {
		j--
	}
	switch toks[j].Text {
	case ".", "!", "?", "…":
		return j
	}
	return -1
}

// closer reports whether toks[j] closes what comes before it: a bracket, or
// a quote glued to the token before and not to a word after (a quote glued
// on both sides, as in `affirmed."We`, opens the next sentence).
func closer(toks []Token, j int) bool {
	if j == 0 || toks[j].Kind != Punct || toks[j-1].End() != toks[j].Start || toks[j].Lines > 0 {
		return false
	}
	switch toks[j].Text {
	case ")", "]", "}":
		return true
	case "\"", "'", "”", "’", "»":
		return j+1 >= len(toks) || toks[j+1].Start != toks[j].End() || toks[j+1].Kind == Punct
	}
	return false
}

// startsSentence reports whether t can open a sentence: a capital letter, a
// digit or an opening quote.
func startsSentence(t Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	switch {
	case unicode.IsUpper(r), unicode.IsTitle(r), unicode.IsDigit(r):
		return true
	}
	switch t.Text {
	case "\"", "'", "“", "‘", "«":
		return true
	}
	return false
}

func startsLower(t Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLower(r)
}

// periodEnds reports whether the period toks[p], followed by toks[next],
// ends a sentence.
func periodEnds(toks []Token, p, next int, abbrev func(string) bool) bool {
	if p == 0 || toks[p-1].End() != toks[p].Start {
		return true // a period after a space ends whatever came before
	}
	prev := toks[p-1]
	switch prev.Kind {
	case Number:
		// "1.000" is one number token; a period between two numbers glued
		// to both ("2024.1" after cleaning) is not a boundary either.
		return !(toks[p].End() == toks[next].Start && toks[next].Kind == Number)
	case Word:
		if r, n := utf8.DecodeRuneInString(prev.Text); n == len(prev.Text) && unicode.IsUpper(r) {
			return false // an initial: "J. Smith", "U.S."
		}
		if abbrev == nil {
			return true
		}
		// The abbreviation is the run of words and periods glued together
		// up to this period: "Prof.", "U.S.", "e.g.".
		k := p - 1
		for k > 0 && toks[k-1].End() == toks[k].Start && (toks[k-1].Kind == Word || toks[k-1].Text == ".") {
			k--
		}
		if toks[k].Text == "." {
			k++
		}
		word := ""
		for _, t := range toks[k : p+1] {
			word += t.Text
		}
		if abbrev(word) {
			return false
		}
		if k < p-1 && abbrev(prev.Text+".") {
			return false
		}
	}
	return true
}
