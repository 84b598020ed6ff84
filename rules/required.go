package rules

import (
	"math/bits"
	"slices"
)

// ByteSet is a set of ASCII bytes: the bytes a tag string holds, or the
// bytes of which a match needs at least one.
type ByteSet [2]uint64

func (s *ByteSet) add(b byte) {
	if b < 0x80 {
		s[b>>6] |= 1 << (b & 63)
	}
}

func (s ByteSet) has(b byte) bool      { return b < 0x80 && s[b>>6&1]&(1<<(b&63)) != 0 }
func (s ByteSet) meets(o ByteSet) bool { return s[0]&o[0] != 0 || s[1]&o[1] != 0 }
func (s ByteSet) union(o ByteSet) ByteSet {
	return ByteSet{s[0] | o[0], s[1] | o[1]}
}
func (s ByteSet) size() int { return bits.OnesCount64(s[0]) + bits.OnesCount64(s[1]) }

// essential orders required sets for MayMatch, the smallest first (they
// are the likeliest to miss a sentence, which ends the check at once), and
// drops each set that holds another: a sentence that meets the smaller
// meets it too.
func essential(sets []ByteSet) []ByteSet {
	slices.SortStableFunc(sets, func(x, y ByteSet) int { return x.size() - y.size() })
	var out []ByteSet
	for _, s := range sets {
		if !slices.ContainsFunc(out, s.holds) {
			out = append(out, s)
		}
	}
	return out
}

// holds reports whether every byte of o is in s.
func (s ByteSet) holds(o ByteSet) bool { return s[0]&o[0] == o[0] && s[1]&o[1] == o[1] }

// maxRequired bounds the sets kept for one pattern: an alternation
// multiplies its branches' sets, and a few selective ones are enough to
// reject most sentences.
const maxRequired = 16

// MayMatch reports whether a string holding the bytes present could match
// the rule: it is false only when some byte the pattern needs is absent.
// The engine uses it to skip the regexp on most sentences; a true answer
// promises nothing.
func (c *Compiled) MayMatch(present ByteSet) bool {
	for _, need := range c.required {
		if !need.meets(present) {
			return false
		}
	}
	return true
}

// required derives from an expanded pattern what every match must contain:
// a list of byte sets, each of which the input must meet (hold at least one
// byte of). Positive lookarounds count, since they too read the input;
// negative ones, optional parts and anything it does not understand
// (options, conditionals, escapes of letters it does not know) count for
// nothing, so the result is sound: it may miss a requirement, never invent
// one.
func required(pattern string) []ByteSet {
	p := &reqParser{s: pattern}
	reqs, ok := p.alternation()
	if !ok || p.i != len(p.s) {
		return nil
	}
	return reqs
}

// reqParser is a recursive-descent reading of regexp2's (.NET) syntax, just
// deep enough to find required bytes.
type reqParser struct {
	s string
	i int
}

// alternation reads branches separated by | up to ) or the end.
func (p *reqParser) alternation() ([]ByteSet, bool) {
	reqs, ok := p.concatenation()
	if !ok {
		return nil, false
	}
	for p.i < len(p.s) && p.s[p.i] == '|' {
		p.i++
		next, ok := p.concatenation()
		if !ok {
			return nil, false
		}
		reqs = either(reqs, next)
	}
	return reqs, true
}

// either is what one of two branches needs, whichever matched: for every
// pair of sets, their union.
func either(a, b []ByteSet) []ByteSet {
	var out []ByteSet
	for _, x := range a {
		for _, y := range b {
			if u := x.union(y); !slices.Contains(out, u) {
				out = append(out, u)
			}
		}
	}
	if len(out) > maxRequired {
		slices.SortStableFunc(out, func(x, y ByteSet) int { return x.size() - y.size() })
		out = out[:maxRequired]
	}
	return out
}

// concatenation reads atoms with their quantifiers up to | or ) or the end.
func (p *reqParser) concatenation() ([]ByteSet, bool) {
	var reqs []ByteSet
	for p.i < len(p.s) && p.s[p.i] != '|' && p.s[p.i] != ')' {
		atom, ok := p.atom()
		if !ok {
			return nil, false
		}
		least, ok := p.quantifier()
		if !ok {
			return nil, false
		}
		if least > 0 {
			for _, need := range atom {
				if !slices.Contains(reqs, need) {
					reqs = append(reqs, need)
				}
			}
		}
	}
	return reqs, true
}

// quantifier reads an optional quantifier and returns its minimum count
// (1 when there is none).
func (p *reqParser) quantifier() (int, bool) {
	if p.i >= len(p.s) {
		return 1, true
	}
	least := 1
	switch p.s[p.i] {
	case '*', '?':
		least = 0
		p.i++
	case '+':
		p.i++
	case '{':
		n, end, ok := braces(p.s[p.i:])
		if !ok {
			return 1, true // a literal brace, read as the next atom
		}
		least = n
		p.i += end
	default:
		return 1, true
	}
	if p.i < len(p.s) && p.s[p.i] == '?' {
		p.i++ // lazy
	}
	return least, true
}

// braces reads a {n}, {n,} or {n,m} quantifier at the start of s and
// returns n and its length.
func braces(s string) (n, length int, ok bool) {
	i, digits := 1, 0
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		n = min(n*10+int(s[i]-'0'), 1<<20)
		digits++
	}
	if digits == 0 {
		return 0, 0, false
	}
	if i < len(s) && s[i] == ',' {
		for i++; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		}
	}
	if i >= len(s) || s[i] != '}' {
		return 0, 0, false
	}
	return n, i + 1, true
}

// atom reads one atom: a group, a class, an escape or a literal.
func (p *reqParser) atom() ([]ByteSet, bool) {
	c := p.s[p.i]
	switch c {
	case '(':
		return p.group()
	case '[':
		return p.class()
	case '\\':
		return p.escape()
	case '.', '^', '$':
		p.i++
		return nil, true
	case '*', '+', '?':
		return nil, false // a quantifier with nothing to repeat
	}
	p.i++
	var set ByteSet
	set.add(c)
	return []ByteSet{set}, true
}

// group reads a parenthesised group.
func (p *reqParser) group() ([]ByteSet, bool) {
	p.i++ // (
	counts := true
	if p.i < len(p.s) && p.s[p.i] == '?' {
		rest := p.s[p.i+1:]
		switch {
		case hasPrefix(rest, ":"), hasPrefix(rest, ">"), hasPrefix(rest, "="):
			p.i += 2
		case hasPrefix(rest, "!"):
			p.i += 2
			counts = false
		case hasPrefix(rest, "<="):
			p.i += 3
		case hasPrefix(rest, "<!"):
			p.i += 3
			counts = false
		case hasPrefix(rest, "<"):
			end := p.groupName(p.i+2, '>')
			if end < 0 {
				return nil, false
			}
			p.i = end
		default:
			// Inline options, comments, conditionals, balancing groups:
			// rare in rules, and not worth a wrong guess.
			return nil, false
		}
	}
	reqs, ok := p.alternation()
	if !ok || p.i >= len(p.s) || p.s[p.i] != ')' {
		return nil, false
	}
	p.i++
	if !counts {
		return nil, true
	}
	return reqs, true
}

// groupName returns the index after a group name that starts at i and
// ends with close, or -1 when there is none there.
func (p *reqParser) groupName(i int, close byte) int {
	start := i
	for ; i < len(p.s); i++ {
		c := p.s[i]
		switch {
		case c == close:
			if i == start {
				return -1
			}
			return i + 1
		case c == '_', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		default:
			return -1
		}
	}
	return -1
}

// class reads a character class. A negated one requires nothing; a plain
// one of literal bytes and ranges requires one of them.
func (p *reqParser) class() ([]ByteSet, bool) {
	p.i++ // [
	negated := p.i < len(p.s) && p.s[p.i] == '^'
	if negated {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == ']' {
		return nil, false // a leading ] is a literal in .NET: rare, not worth it
	}
	var set ByteSet
	prev := -1 // the last single byte read, which a - may turn into a range
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == ']':
			p.i++
			if negated {
				return nil, true
			}
			return []ByteSet{set}, true
		case c == '[':
			return nil, false // subtraction or a POSIX-looking class
		case c == '\\':
			if p.i+1 >= len(p.s) || isAlnum(p.s[p.i+1]) {
				return nil, false // \d, \p{..}, \x41 and kin
			}
			c = p.s[p.i+1]
			p.i += 2
		case c == '-' && prev >= 0 && p.i+1 < len(p.s) && p.s[p.i+1] != ']':
			hi := p.s[p.i+1]
			if hi == '\\' || hi == '[' || int(hi) < prev {
				return nil, false
			}
			for b := prev; b <= int(hi); b++ {
				set.add(byte(b))
			}
			p.i += 2
			prev = -1
			continue
		default:
			p.i++
		}
		set.add(c)
		prev = int(c)
	}
	return nil, false // unclosed
}

// escape reads a backslash escape: punctuation stands for itself, a few
// letter escapes are classes or anchors that require nothing, and any other
// letter or digit escape (\x41, \u0041, \1, \k<name>) ends the analysis.
func (p *reqParser) escape() ([]ByteSet, bool) {
	if p.i+1 >= len(p.s) {
		return nil, false
	}
	c := p.s[p.i+1]
	p.i += 2
	if !isAlnum(c) {
		var set ByteSet
		set.add(c)
		return []ByteSet{set}, true
	}
	switch c {
	case 'd', 'D', 'w', 'W', 's', 'S', 'b', 'B', 'A', 'z', 'Z', 'G':
		return nil, true
	}
	return nil, false
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func hasPrefix(s, prefix string) bool { return len(s) >= len(prefix) && s[:len(prefix)] == prefix }
