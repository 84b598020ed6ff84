package rules

import (
	"encoding/binary"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
)

// A prefilter tells, in one table lookup per tag byte, whether a rule could
// match at a position of a tag string, so that the backtracking matcher
// (or regexp2), which would try every position and each of its
// lookarounds, runs only where a match may start. Most positions of most
// sentences fail every rule, and rejecting them is most of the work.
//
// The automaton recognises a superset of the rule: the pattern with its
// lookarounds dropped (each only restricts where the rest matches) and its
// groups made plain, compiled by Go's regexp/syntax and turned into a
// deterministic automaton by subset construction at Compile time. Where
// that is not possible (a back-reference, a word boundary, more states
// than maxPrefilterStates), the rule has no prefilter and every position
// is tried. Because the language is a superset, skipping a position the
// prefilter rejects never loses a match.
type prefilter struct {
	classOf       [128]uint8 // byte -> class of bytes no instruction tells apart
	classes       int
	next          []int32 // next[state*classes+class]; -1 is the dead state
	accept        []bool  // the state has matched
	acceptAtEnd   []bool  // the state has matched if the text ends here
	start, atZero int32   // the start state, and the one at offset 0
	// firstBytes are the bytes on which a match may begin: a position at
	// any other byte is rejected by one bit test, without a walk of the
	// automaton, and most positions of a sentence are.
	firstBytes ByteSet
	onlyFirst  int // the one byte of firstBytes, if it has one; -1 otherwise
}

// maxPrefilterStates and maxPrefilterWork bound the automaton of one rule
// and the instructions visited to build it, so that a user's pattern of
// unusual size costs a plain scan, not a slow New; the default rules need
// at most a few hundred states and a few hundred thousand visits.
const (
	maxPrefilterStates = 5000
	maxPrefilterWork   = 5_000_000
)

// needsFirstByte returns the bytes on which every match begins, and false
// when a match may be empty at the end of the text, where it reads none.
func (f *prefilter) needsFirstByte() (ByteSet, bool) {
	for _, s := range []int32{f.start, f.atZero} {
		if f.accept[s] || f.acceptAtEnd[s] {
			return ByteSet{}, false
		}
	}
	return f.firstBytes, true
}

// nextStart returns the first position from from on where the rule may match
// tags, or -1. A nil prefilter allows every position.
func (f *prefilter) nextStart(tags string, from int) int {
	switch {
	case from > len(tags):
		return -1
	case f == nil:
		return from
	}
	if f.onlyFirst >= 0 {
		// One first byte: IndexByte finds it faster than a test per byte.
		for i := from; i < len(tags); i++ {
			j := strings.IndexByte(tags[i:], byte(f.onlyFirst))
			if j < 0 {
				break
			}
			if i += j; f.viable(tags, i) {
				return i
			}
		}
	} else {
		for i := from; i < len(tags); i++ {
			if f.firstBytes.has(tags[i]) && f.viable(tags, i) {
				return i
			}
		}
	}
	if f.viable(tags, len(tags)) {
		return len(tags)
	}
	return -1
}

// viable reports whether the rule may match tags at byte i: whether some
// prefix of tags[i:] belongs to the superset.
func (f *prefilter) viable(tags string, i int) bool {
	s := f.start
	if i == 0 {
		s = f.atZero
	}
	for j := i; ; j++ {
		if f.accept[s] {
			return true
		}
		if j == len(tags) {
			return f.acceptAtEnd[s]
		}
		s = f.next[int(s)*f.classes+int(f.classOf[tags[j]])]
		if s < 0 {
			return false
		}
	}
}

// newPrefilter builds the prefilter of an expanded pattern, or returns nil
// when the pattern is beyond it.
func newPrefilter(expanded string) *prefilter {
	sup, ok := superset(expanded)
	if !ok {
		return nil
	}
	re, err := syntax.Parse(sup, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	b := &builder{prog: prog, f: &prefilter{}, index: map[string]int32{}, inSet: make([]uint32, len(prog.Inst))}
	if !b.byteClasses() {
		return nil
	}
	if b.f.start = b.state(uint32(prog.Start), false); b.f.start == tooMany {
		return nil
	}
	if b.f.atZero = b.state(uint32(prog.Start), true); b.f.atZero == tooMany {
		return nil
	}
	for s := 0; s < len(b.sets); s++ {
		if b.f.accept[s] {
			// A state that has matched is never stepped from.
			b.f.next = append(b.f.next, make([]int32, b.f.classes)...)
			continue
		}
		for c := 0; c < b.f.classes; c++ {
			t := b.step(b.sets[s], b.rep[c])
			if t == tooMany {
				return nil
			}
			b.f.next = append(b.f.next, t)
		}
	}
	b.f.onlyFirst = -1
	for c := byte(0); c < 0x80; c++ {
		for _, s := range []int32{b.f.start, b.f.atZero} {
			if b.f.accept[s] || b.f.next[int(s)*b.f.classes+int(b.f.classOf[c])] >= 0 {
				b.f.firstBytes.add(c)
			}
		}
	}
	for c := byte(0); c < 0x80 && b.f.firstBytes.size() == 1; c++ {
		if b.f.firstBytes.has(c) {
			b.f.onlyFirst = int(c)
		}
	}
	return b.f
}

// tooMany is the state number returned once the automaton outgrows
// maxPrefilterStates.
const tooMany = -2

// builder is the subset construction of one prefilter.
type builder struct {
	prog  *syntax.Prog
	f     *prefilter
	rep   []byte     // a byte of each class
	sets  [][]uint32 // the instructions each state stands for
	index map[string]int32
	// inSet[pc] == mark when pc is in the set being built; a new mark
	// empties the set in no time.
	inSet []uint32
	mark  uint32
	work  int // instructions visited so far
}

// byteClasses splits ASCII into classes of bytes that every consuming
// instruction treats alike, and refuses programs with assertions other than
// the start and end of the text (tag strings hold no lines or words).
func (b *builder) byteClasses() bool {
	var consuming []*syntax.Inst
	for i := range b.prog.Inst {
		in := &b.prog.Inst[i]
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			consuming = append(consuming, in)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg)&^(syntax.EmptyBeginText|syntax.EmptyEndText) != 0 {
				return false
			}
		}
	}
	seen := map[string]uint8{}
	sig := make([]byte, len(consuming))
	for c := 0; c < 128; c++ {
		for k, in := range consuming {
			sig[k] = '0'
			if in.MatchRune(rune(c)) {
				sig[k] = '1'
			}
		}
		class, ok := seen[string(sig)]
		if !ok {
			class = uint8(len(seen))
			seen[string(sig)] = class
			b.rep = append(b.rep, byte(c))
		}
		b.f.classOf[c] = class
	}
	b.f.classes = len(b.rep)
	return true
}

// state returns the number of the state reached by following the empty
// transitions from pc, adding it if it is new.
func (b *builder) state(pc uint32, atZero bool) int32 {
	var set []uint32
	b.mark++
	b.closure(pc, atZero, &set)
	return b.intern(set)
}

// step returns the state reached from set on a byte.
func (b *builder) step(set []uint32, c byte) int32 {
	var out []uint32
	b.mark++
	for _, pc := range set {
		in := &b.prog.Inst[pc]
		if in.Op != syntax.InstEmptyWidth && in.Op != syntax.InstMatch && in.MatchRune(rune(c)) {
			b.closure(in.Out, false, &out)
		}
	}
	if b.work > maxPrefilterWork {
		return tooMany
	}
	if len(out) == 0 {
		return -1
	}
	return b.intern(out)
}

// closure adds pc and every instruction reachable from it without reading
// a byte. An end-of-text assertion stays in the set, to be passed only when
// the text ends.
func (b *builder) closure(pc uint32, atZero bool, set *[]uint32) {
	if b.inSet[pc] == b.mark {
		return
	}
	b.inSet[pc] = b.mark
	b.work++
	in := &b.prog.Inst[pc]
	switch in.Op {
	case syntax.InstFail:
	case syntax.InstAlt, syntax.InstAltMatch:
		*set = append(*set, pc)
		b.closure(in.Out, atZero, set)
		b.closure(in.Arg, atZero, set)
	case syntax.InstCapture, syntax.InstNop:
		*set = append(*set, pc)
		b.closure(in.Out, atZero, set)
	case syntax.InstEmptyWidth:
		op := syntax.EmptyOp(in.Arg)
		if op&syntax.EmptyBeginText != 0 && !atZero {
			return
		}
		*set = append(*set, pc)
		if op&syntax.EmptyEndText == 0 {
			b.closure(in.Out, atZero, set)
		}
	default:
		*set = append(*set, pc)
	}
}

// intern numbers a set of instructions, adding a state for a new one.
func (b *builder) intern(set []uint32) int32 {
	// Only consuming instructions, matches and pending assertions tell
	// states apart.
	key := make([]uint32, 0, len(set))
	for _, pc := range set {
		switch b.prog.Inst[pc].Op {
		case syntax.InstAlt, syntax.InstAltMatch, syntax.InstCapture, syntax.InstNop:
		default:
			key = append(key, pc)
		}
	}
	slices.Sort(key)
	var kb []byte
	for _, pc := range key {
		kb = binary.LittleEndian.AppendUint32(kb, pc)
	}
	if s, ok := b.index[string(kb)]; ok {
		return s
	}
	if len(b.sets) == maxPrefilterStates {
		return tooMany
	}
	s := int32(len(b.sets))
	b.index[string(kb)] = s
	b.sets = append(b.sets, key)
	accept, atEnd := false, false
	for _, pc := range key {
		in := &b.prog.Inst[pc]
		switch in.Op {
		case syntax.InstMatch:
			accept = true
		case syntax.InstEmptyWidth:
			atEnd = atEnd || b.matchesAtEnd(in.Out, map[uint32]bool{})
		}
	}
	b.f.accept = append(b.f.accept, accept)
	b.f.acceptAtEnd = append(b.f.acceptAtEnd, accept || atEnd)
	return s
}

// matchesAtEnd reports whether pc reaches a match without reading a byte
// when the text ends there (and does not begin there: an empty text is not
// filtered).
func (b *builder) matchesAtEnd(pc uint32, seen map[uint32]bool) bool {
	if seen[pc] {
		return false
	}
	seen[pc] = true
	in := &b.prog.Inst[pc]
	switch in.Op {
	case syntax.InstMatch:
		return true
	case syntax.InstAlt, syntax.InstAltMatch:
		return b.matchesAtEnd(in.Out, seen) || b.matchesAtEnd(in.Arg, seen)
	case syntax.InstCapture, syntax.InstNop:
		return b.matchesAtEnd(in.Out, seen)
	case syntax.InstEmptyWidth:
		if syntax.EmptyOp(in.Arg)&syntax.EmptyBeginText != 0 {
			return false
		}
		return b.matchesAtEnd(in.Out, seen)
	}
	return false
}

// superset rewrites a regexp2 (.NET) pattern into Go syntax for a language
// that contains it: lookarounds are dropped, with any quantifier on them,
// and named and atomic groups become plain groups. It refuses what it does
// not know to be the same in both syntaxes: back-references, conditionals,
// inline options, class subtraction, and escapes of letters other than a
// few shared classes.
func superset(p string) (string, bool) {
	return toGo(p, supersetSyntax)
}

// goSyntax says how toGo writes what Go's syntax lacks.
type goSyntax struct {
	// marks, when not nil, makes toGo keep named groups as (?P<name>...)
	// and write each lookaround and atomic group as a group named _m<n>
	// whose kind ("=", "!", "<=", "<!", ">") it appends as (*marks)[n], for
	// the backtracking matcher to read back. Otherwise lookarounds are
	// dropped and groups made plain, for a superset.
	marks *[]string
}

var supersetSyntax = goSyntax{}

// toGo rewrites a regexp2 pattern into Go syntax as mode says, or reports
// that it cannot.
func toGo(p string, mode goSyntax) (string, bool) {
	var b strings.Builder
	mark := func(kind string) {
		fmt.Fprintf(&b, "(?P<_m%d>", len(*mode.marks))
		*mode.marks = append(*mode.marks, kind)
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\':
			if i+1 >= len(p) {
				return "", false
			}
			e := p[i+1]
			if isAlnum(e) && !strings.ContainsRune("dDwW", rune(e)) {
				return "", false
			}
			b.WriteString(p[i : i+2])
			i++
		case c == '[':
			end, ok := classEnd(p, i)
			if !ok {
				return "", false
			}
			b.WriteString(p[i:end])
			i = end - 1
		case c == '{' && !countedRepeat.MatchString(p[i:]):
			// The syntaxes differ on braces that are not a plain count
			// ("{01}" is a count in .NET, text in Go).
			return "", false
		case c == '(' && strings.HasPrefix(p[i:], "(?"):
			rest := p[i+2:]
			switch {
			case strings.HasPrefix(rest, "="), strings.HasPrefix(rest, "!"),
				strings.HasPrefix(rest, "<="), strings.HasPrefix(rest, "<!"):
				end, ok := groupEnd(p, i)
				if !ok {
					return "", false
				}
				if end < len(p) && strings.IndexByte("*+?{", p[end]) >= 0 {
					return "", false // a quantified lookaround: rare, not worth it
				}
				kind := rest[:1]
				if kind == "<" {
					kind = rest[:2]
				}
				switch {
				case mode.marks != nil:
					mark(kind)
					i += 1 + len(kind)
				case end == len(p) && kind == "=":
					// A lookahead that ends the pattern reads what follows
					// the match: for where a match may start, it may as well
					// be consumed.
					b.WriteString("(?:")
					i += 2
				default:
					if set, ok := oneByteOf(p[i+3 : end-1]); end == len(p) && kind == "!" && ok {
						// So may a final negative lookahead of single bytes
						// ("not followed by a digit"): any other byte, or the end.
						b.WriteString("(?:[^" + classOf(set) + "]|$)")
					}
					i = end - 1
				}
			case strings.HasPrefix(rest, ">") && mode.marks != nil:
				mark(">")
				i += 2
			case strings.HasPrefix(rest, ":"), strings.HasPrefix(rest, ">"):
				b.WriteString("(?:")
				i += 2
			case strings.HasPrefix(rest, "<"):
				name := strings.IndexByte(rest, '>')
				if name < 0 {
					return "", false
				}
				if mode.marks != nil {
					b.WriteString("(?P<" + rest[1:name] + ">")
				} else {
					b.WriteString("(?:")
				}
				i += 2 + name
			default:
				return "", false
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// countedRepeat is a count both syntaxes read alike: "{2}", "{2,}", "{2,5}".
var countedRepeat = regexp.MustCompile(`^\{(?:0|[1-9][0-9]{0,2})(?:,(?:(?:0|[1-9][0-9]{0,2}))?)?\}`)

// classEnd returns the index after the character class opening at i.
func classEnd(p string, i int) (int, bool) {
	j := i + 1
	if j < len(p) && p[j] == '^' {
		j++
	}
	if j < len(p) && p[j] == ']' {
		return 0, false // a leading ] differs between the syntaxes
	}
	for ; j < len(p); j++ {
		switch p[j] {
		case '\\':
			if j+1 < len(p) && isAlnum(p[j+1]) && !strings.ContainsRune("dDwW", rune(p[j+1])) {
				return 0, false
			}
			j++
		case '[':
			return 0, false // subtraction, or a POSIX-looking class
		case ']':
			return j + 1, true
		}
	}
	return 0, false
}

// groupEnd returns the index after the group opening at i.
func groupEnd(p string, i int) (int, bool) {
	depth := 0
	for j := i; j < len(p); j++ {
		switch p[j] {
		case '\\':
			j++
		case '[':
			end, ok := classEnd(p, j)
			if !ok {
				return 0, false
			}
			j = end - 1
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j + 1, true
			}
		}
	}
	return 0, false
}

// oneByteOf reads a pattern made of single-byte alternatives ("[014]|[NG]",
// "x|\\(", "(?:[NG])|-") and returns the bytes it matches; ok is false for
// any other pattern.
func oneByteOf(p string) (set ByteSet, ok bool) {
	r := &reqParser{s: p}
	for {
		var one ByteSet
		switch {
		case r.i >= len(r.s) || strings.IndexByte("|.^$", r.s[r.i]) >= 0:
			return set, false
		case strings.HasPrefix(r.s[r.i:], "(?:"):
			end, ok := groupEnd(r.s, r.i)
			if !ok {
				return set, false
			}
			if one, ok = oneByteOf(r.s[r.i+3 : end-1]); !ok {
				return set, false
			}
			r.i = end
		case r.s[r.i] == '(':
			return set, false
		default:
			atom, ok := r.atom()
			if !ok || len(atom) != 1 {
				return set, false // a negated class, an escape of a letter
			}
			one = atom[0]
		}
		set = set.union(one)
		switch {
		case r.i == len(r.s):
			return set, true
		case r.s[r.i] != '|':
			return set, false // a quantifier, or a second atom
		}
		r.i++
	}
}

// classOf writes a set of bytes as the inside of a character class.
func classOf(set ByteSet) string {
	var b strings.Builder
	for c := 0; c < 0x80; c++ {
		if set.has(byte(c)) {
			fmt.Fprintf(&b, `\x%02x`, c)
		}
	}
	return b.String()
}
