package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/rules"
)

// orgMention is one place an organisation is named.
type orgMention struct {
	span    span
	rule    string
	order   int              // the rule's position among all rules, for ties
	entry   *gazetteer.Entry // the gazetteer entry it matched, if any
	acronym string           // for a definition "Long Name (ACR)": ACR
	isAcr   bool             // the mention is the acronym itself
	defn    *orgMention      // for an acronym: its definition, if learned here
	kept    bool             // the overlap policy kept it (see resolveOrganisations)
	entity  *orgEntity
}

func (o *orgMention) where() span   { return o.span }
func (o *orgMention) priority() int { return o.order }

// orgEntity is one organisation of the document.
type orgEntity struct {
	mentions []*orgMention
	entry    *gazetteer.Entry
	acronym  string
	defined  *orgMention // the mention that gave name and acronym together
	id       string
	size     int // how many mentions it has, counted before they are listed
}

// addOrganisation records an organisation a rule found: the group "org" is
// the name; a group "acronym" beside it makes the match an acronym
// definition, in either order ("Long Name (ACR)", "ACR (Long Name)").
func (a *analysis) addOrganisation(rule *rules.Compiled, m rules.Match, sent span) {
	org, ok := group(m, "org", sent)
	if !ok {
		return
	}
	acr, isDef := group(m, "acronym", sent)
	if isDef {
		if org, ok = a.definedName(org, acr); !ok {
			return
		}
	}
	entry := a.entryAt(org, "organisation")
	if entry == nil {
		entry = a.nationalEntry(org)
	}
	long := a.scratch.mentions.orgs.new(orgMention{span: org, rule: rule.ID, order: a.ruleOrder(rule), entry: entry})
	a.orgCands = append(a.orgCands, long)
	if isDef {
		long.acronym = a.text(acr)
		a.orgCands = append(a.orgCands, a.scratch.mentions.orgs.new(orgMention{
			span: acr, rule: rule.ID, order: long.order, isAcr: true, defn: long,
			entry: a.entryAt(acr, "organisation"),
		}))
	}
}

// nationalEntry is the known organisation that a nationality and a known
// organisation name together, where the gazetteer lists the nationality
// with its name: "Vietnamese NA" is the National Assembly because the
// gazetteer knows it as "Vietnamese National Assembly", while "Hungarian
// NA" is another parliament.
func (a *analysis) nationalEntry(s span) *gazetteer.Entry {
	near := a.gazStarting(s.start, s.start+1)
	for i := range near {
		m := &near[i]
		if m.End >= s.end || m.Entry.Type != "demonym" {
			continue
		}
		e := a.entryAt(span{m.End, s.end}, "organisation")
		if e == nil {
			return nil
		}
		want := text.Key(a.text(span{m.Start, m.End}) + " " + e.Name)
		if text.Key(e.Name) == want || slices.ContainsFunc(e.Aliases, func(n string) bool { return text.Key(n) == want }) {
			return e
		}
		return nil
	}
	return nil
}

// definedName decides whether the words in org define the acronym acr, and
// which of them do. An organisation-shaped name (one built on a head or a
// known organisation) defines any acronym, for acronyms often come from
// another language ("National Institute of Public Service (INSP)"). Any
// other run of capitalised words defines it only where its initials spell
// it, and only from the first word they need ("a study by Kohlberg Kravis
// Roberts (KKR)"). Where the gazetteer knows the acronym as one
// organisation, a name that is another known organisation defines nothing.
func (a *analysis) definedName(org, acr span) (span, bool) {
	if e := a.entryAt(acr, "organisation"); e != nil {
		if other := a.entryAt(org, "organisation"); other != nil && other != e {
			return org, false
		}
	}
	if a.orgShaped(org) {
		return org, true
	}
	words := make([]string, org.len())
	for i := range words {
		words[i] = a.toks[org.start+i].Text
	}
	start, ok := initialsStart(words, a.text(acr))
	if !ok {
		return org, false
	}
	return span{org.start + start, org.end}, true
}

// orgShaped reports whether a token of s belongs to an organisation head or
// a known organisation in the gazetteer.
func (a *analysis) orgShaped(s span) bool {
	for i := s.start; i < s.end; i++ {
		if a.isClass(i, "orghead") || a.isClass(i, "organisation") {
			return true
		}
	}
	return false
}

// initialsStart finds where an acronym's long form begins among words, the
// words before the acronym: each letter of the acronym, read from the end,
// is found in the words read from the end, the first letter at the start of
// a word (Schwartz and Hearst, 2003). So capitals, mixed case ("MoHA" from
// "Ministry of Home Affairs") and letters from inside a word ("VNSC" from
// "Vietnam Satellite Centre") all fit, and skipped words ("and") cost
// nothing. The long form must end with the last word and may not hold more
// than twice the acronym's letters in words, so that a short acronym does
// not claim a whole clause.
func initialsStart(words []string, acr string) (int, bool) {
	// The words and the acronym are read backwards rune by rune, each rune
	// lowered on the way, rather than converted to lower-case rune slices:
	// every acronym definition asks.
	n := 0
	for _, r := range acr {
		if isAlnum(r) {
			n++
		}
	}
	if n < 2 || len(words) == 0 {
		return 0, false
	}
	w := len(words) - 1
	c := len(words[w]) // words[w][:c] is what is left to read of the word
	lastUsed := false  // whether the last word gave a letter
	for l := len(acr); l > 0; {
		r, size := utf8.DecodeLastRuneInString(acr[:l])
		l -= size
		if r = unicode.ToLower(r); !isAlnum(r) {
			continue
		}
		for {
			if c == 0 {
				if w--; w < 0 {
					return 0, false
				}
				c = len(words[w])
				continue
			}
			wr, wsize := utf8.DecodeLastRuneInString(words[w][:c])
			c -= wsize
			// The acronym's first letter must begin a word.
			if unicode.ToLower(wr) == r && (l > 0 || c == 0) {
				break
			}
		}
		if w == len(words)-1 {
			lastUsed = true
		}
	}
	if !lastUsed || len(words)-w > 2*n {
		return 0, false
	}
	return w, true
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// resolveOrganisations keeps one reading where candidates overlap (the
// longest, then the earliest rule, then the leftmost), learns the acronyms
// defined in the text, marks every later bare use of them, and groups the
// mentions into organisations.
func (a *analysis) resolveOrganisations() {
	a.orgs = pick(a.orgCands)
	for _, o := range a.orgs {
		o.kept = true
	}
	for _, o := range a.orgs {
		if o.isAcr && o.defn != nil && o.defn.span.len() > 0 && o.defn.kept {
			a.acronyms[a.text(o.span)] = o.defn
		}
	}
	if len(a.acronyms) > 0 {
		a.markBareAcronyms()
	}
	a.groupOrgs()
}

// markBareAcronyms adds a mention for every use of a learned acronym that
// no other mention covers. The mentions are in text order and do not
// overlap, so one walk over the tokens beside them finds the uncovered
// tokens and where their mentions go, without a sort.
func (a *analysis) markBareAcronyms() {
	// Most words begin with a byte that no acronym begins with: that is
	// cheaper to check than the map, for every word of the document.
	var begins [256]bool
	for acr := range a.acronyms {
		if acr != "" {
			begins[acr[0]] = true
		}
	}
	var merged []*orgMention // the mentions with the bare uses, once one is found
	copied := 0              // a.orgs[:copied] are in merged
	next := 0                // a.orgs[:next] end at or before the token
	// A local slice, not the field, in the loop: the stores the loop makes
	// through a would otherwise make the compiler reload it at every token.
	toks := a.toks
	for i := range toks {
		// The cheap test first: it turns away most tokens.
		tok := &toks[i]
		if tok.Kind != text.Word || tok.Text != "" && !begins[tok.Text[0]] {
			continue
		}
		for next < len(a.orgs) && a.orgs[next].span.end <= i {
			next++
		}
		if next < len(a.orgs) && a.orgs[next].span.covers(i) {
			continue
		}
		if defn, ok := a.acronyms[tok.Text]; ok {
			merged = append(merged, a.orgs[copied:next]...)
			copied = next
			merged = append(merged, a.scratch.mentions.orgs.new(orgMention{span: span{i, i + 1}, rule: "acronym.learned", isAcr: true, defn: defn}))
		}
	}
	if merged != nil {
		a.orgs = append(merged, a.orgs[copied:]...)
	}
}

// orgKey is one of the keys by which mentions are grouped into
// organisations. A struct rather than a prefixed string, so that no key
// is built by concatenation.
type orgKey struct {
	kind    orgKeyKind
	country string // for keyCountryEntry and keyCountryName: the country's gazetteer ID
	name    string // the entry ID, the acronym or the folded name
}

type orgKeyKind uint8

const (
	keyEntry        orgKeyKind = iota // a gazetteer entry
	keyAcronym                        // an acronym, as written
	keyName                           // the folded name (nameKey)
	keyCountryEntry                   // a country and a gazetteer entry (countryKey)
	keyCountryName                    // a country and the rest's folded name (countryKey)
)

// maxOrgKeys is the most keys orgKeys gives one mention.
const maxOrgKeys = 5

// orgKeys appends the keys a mention is grouped by to ks, writing the
// folded names among them to names (see nameKey).
func (a *analysis) orgKeys(o *orgMention, ks []orgKey, names *strings.Builder) []orgKey {
	if o.entry != nil {
		ks = append(ks, orgKey{kind: keyEntry, name: o.entry.ID})
		if o.entry.Acronym != "" {
			ks = append(ks, orgKey{kind: keyAcronym, name: o.entry.Acronym})
		}
	}
	if o.isAcr {
		ks = append(ks, orgKey{kind: keyAcronym, name: a.text(o.span)})
	} else {
		ks = append(ks, orgKey{kind: keyName, name: a.nameKey(o.span, names)})
		if k, ok := a.countryKey(o.span, names); ok {
			ks = append(ks, k)
		}
	}
	if o.acronym != "" {
		ks = append(ks, orgKey{kind: keyAcronym, name: o.acronym})
	}
	return ks
}

// groupOrgs merges mentions into organisations: by gazetteer entry, by
// acronym, or by the folded name.
func (a *analysis) groupOrgs() {
	byKey := a.scratch.groups.orgs
	if byKey == nil {
		byKey = make(map[orgKey]*orgEntity, 2*len(a.orgs)) // most mentions give two keys
		a.scratch.groups.orgs = byKey
	}
	defer clear(byKey) // the pool keeps nothing of this document alive
	// Room for the folded name of every mention: a name with a country
	// gives a second, shorter one, for which the builder may grow once.
	var names strings.Builder
	size := 0
	for _, o := range a.orgs {
		if !o.isAcr && !o.span.empty() {
			size += int(a.toks[o.span.end-1].End()) - int(a.toks[o.span.start].Start) + o.span.len()
		}
	}
	names.Grow(size)
	var buf [maxOrgKeys]orgKey
	for _, o := range a.orgs {
		ks := a.orgKeys(o, buf[:0], &names)
		// The organisation of the first key known, and which keys are new.
		var e *orgEntity
		var known [maxOrgKeys]*orgEntity
		for i, k := range ks {
			known[i] = byKey[k]
			if e == nil {
				e = known[i]
			}
		}
		if e == nil && o.defn != nil && o.defn.entity != nil {
			e = o.defn.entity
		}
		if e == nil {
			e = a.scratch.mentions.orgEntities.new(orgEntity{})
			a.orgEntities = append(a.orgEntities, e)
		}
		o.entity = e
		e.size++
		if e.entry == nil && o.entry != nil {
			e.entry = o.entry
		}
		if o.acronym != "" && e.defined == nil {
			e.defined = o
			e.acronym = o.acronym
		}
		for i, k := range ks {
			if known[i] == nil {
				byKey[k] = e
			}
		}
	}
	// Each organisation's mentions, in text order, in one array of the
	// scratch pool (see room): no Document points to them.
	all := room[*orgMention](slices.Grow(a.scratch.groups.orgMentions[:0], len(a.orgs)))
	for _, e := range a.orgEntities {
		e.mentions = all.take(e.size)
	}
	for _, o := range a.orgs {
		o.entity.mentions = append(o.entity.mentions, o)
	}
	a.scratch.groups.orgMentions = all
}

// nameKey is the folded name of a span with its spacing left out, so that
// "Mexico - Vietnam Friendship Group" and "Mexico-Vietnam Friendship Group"
// are one name: text.Key of each token, joined by spaces. It is written at
// the end of names and returned as a substring of what names holds. A
// builder never changes what it has written, so the keys stay valid while
// it grows, and a document's keys cost one allocation together rather than
// one each.
func (a *analysis) nameKey(s span, names *strings.Builder) string {
	if s.empty() {
		return ""
	}
	from := names.Len()
	for i := s.start; i < s.end; i++ {
		if i > s.start {
			names.WriteByte(' ')
		}
		writeKey(names, a.toks[i].Text)
	}
	return names.String()[from:]
}

// writeKey writes text.Key(s), lowering ASCII byte by byte, as
// strings.ToLower would, without the copy it makes.
func writeKey(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			b.WriteString(text.Key(s))
			return
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
}

// countryKey names an organisation by its country and the rest of its name,
// so that "Mexican Chamber of Deputies" and "Chamber of Deputies of Mexico"
// are one, while the Mexican and the Cuban ministries of foreign affairs
// stay two. The country comes from a leading demonym or a trailing "of
// (the) <country>"; without one there is no key. The rest is named by its
// gazetteer entry where it has one, so that "Vietnamese NA" is the
// "Vietnamese National Assembly".
func (a *analysis) countryKey(s span, names *strings.Builder) (orgKey, bool) {
	country, rest := "", s
	near := a.gazStarting(s.start, s.end+1)
	for i := range near {
		m := &near[i]
		switch {
		case m.Start == s.start && m.End < s.end && m.Entry.Type == "demonym" && m.Entry.Parent != "":
			country, rest = m.Entry.Parent, span{m.End, s.end}
		case m.End == s.end && m.Start > s.start+1 && m.Entry.Type == "country":
			end := m.Start
			if a.isClass(end-1, "word/the") {
				end--
			}
			if end > s.start+1 && a.isClass(end-1, "word/of") {
				country, rest = m.Entry.ID, span{s.start, end - 1}
			}
		}
		if country != "" {
			break
		}
	}
	if country == "" {
		return orgKey{}, false
	}
	if e := a.entryAt(rest, "organisation"); e != nil {
		return orgKey{kind: keyCountryEntry, country: country, name: e.ID}, true
	}
	return orgKey{kind: keyCountryName, country: country, name: a.nameKey(rest, names)}, true
}

// orgName is the name an organisation is given: the name its acronym was
// defined with, else the fullest form the document writes (the most
// words, the first of equals), else the
// gazetteer's name (for an organisation named only by its acronym).
func (a *analysis) orgName(e *orgEntity) string {
	if e.defined != nil {
		return a.text(e.defined.span)
	}
	name, words := "", 0
	for _, m := range e.mentions {
		t := a.text(m.span)
		acr := m.isAcr || t == e.acronym || (e.entry != nil && t == e.entry.Acronym)
		if !acr && m.span.len() > words {
			name, words = t, m.span.len()
		}
	}
	if name == "" && e.entry != nil {
		name = e.entry.Name
	}
	if name == "" {
		name = a.text(e.mentions[0].span)
	}
	return name
}

// orgAt returns the first organisation mention inside s, found by binary
// search: every title asks.
func (a *analysis) orgAt(s span) *orgMention {
	for _, o := range a.orgs[firstFrom(a.orgs, s.start):] {
		if o.span.start >= s.end {
			break
		}
		if s.contains(o.span) {
			return o
		}
	}
	return nil
}

// ruleOrder is a rule's position among all rules, used to break ties. The
// index is by the rule itself, not its ID: every candidate mention asks,
// and hashing a pointer costs less than hashing the ID. Rule IDs are unique
// in a compiled set, so the order is the same.
func (a *analysis) ruleOrder(rule *rules.Compiled) int {
	return a.x.ruleIndex[rule]
}
