package rules

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dlclark/regexp2"
)

// DefaultTimeout is the per-match time budget used when Options.Timeout is
// zero or negative. It is generous: a sound rule matches a sentence in microseconds, and
// the budget is only there to stop a catastrophic pattern.
const DefaultTimeout = 2 * time.Second

// maxExpanded caps the length of a pattern after macro expansion. Macros that
// use each other twice over double in size at every level, and a file of a
// few lines could otherwise ask for gigabytes.
const maxExpanded = 1 << 20

// Options tunes Compile.
type Options struct {
	// Timeout is the time budget of one match attempt of one rule (one
	// step of FindAll). Zero or negative means DefaultTimeout. The
	// matcher looks at its clock every few thousand choices; regexp2, for
	// the patterns it runs, about every 100ms, so such a rule may overrun
	// the budget by that much.
	Timeout time.Duration
}

// Set is a compiled, merged set of rule files. It is immutable after
// Compile and safe for concurrent use.
type Set struct {
	tags   []Tag
	rules  []*Compiled
	phases map[string][]*Compiled
}

// Tags returns the merged token classes and their tag bytes, in priority
// order (earlier wins when two classes cover the same tokens).
func (s *Set) Tags() []Tag {
	if s == nil {
		return nil
	}
	return slices.Clone(s.tags)
}

// Phase returns the rules of one phase, in file and definition order (a rule
// overridden by a later file keeps the place of the one it replaces). It
// returns nil for an unknown phase.
func (s *Set) Phase(name string) []*Compiled {
	if s == nil {
		return nil
	}
	return slices.Clone(s.phases[name])
}

// Rules returns every rule, in file and definition order.
func (s *Set) Rules() []*Compiled {
	if s == nil {
		return nil
	}
	return slices.Clone(s.rules)
}

// Compiled is a rule ready to match: its pattern with every macro expanded,
// compiled for the backtracking matcher (and for regexp2, which runs what
// the matcher does not model).
type Compiled struct {
	Rule
	Expanded string // the pattern after macro expansion, as compiled

	re       *regexp2.Regexp
	program  *program        // the backtracking matcher's form of re; nil: not modelled
	pre      *prefilter      // where a match may start; nil: everywhere
	anchored *regexp2.Regexp // re anchored at the start position, run where pre allows
	groups   []string        // named groups, in group-number order
	required []ByteSet       // each must meet the input for a match: see required
	timeout  time.Duration
}

// GroupNames returns the named groups of the pattern, in the order they open.
// The engine can use it to check that a rule binds the roles it needs.
func (c *Compiled) GroupNames() []string {
	return slices.Clone(c.groups)
}

// Span is a range of the tag string, end exclusive. Because the tag string
// has one byte per token, a span is also a range of tokens.
type Span struct{ Start, End int }

// Group is a named group and everything it captured in one match, in the
// order regexp2 recorded the captures. A group inside a repetition, such as
// (?:(?<name>N)n*)+, captures once per round.
type Group struct {
	Name  string
	Spans []Span
}

// Match is one match of a rule. Groups holds the named groups that captured
// something, in group-number order; unnamed groups only group and are left
// out.
type Match struct {
	Start, End int
	Groups     []Group
}

// Group returns the last capture of the named group, as regexp2 (and .NET)
// define the value of a group, and whether the group captured at all.
func (m Match) Group(name string) (Span, bool) {
	for _, g := range m.Groups {
		if g.Name == name && len(g.Spans) > 0 {
			return g.Spans[len(g.Spans)-1], true
		}
	}
	return Span{}, false
}

// FindAll returns the non-overlapping matches of the rule over tags, left to
// right, each starting where the previous one ended or later. Empty matches
// are skipped: the search moves on one byte.
//
// The tag string must be ASCII, as every tag string is: regexp2 reports rune
// offsets, which equal byte offsets only then, so any other input is refused
// with an error rather than given wrong offsets. When one match attempt runs past the rule's time
// budget, FindAll returns the matches found so far and an error that wraps
// ErrTimeout and names the rule.
func (c *Compiled) FindAll(tags string) ([]Match, error) {
	t, err := NewTags(tags)
	if err != nil {
		return nil, fmt.Errorf("rule %s: %w", c.ID, err)
	}
	return c.FindIn(t)
}

// Tags is a tag string checked once, with the set of bytes it holds, for
// running many rules over one sentence.
type Tags struct {
	s       string
	present ByteSet
}

// NewTags checks that s is ASCII, as every tag string is.
func NewTags(s string) (Tags, error) {
	var present ByteSet
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return Tags{}, fmt.Errorf("tag string is not ASCII (byte %#x at offset %d)", s[i], i)
		}
		present.add(s[i])
	}
	return Tags{s, present}, nil
}

// Present is the set of bytes the tag string holds.
func (t Tags) Present() ByteSet { return t.present }

// FindIn is FindAll over a checked tag string.
func (c *Compiled) FindIn(t Tags) ([]Match, error) {
	var f Matcher
	return f.Find(c, t)
}

// A Matcher runs rules with buffers it keeps from call to call, so that a
// caller running many rules over many sentences allocates nothing per
// match. The matches one call returns, with their groups and spans, stay
// valid until the next call. A Matcher is not safe for concurrent use; the
// zero value is ready.
type Matcher struct {
	m       matcher
	matches []Match
	groups  []Group
	spans   []Span
	runes   []rune
}

// Find is FindIn with the Matcher's buffers.
func (f *Matcher) Find(c *Compiled, t Tags) (out []Match, err error) {
	if c == nil || c.re == nil {
		return nil, fmt.Errorf("rules: FindAll on a rule that was not made by Compile")
	}
	f.matches, f.groups, f.spans = f.matches[:0], f.groups[:0], f.spans[:0]
	tags, present := t.s, t.present
	if !c.MayMatch(present) {
		return nil, nil
	}
	// .NET's $ also matches before a final newline, which neither the
	// backtracking matcher nor the prefilter reads that way; tag strings
	// hold none.
	newline := present.has('\n')
	if c.program != nil && !newline {
		err = f.findProgram(c, tags)
	} else {
		err = f.findRegexp2(c, tags, newline)
	}
	if len(f.matches) == 0 {
		return nil, err
	}
	return f.matches, err
}

// timeoutError is the error of a rule that ran past its time budget.
func (c *Compiled) timeoutError() error {
	return fmt.Errorf("rule %s: %w (budget %v per match)", c.ID, ErrTimeout, c.timeout)
}

// findProgram is the scan of FindAll with the backtracking matcher, tried
// at each position the prefilter allows. Like regexp2's scan, it resumes at
// the end of each match and one further on after an empty one; empty
// matches are left out.
func (f *Matcher) findProgram(c *Compiled, tags string) error {
	m := &f.m
	m.s, m.timeout, m.timedOut = tags, c.timeout, false
	defer func() { m.s = "" }()
	for pos := c.pre.nextStart(tags, 0); pos >= 0; pos = c.pre.nextStart(tags, pos+1) {
		found := m.matchAt(c.program, pos)
		if m.timedOut {
			// Whatever the cut-off search found is not to be trusted: a
			// lookaround cut short may have answered wrongly.
			return c.timeoutError()
		}
		if !found {
			continue
		}
		if m.end > pos {
			f.addProgramMatch(c, pos, m.end)
			pos = m.end - 1 // the next try starts where this match ends
		}
	}
	return nil
}

// addProgramMatch adds the match the backtracking matcher found, with its
// captures grouped by name in group-number order.
func (f *Matcher) addProgramMatch(c *Compiled, start, end int) {
	from := len(f.groups)
	for g, name := range c.groups {
		first := len(f.spans)
		for _, cp := range f.m.log {
			if int(cp.group) == g {
				f.spans = append(f.spans, Span{Start: int(cp.start), End: int(cp.end)})
			}
		}
		if len(f.spans) > first {
			f.groups = append(f.groups, Group{Name: name, Spans: f.spans[first:len(f.spans):len(f.spans)]})
		}
	}
	f.addMatch(start, end, from)
}

// addMatch adds a match whose groups are f.groups[from:].
func (f *Matcher) addMatch(start, end, from int) {
	m := Match{Start: start, End: end}
	if len(f.groups) > from {
		m.Groups = f.groups[from:len(f.groups):len(f.groups)]
	}
	f.matches = append(f.matches, m)
}

// findRegexp2 is the scan of FindAll with regexp2, for the patterns the
// backtracking matcher does not model.
func (f *Matcher) findRegexp2(c *Compiled, tags string, newline bool) (err error) {
	// A bug in regexp2 on some pattern must fail one rule, not the program.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("rule %s: regexp2 failed: %v", c.ID, r)
		}
	}()
	// regexp2 matches over runes and would convert the string on every
	// call; the tag string is ASCII, so a reused buffer holds the same
	// runes without an allocation per sentence.
	runes := f.runes[:0]
	for i := 0; i < len(tags); i++ {
		runes = append(runes, rune(tags[i]))
	}
	f.runes = runes
	if c.pre != nil && !newline {
		err = f.findFiltered(c, tags, runes)
	} else {
		err = f.findScan(c, runes)
	}
	if err != nil {
		// The only error regexp2 returns while matching from a valid start is
		// its timeout; its message quotes the whole input, so it is replaced.
		if strings.Contains(err.Error(), "timeout") {
			return c.timeoutError()
		}
		return fmt.Errorf("rule %s: %w", c.ID, err)
	}
	return nil
}

// findScan is the scan of FindAll with regexp2 and no prefilter.
func (f *Matcher) findScan(c *Compiled, runes []rune) error {
	m, err := c.re.FindRunesMatch(runes)
	for err == nil && m != nil {
		if m.Length > 0 {
			f.addRegexp2Match(m)
		}
		// FindNextMatch resumes at the end of m, and one further on after an
		// empty match, which gives non-overlapping, always-advancing matches.
		m, err = c.re.FindNextMatch(m)
	}
	return err
}

// findFiltered is the scan of FindAll with the prefilter: regexp2 runs,
// anchored, only at positions the prefilter allows, and the matches are
// those of the unanchored scan, which tries each position in turn.
func (f *Matcher) findFiltered(c *Compiled, tags string, runes []rune) error {
	for pos := c.pre.nextStart(tags, 0); pos >= 0; pos = c.pre.nextStart(tags, pos+1) {
		m, err := c.anchored.FindRunesMatchStartingAt(runes, pos)
		if err != nil {
			return err
		}
		if m != nil && m.Length > 0 {
			f.addRegexp2Match(m)
			// The next scan starts where this match ends; after an empty
			// match it starts one further on, as the loop's step does.
			pos = m.Index + m.Length - 1
		}
	}
	return nil
}

// addRegexp2Match adds a regexp2 match with its named groups.
func (f *Matcher) addRegexp2Match(m *regexp2.Match) {
	from := len(f.groups)
	for _, g := range m.Groups()[1:] {
		if numeric(g.Name) || len(g.Captures) == 0 {
			continue
		}
		first := len(f.spans)
		for _, c := range g.Captures {
			f.spans = append(f.spans, Span{Start: c.Index, End: c.Index + c.Length})
		}
		f.groups = append(f.groups, Group{Name: g.Name, Spans: f.spans[first:len(f.spans):len(f.spans)]})
	}
	f.addMatch(m.Index, m.Index+m.Length, from)
}

// numeric reports whether a regexp2 group name is a number, which is how
// regexp2 names unnamed groups.
func numeric(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		if name[i] < '0' || name[i] > '9' {
			return false
		}
	}
	return true
}

// groupName is the syntax of a named group. Lower case keeps role names
// apart from macro names and tag bytes at a glance.
var groupName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// shapeBytes are the bytes the engine gives to tokens no class covers; a
// class tag equal to one of them could not be told apart.
const shapeBytes = `^%@~140,()-'":/.*`

// checkTag says what is wrong with a tag, or returns "".
func checkTag(tag string) string {
	if len(tag) != 1 {
		return fmt.Sprintf("tag %q must be exactly one ASCII character", tag)
	}
	b := tag[0]
	switch {
	case b <= ' ' || b >= 0x7f:
		return fmt.Sprintf("tag %q must be a visible ASCII character", tag)
	case strings.IndexByte(shapeBytes, b) >= 0:
		return fmt.Sprintf("tag %q is a shape byte (%s are reserved for tokens no class covers)", tag, shapeBytes)
	case 'a' <= b && b <= 'z':
		return fmt.Sprintf("tag %q is lower case (lower-case letters mark the inner tokens of an upper-case tag's span)", tag)
	}
	return ""
}

// xMode finds an inline option that turns on IgnorePatternWhitespace, under
// which spaces in a pattern are layout, not text.
var xMode = regexp.MustCompile(`\(\?[imnsx]*x[imnsx]*(?:-[imnsx]*)?[:)]`)

type macroDef struct {
	body string
	file string
	line int
}

// Compile merges files in order and compiles every rule.
//
// Merging: a later file's tag for a class replaces the earlier one in place
// (the class keeps its priority); a later macro replaces the earlier one of
// the same name; a later rule with an ID already seen replaces that rule in
// place. New classes and rules are appended.
//
// Checks, all reported together in an ErrorList with file, line and rule ID:
// phase is one of Phases; relation is given exactly for relations rules and
// is one of Relations; each tag is one visible ASCII byte, not a shape byte
// and not a lower-case letter, and no two classes share one; every {MACRO}
// is defined and macros do not refer to themselves; the expanded pattern
// holds no white space (unless it turns on (?x)), compiles with regexp2 and
// names its groups with lower-case identifiers.
func Compile(files []*File, opt Options) (*Set, error) {
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	var errs ErrorList
	rank := make(map[string]int)

	type tagSrc struct {
		Tag
		file string
	}
	var tags []tagSrc
	tagAt := make(map[string]int)
	macros := make(map[string]macroDef)
	var rules []Rule
	ruleAt := make(map[string]int)

	for _, f := range files {
		if f == nil {
			continue
		}
		if _, ok := rank[f.Name]; !ok {
			rank[f.Name] = len(rank)
		}
		classes := make(map[string]bool)
		for _, t := range f.Tags {
			switch {
			case t.Class == "":
				errs.add(f.Name, t.Line, "", "tags entry has no class")
				continue
			case classes[t.Class]:
				errs.add(f.Name, t.Line, "", "class %q is given a tag twice in this file", t.Class)
				continue
			}
			classes[t.Class] = true
			if i, ok := tagAt[t.Class]; ok {
				tags[i] = tagSrc{t, f.Name}
			} else {
				tagAt[t.Class] = len(tags)
				tags = append(tags, tagSrc{t, f.Name})
			}
		}
		names := make([]string, 0, len(f.Macros))
		for name := range f.Macros {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			line := f.MacroLines[name]
			if !macroName.MatchString(name) {
				errs.add(f.Name, line, "", "macro name %q must be upper-case letters, digits and _, starting with a letter", name)
				continue
			}
			macros[name] = macroDef{body: f.Macros[name], file: f.Name, line: line}
		}
		ids := make(map[string]bool)
		for _, r := range f.Rules {
			r.File = f.Name
			if msg := checkID(r.ID); msg != "" {
				errs.add(f.Name, r.Line, r.ID, "%s", msg)
				continue
			}
			if ids[r.ID] {
				errs.add(f.Name, r.Line, r.ID, "rule ID used twice in this file")
				continue
			}
			ids[r.ID] = true
			if i, ok := ruleAt[r.ID]; ok {
				rules[i] = r
			} else {
				ruleAt[r.ID] = len(rules)
				rules = append(rules, r)
			}
		}
	}

	set := &Set{phases: make(map[string][]*Compiled)}
	for _, t := range tags {
		if msg := checkTag(t.Tag.Tag); msg != "" {
			errs.add(t.file, t.Line, "", "class %q: %s", t.Class, msg)
			continue
		}
		set.tags = append(set.tags, t.Tag)
	}

	x := &expander{macros: macros, memo: make(map[string]expansion), active: make(map[string]bool)}
	for _, r := range rules {
		c, ok := compileRule(r, x, timeout, &errs)
		if !ok {
			continue
		}
		set.rules = append(set.rules, c)
		set.phases[c.Phase] = append(set.phases[c.Phase], c)
	}

	if len(errs) > 0 {
		errs.sortBy(rank)
		return nil, errs
	}
	return set, nil
}

// compileRule checks and compiles one merged rule, adding its problems to errs.
func compileRule(r Rule, x *expander, timeout time.Duration, errs *ErrorList) (*Compiled, bool) {
	n := len(*errs)
	bad := func(format string, args ...any) {
		errs.add(r.File, r.Line, r.ID, format, args...)
	}
	switch {
	case r.Phase == "":
		bad("rule has no phase")
	case !slices.Contains(Phases, r.Phase):
		bad("unknown phase %q (want one of %s)", r.Phase, strings.Join(Phases, ", "))
	case r.Phase == "relations" && r.Relation == "":
		bad("a relations rule needs a relation (one of %s)", strings.Join(Relations, ", "))
	case r.Phase == "relations" && !slices.Contains(Relations, r.Relation):
		bad("unknown relation %q (want one of %s)", r.Relation, strings.Join(Relations, ", "))
	case r.Phase != "relations" && r.Relation != "":
		bad("relation is only allowed in the relations phase")
	}
	if r.Pattern == "" {
		bad("rule has no pattern")
		return nil, false
	}
	expanded, msg := x.expand(r.Pattern)
	if msg != "" {
		bad("%s", msg)
		return nil, false
	}
	if strings.ContainsAny(expanded, " \t\r\n\f\v") && !xMode.MatchString(expanded) {
		bad("pattern contains white space, which never occurs in a tag string (a | block keeps its final newline: use |- or a quoted string)")
		return nil, false
	}
	re, err := compileRegexp(expanded)
	if err != nil {
		bad("bad pattern: %v", err)
		return nil, false
	}
	re.MatchTimeout = timeout
	var groups []string
	for _, name := range re.GetGroupNames() {
		if numeric(name) {
			continue
		}
		if !groupName.MatchString(name) {
			bad("group name %q must be a lower-case identifier ([a-z][a-z0-9_]*)", name)
			continue
		}
		groups = append(groups, name)
	}
	if len(*errs) > n {
		return nil, false
	}
	c := &Compiled{Rule: r, Expanded: expanded, re: re, groups: groups, required: required(expanded), timeout: timeout}
	c.program = newProgram(expanded, groups)
	if pre := newPrefilter(expanded); pre != nil {
		// \G anchors a match at the position it is asked to start from;
		// the group around the pattern captures nothing, so group numbers
		// stay those of re.
		if anchored, err := compileRegexp(`\G(?:` + expanded + `)`); err == nil {
			anchored.MatchTimeout = timeout
			c.pre, c.anchored = pre, anchored
			if first, ok := pre.needsFirstByte(); ok {
				c.required = append(c.required, first) // a match begins on one of them
			}
		}
	}
	c.required = essential(c.required)
	return c, true
}

// compileRegexp compiles with regexp2's default (.NET) syntax. A panic inside
// regexp2 on a strange pattern becomes an error: patterns come from users.
func compileRegexp(expr string) (re *regexp2.Regexp, err error) {
	defer func() {
		if r := recover(); r != nil {
			re, err = nil, fmt.Errorf("regexp2 failed on this pattern: %v", r)
		}
	}()
	return regexp2.Compile(expr, regexp2.None)
}

// place formats a file position for messages.
func place(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}

// expansion is the memoised result of expanding one macro: its text, or
// what is wrong with it.
type expansion struct {
	text string
	msg  string
}

// expander expands {NAME} references. Results are memoised per macro, so
// each macro is expanded once however often it is used.
type expander struct {
	macros map[string]macroDef
	memo   map[string]expansion
	active map[string]bool // macros being expanded, to find cycles
	stack  []string        // the same, in order, to show the cycle
}

// expand replaces each {NAME} in s by (?:body), recursively. It returns the
// text, or a message saying which macro is unknown or cyclic.
//
// Only an upper-case name in braces is a reference, so quantifiers such as
// {2} and {2,3} are left alone. A backslash escapes the next character, so
// \{NAME} is the literal text; \p{...} and \P{...} are Unicode classes, whose
// braces are not references either.
func (x *expander) expand(s string) (string, string) {
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\':
			j := min(i+2, len(s))
			if j == i+2 && (s[i+1] == 'p' || s[i+1] == 'P') && j < len(s) && s[j] == '{' {
				if k := strings.IndexByte(s[j:], '}'); k >= 0 {
					j += k + 1
				}
			}
			b.WriteString(s[i:j])
			i = j
		case c == '{':
			name, n := macroRef(s[i:])
			if n == 0 {
				b.WriteByte(c)
				i++
				continue
			}
			body, msg := x.macro(name)
			if msg != "" {
				return "", msg
			}
			if b.Len()+len(body)+4 > maxExpanded {
				return "", fmt.Sprintf("pattern is longer than %d bytes after macro expansion", maxExpanded)
			}
			b.WriteString("(?:")
			b.WriteString(body)
			b.WriteString(")")
			i += n
		default:
			b.WriteByte(c)
			i++
		}
		if b.Len() > maxExpanded {
			return "", fmt.Sprintf("pattern is longer than %d bytes after macro expansion", maxExpanded)
		}
	}
	return b.String(), ""
}

// macroRef returns the name of a {NAME} reference at the start of s and the
// length of the reference, or 0 when s does not start with one.
func macroRef(s string) (string, int) {
	if len(s) < 3 || s[0] != '{' || s[1] < 'A' || s[1] > 'Z' {
		return "", 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == '}':
			return s[1:i], i + 1
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_':
		default:
			return "", 0
		}
	}
	return "", 0
}

// macro returns the expansion of one macro.
func (x *expander) macro(name string) (string, string) {
	if e, ok := x.memo[name]; ok {
		return e.text, e.msg
	}
	def, ok := x.macros[name]
	if !ok {
		if len(x.stack) == 0 {
			return "", fmt.Sprintf("unknown macro {%s}", name)
		}
		user := x.stack[len(x.stack)-1]
		return "", fmt.Sprintf("unknown macro {%s} (used by macro %s at %s)", name, user, place(x.macros[user].file, x.macros[user].line))
	}
	if x.active[name] {
		i := slices.Index(x.stack, name)
		chain := append(slices.Clone(x.stack[i:]), name)
		where := make([]string, 0, len(chain)-1)
		for _, m := range chain[:len(chain)-1] {
			where = append(where, fmt.Sprintf("%s at %s", m, place(x.macros[m].file, x.macros[m].line)))
		}
		// Not memoised: the message is about the cycle as seen from here.
		return "", fmt.Sprintf("macro cycle {%s} (%s)", strings.Join(chain, "} -> {"), strings.Join(where, "; "))
	}
	x.active[name] = true
	x.stack = append(x.stack, name)
	text, msg := x.expand(def.body)
	x.stack = x.stack[:len(x.stack)-1]
	delete(x.active, name)
	x.memo[name] = expansion{text, msg}
	return text, msg
}
