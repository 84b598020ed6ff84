package rules

import (
	"regexp/syntax"
	"strconv"
	"strings"
	"time"
)

// The backtracking matcher runs a rule over a tag string the way regexp2
// does, with the same leftmost-first choices, lookarounds, atomic groups
// and .NET captures (every capture of a repeated group, in the order they
// were made), but over bytes, with no allocation per match and none of
// regexp2's per-call set-up, which cost more than the matching itself on
// sentences of a few dozen tags.
//
// A pattern is read by Go's regexp/syntax after toGo has written its
// lookarounds and atomic groups as specially named groups (markedSyntax);
// newProgram turns that tree into nodes and refuses what it does not model
// (a back-reference never gets this far; a capture inside a lookbehind,
// which .NET fills right to left, and text that is not ASCII do), leaving
// the rule to regexp2. Tests compare the two on every default rule.

// nodeKind is what a node of a program matches.
type nodeKind uint8

const (
	nodeFail      nodeKind = iota // matches nothing
	nodeEmpty                     // matches the empty string
	nodeByte                      // one byte of a set
	nodeLiteral                   // a string of bytes
	nodeBegin                     // the start of the text
	nodeEnd                       // the end of the text
	nodeConcat                    // each sub in turn
	nodeAlternate                 // the first sub that leads to a match
	nodeRepeat                    // sub from min to max times (max < 0: no bound)
	nodeCapture                   // sub, recorded as a capture of a named group
	nodeGroup                     // sub, recorded nowhere (an unnamed group)
	nodeAhead                     // sub must match here, reading nothing
	nodeNotAhead                  // sub must not match here
	nodeBehind                    // sub must match ending here
	nodeNotBehind                 // sub must not match ending here
	nodeAtomic                    // the first match of sub, never revisited
	nodeEndAt                     // a lookbehind's end: succeeds at one position only
)

// node is one step of a program.
type node struct {
	kind     nodeKind
	set      ByteSet // nodeByte
	literal  string  // nodeLiteral
	sub      []*node
	min, max int  // nodeRepeat
	greedy   bool // nodeRepeat
	group    int  // nodeCapture: the index of the named group in Compiled.groups
	// first holds the bytes a match of the node can start with, unless the
	// node is nullable (it can match reading nothing, or is an assertion);
	// match rejects at once a node that cannot start at the next byte,
	// which spares most branches of the large alternations rules expand to.
	first    ByteSet
	nullable bool
	// minWidth and maxWidth bound how many bytes sub of a lookbehind reads
	// (maxWidth < 0: no bound), so that it is tried only from starts that
	// could end here.
	minWidth, maxWidth int
}

// program is a pattern ready for the backtracking matcher.
type program struct {
	root *node
}

// newProgram builds the program of an expanded pattern whose named groups
// are groups, in group-number order, or returns nil when the matcher does
// not model the pattern.
func newProgram(expanded string, groups []string) *program {
	var marks []string
	pattern, ok := toGo(expanded, goSyntax{marks: &marks})
	if !ok {
		return nil
	}
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	b := programBuilder{marks: marks, groups: groups}
	root := b.node(tree, false)
	if b.refused {
		return nil
	}
	setFirst(root)
	return &program{root: compact(root)}
}

// compact copies the tree under root into one array, in the order the
// matcher walks it, so that the nodes of a rule sit together in memory
// rather than wherever the builder's allocations fell among others.
func compact(root *node) *node {
	count, subs := 0, 0
	var measure func(n *node)
	measure = func(n *node) {
		count++
		subs += len(n.sub)
		for _, s := range n.sub {
			measure(s)
		}
	}
	measure(root)
	nodes, pointers := make([]node, 0, count), make([]*node, 0, subs)
	var place func(n *node) *node
	place = func(n *node) *node {
		nodes = append(nodes, *n)
		at := &nodes[len(nodes)-1]
		if len(n.sub) > 0 {
			first := len(pointers)
			pointers = pointers[:first+len(n.sub)]
			at.sub = pointers[first:len(pointers):len(pointers)]
			for i, s := range n.sub {
				at.sub[i] = place(s)
			}
		}
		return at
	}
	return place(root)
}

// setFirst fills in first and nullable for n and the nodes below it.
func setFirst(n *node) {
	for _, sub := range n.sub {
		setFirst(sub)
	}
	switch n.kind {
	case nodeFail:
	case nodeByte:
		n.first = n.set
	case nodeLiteral:
		n.first.add(n.literal[0])
	case nodeConcat:
		n.nullable = true
		for _, sub := range n.sub {
			n.first = n.first.union(sub.first)
			if !sub.nullable {
				n.nullable = false
				break
			}
		}
	case nodeAlternate:
		for _, sub := range n.sub {
			n.first = n.first.union(sub.first)
			n.nullable = n.nullable || sub.nullable
		}
	case nodeRepeat:
		n.first, n.nullable = n.sub[0].first, n.min == 0 || n.sub[0].nullable
	case nodeCapture, nodeGroup, nodeAtomic:
		n.first, n.nullable = n.sub[0].first, n.sub[0].nullable
	default: // the empty string, assertions and lookarounds read nothing
		n.nullable = true
	}
}

// programBuilder turns a syntax tree into nodes.
type programBuilder struct {
	marks   []string
	groups  []string
	refused bool
}

// node converts re; behind reports that re sits inside a lookbehind.
func (b *programBuilder) node(re *syntax.Regexp, behind bool) *node {
	subs := func(behind bool) []*node {
		out := make([]*node, len(re.Sub))
		for i, s := range re.Sub {
			out[i] = b.node(s, behind)
		}
		return out
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return &node{kind: nodeFail}
	case syntax.OpEmptyMatch:
		return &node{kind: nodeEmpty}
	case syntax.OpLiteral:
		// Go's parser writes a class of one letter in both cases ("[Ll]")
		// as a literal that folds case.
		fold := re.Flags&syntax.FoldCase != 0
		var lit []byte
		var sets []*node
		for _, r := range re.Rune {
			if r >= 0x80 {
				b.refused = true // never seen in a tag string
				return nil
			}
			lit = append(lit, byte(r))
			var set ByteSet
			set.add(byte(r))
			if fold {
				set.add(upper(byte(r)))
				set.add(lower(byte(r)))
			}
			sets = append(sets, &node{kind: nodeByte, set: set})
		}
		switch {
		case len(sets) == 1:
			return sets[0]
		case fold:
			return &node{kind: nodeConcat, sub: sets}
		}
		return &node{kind: nodeLiteral, literal: string(lit)}
	case syntax.OpCharClass:
		var set ByteSet
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1] && r < 0x80; r++ {
				set.add(byte(r))
			}
		}
		return &node{kind: nodeByte, set: set}
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		var set ByteSet
		for c := 0; c < 0x80; c++ {
			if c != '\n' || re.Op == syntax.OpAnyChar {
				set.add(byte(c))
			}
		}
		return &node{kind: nodeByte, set: set}
	case syntax.OpBeginText:
		return &node{kind: nodeBegin}
	case syntax.OpEndText:
		return &node{kind: nodeEnd}
	case syntax.OpConcat:
		return &node{kind: nodeConcat, sub: subs(behind)}
	case syntax.OpAlternate:
		return &node{kind: nodeAlternate, sub: subs(behind)}
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		n := &node{kind: nodeRepeat, sub: subs(behind), greedy: re.Flags&syntax.NonGreedy == 0}
		switch re.Op {
		case syntax.OpStar:
			n.min, n.max = 0, -1
		case syntax.OpPlus:
			n.min, n.max = 1, -1
		case syntax.OpQuest:
			n.min, n.max = 0, 1
		default:
			n.min, n.max = re.Min, re.Max
		}
		return n
	case syntax.OpCapture:
		return b.capture(re, behind)
	}

	// Line and word assertions: toGo lets none through, but a pattern
	// must not be misread if it ever does.
	b.refused = true
	return nil
}

// capture converts a group: a named group, an unnamed one, or a lookaround
// or atomic group that toGo marked.
func (b *programBuilder) capture(re *syntax.Regexp, behind bool) *node {
	if mark, ok := strings.CutPrefix(re.Name, "_m"); ok {
		index, _ := strconv.Atoi(mark) // toGo wrote it
		kind := b.marks[index]
		inner := kind == "<=" || kind == "<!"
		sub := b.node(re.Sub[0], behind || inner)
		n := &node{sub: []*node{sub}}
		switch kind {
		case "=":
			n.kind = nodeAhead
		case "!":
			n.kind = nodeNotAhead
		case "<=":
			n.kind = nodeBehind
		case "<!":
			n.kind = nodeNotBehind
		default:
			n.kind = nodeAtomic
		}
		if inner && !b.refused {
			n.minWidth, n.maxWidth = widths(sub)
		}
		return n
	}
	sub := b.node(re.Sub[0], behind)
	if re.Name == "" {
		return &node{kind: nodeGroup, sub: []*node{sub}}
	}
	if behind {
		// .NET fills captures inside a lookbehind matching right to left,
		// which this matcher does not imitate.
		b.refused = true
		return nil
	}
	for i, g := range b.groups {
		if g == re.Name {
			return &node{kind: nodeCapture, sub: []*node{sub}, group: i}
		}
	}
	b.refused = true
	return nil
}

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c - 'A' + 'a'
	}
	return c
}

// widths returns the fewest and the most bytes n can read; most is -1 when
// there is no bound.
func widths(n *node) (least, most int) {
	switch n.kind {
	case nodeByte:
		return 1, 1
	case nodeLiteral:
		return len(n.literal), len(n.literal)
	case nodeConcat:
		for _, s := range n.sub {
			l, m := widths(s)
			least += l
			if most >= 0 {
				most = addWidth(most, m)
			}
		}
		return least, most
	case nodeAlternate:
		least = -1
		for _, s := range n.sub {
			l, m := widths(s)
			if least < 0 || l < least {
				least = l
			}
			if most >= 0 && (m < 0 || m > most) {
				most = m
			}
		}
		return max(least, 0), most
	case nodeRepeat:
		l, m := widths(n.sub[0])
		least = l * n.min
		switch {
		case n.max < 0 && m != 0:
			return least, -1
		case m < 0:
			return least, -1
		default:
			return least, m * max(n.max, 0)
		}
	case nodeCapture, nodeGroup, nodeAtomic:
		return widths(n.sub[0])
	}
	return 0, 0 // assertions and lookarounds read nothing
}

func addWidth(a, b int) int {
	if b < 0 {
		return -1
	}
	return a + b
}

// capture is one capture of a named group.
type capture struct {
	group      int32
	start, end int32
}

// matcher holds the state of matching one program over one tag string.
// Captures go to a log, in the order they are made; a path that fails
// truncates the log back to where it started.
type matcher struct {
	s        string
	log      []capture
	end      int // where the last successful sub-match ended
	steps    int
	started  time.Time
	timeout  time.Duration
	timedOut bool
}

// cont is what remains to match after a node: the rest of a concatenation,
// the next round of a repetition, the close of a capture, or the end of a
// lookbehind. Conts live on the Go stack of the recursion.
type cont struct {
	n     *node
	i     int // nodeConcat: the next sub; nodeRepeat: rounds done
	start int // nodeRepeat: where the round began; nodeCapture: where the group began
	next  *cont
}

// A step is a choice the matcher may come back to: a branch of an
// alternation, a round of a repetition, an end of a run of bytes, a start
// of a lookbehind. Between two choices it does work bounded by the size of
// the pattern, so counting choices bounds the time of a match.

// checkEvery is how many steps run between two looks at the clock.
const checkEvery = 1 << 12

// step counts one step and reports whether the match may go on.
func (m *matcher) step() bool {
	m.steps++
	if m.steps%checkEvery != 0 {
		return !m.timedOut
	}
	if m.started.IsZero() {
		m.started = time.Now()
	} else if m.timeout > 0 && time.Since(m.started) > m.timeout {
		m.timedOut = true
	}
	return !m.timedOut
}

// matchAt reports whether the program matches s at pos, leaving the end of
// the match in m.end and its captures in m.log.
func (m *matcher) matchAt(p *program, pos int) bool {
	m.log = m.log[:0]
	m.steps, m.started = 0, time.Time{}
	return m.match(p.root, pos, nil)
}

// canStart reports whether n may match at pos, by its first byte. Callers
// in the hot loops ask it before the call to match, which asks it again.
func (m *matcher) canStart(n *node, pos int) bool {
	return n.nullable || pos < len(m.s) && n.first.has(m.s[pos])
}

// match reports whether n matches at pos and k matches after it.
func (m *matcher) match(n *node, pos int, k *cont) bool {
	if !m.canStart(n, pos) {
		return false
	}
	switch n.kind {
	case nodeEmpty:
		return m.resume(k, pos)
	case nodeByte:
		return pos < len(m.s) && n.set.has(m.s[pos]) && m.resume(k, pos+1)
	case nodeLiteral:
		return strings.HasPrefix(m.s[pos:], n.literal) && m.resume(k, pos+len(n.literal))
	case nodeBegin:
		return pos == 0 && m.resume(k, pos)
	case nodeEnd:
		return pos == len(m.s) && m.resume(k, pos)
	case nodeConcat:
		return m.resume(&cont{n: n, next: k}, pos)
	case nodeAlternate:
		mark := len(m.log)
		for _, sub := range n.sub {
			if !m.canStart(sub, pos) {
				continue
			}
			if !m.step() {
				return false
			}
			if m.match(sub, pos, k) {
				return true
			}
			m.log = m.log[:mark]
			if m.timedOut {
				return false
			}
		}
		return false
	case nodeRepeat:
		if n.sub[0].kind == nodeByte {
			return m.byteRun(n, pos, k)
		}
		return m.round(n, 0, pos, k)
	case nodeCapture, nodeGroup:
		return m.match(n.sub[0], pos, &cont{n: n, start: pos, next: k})
	case nodeAhead, nodeNotAhead:
		mark := len(m.log)
		found := m.match(n.sub[0], pos, nil)
		if found != (n.kind == nodeAhead) {
			m.log = m.log[:mark]
			return false
		}
		if n.kind == nodeNotAhead {
			m.log = m.log[:mark] // a failed lookahead keeps no captures
		}
		if m.resume(k, pos) {
			return true
		}
		m.log = m.log[:mark]
		return false
	case nodeBehind, nodeNotBehind:
		if m.behind(n, pos) != (n.kind == nodeBehind) {
			return false
		}
		return m.resume(k, pos)
	case nodeAtomic:
		mark := len(m.log)
		if !m.match(n.sub[0], pos, nil) {
			m.log = m.log[:mark]
			return false
		}
		if m.resume(k, m.end) {
			return true
		}
		m.log = m.log[:mark]
		return false
	}
	return false // nodeFail
}

// lookbehindEnd continues a lookbehind's sub: it succeeds only where the
// lookbehind stands.
var lookbehindEnd = &node{kind: nodeEndAt}

// behind reports whether the lookbehind n's sub matches a stretch of text
// that ends at pos.
func (m *matcher) behind(n *node, pos int) bool {
	from := 0
	if n.maxWidth >= 0 {
		from = max(pos-n.maxWidth, 0)
	}
	end := &cont{n: lookbehindEnd, start: pos}
	for start := pos - n.minWidth; start >= from; start-- {
		if !m.step() {
			return false
		}
		if m.match(n.sub[0], start, end) {
			return true
		}
		if m.timedOut {
			return false
		}
	}
	return false
}

// byteRun matches a repetition of one byte of a set ("o*", "[NG]{1,3}"),
// the commonest repetition in rules, without a call per byte: it finds how
// far the run goes, then tries what follows from each possible end, the
// longest first when greedy.
func (m *matcher) byteRun(n *node, pos int, k *cont) bool {
	set := n.sub[0].set
	end := pos
	for end < len(m.s) && (n.max < 0 || end-pos < n.max) && set.has(m.s[end]) {
		end++
	}
	least := pos + n.min
	mark := len(m.log)
	for i := range end - least + 1 {
		e := least + i
		if n.greedy {
			e = end - i
		}
		if !m.mayResume(k, e) {
			continue
		}
		if m.resume(k, e) {
			return true
		}
		m.log = m.log[:mark]
		if !m.step() {
			return false
		}
	}
	return false
}

// mayResume reports whether what k says remains may match from pos: it is
// false only when the next node of a concatenation cannot start there,
// which spares a repetition the call for each end it would try in vain.
func (m *matcher) mayResume(k *cont, pos int) bool {
	if k == nil || k.n.kind != nodeConcat || k.i >= len(k.n.sub) {
		return true
	}
	return m.canStart(k.n.sub[k.i], pos)
}

// round continues a repetition after done rounds, ending at pos: greedy
// repetitions try one more round before what follows, lazy ones after.
func (m *matcher) round(n *node, done, pos int, k *cont) bool {
	if !m.step() {
		return false
	}
	canStop := done >= n.min
	canGo := n.max < 0 || done < n.max
	mark := len(m.log)
	if n.greedy {
		if canGo && m.match(n.sub[0], pos, &cont{n: n, i: done + 1, start: pos, next: k}) {
			return true
		}
		m.log = m.log[:mark]
		return canStop && !m.timedOut && m.resume(k, pos)
	}
	if canStop && m.resume(k, pos) {
		return true
	}
	m.log = m.log[:mark]
	return canGo && !m.timedOut && m.match(n.sub[0], pos, &cont{n: n, i: done + 1, start: pos, next: k})
}

// resume matches what k says remains, from pos.
func (m *matcher) resume(k *cont, pos int) bool {
	if k == nil {
		m.end = pos
		return true
	}
	n := k.n
	switch n.kind {
	case nodeConcat:
		// Single bytes leave nothing to backtrack into: they are read
		// here, without a call each.
		i := k.i
		for ; i < len(n.sub) && n.sub[i].kind == nodeByte; i++ {
			if pos == len(m.s) || !n.sub[i].set.has(m.s[pos]) {
				return false
			}
			pos++
		}
		if i == len(n.sub) {
			return m.resume(k.next, pos)
		}
		return m.canStart(n.sub[i], pos) && m.match(n.sub[i], pos, &cont{n: n, i: i + 1, next: k.next})
	case nodeRepeat:
		if pos == k.start && k.i >= n.min {
			// A round that read nothing ends the repetition once it has
			// its fewest rounds, as in .NET: another would read nothing again.
			return m.resume(k.next, pos)
		}
		return m.round(n, k.i, pos, k.next)
	case nodeCapture:
		mark := len(m.log)
		m.log = append(m.log, capture{group: int32(n.group), start: int32(k.start), end: int32(pos)})
		if m.resume(k.next, pos) {
			return true
		}
		m.log = m.log[:mark]
		return false
	case nodeGroup:
		return m.resume(k.next, pos)
	case nodeEndAt:
		return pos == k.start
	}
	return false
}
