package rules

import (
	"regexp"
	"regexp/syntax"
)

// regularEngine returns the pattern compiled with Go's regexp when that
// engine finds exactly the matches and captures regexp2 finds: the pattern
// has no lookaround or atomic group, and no named group can capture twice
// (regexp2 keeps every capture of a repeated group, Go only the last). Both
// engines pick the match a backtracking search finds first, and Go's runs in
// time linear in the sentence and allocates a fraction of regexp2's Match
// per match. It returns nil for every other pattern.
func regularEngine(expanded string) *regexp.Regexp {
	pattern, exact, ok := toGo(expanded, true)
	if !ok || !exact {
		return nil
	}
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil || capturesTwice(tree, false) {
		return nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	for _, name := range re.SubexpNames()[1:] {
		if name == "" || seen[name] {
			return nil // regexp2 merges groups of one name; Go keeps them apart
		}
		seen[name] = true
	}
	return re
}

// capturesTwice reports whether a group of re sits inside a repetition that
// may run more than once.
func capturesTwice(re *syntax.Regexp, repeated bool) bool {
	switch re.Op {
	case syntax.OpCapture:
		if repeated {
			return true
		}
	case syntax.OpStar, syntax.OpPlus:
		repeated = true
	case syntax.OpRepeat:
		repeated = repeated || re.Max != 1
	}
	for _, sub := range re.Sub {
		if capturesTwice(sub, repeated) {
			return true
		}
	}
	return false
}

// findRegular is the scan of FindAll with Go's engine. Like regexp2's scan,
// it resumes at the end of each match and one further on after an empty
// one; empty matches are left out.
func (c *Compiled) findRegular(tags string) []Match {
	locs := c.regular.FindAllStringSubmatchIndex(tags, -1)
	if len(locs) == 0 {
		return nil
	}
	names := c.regular.SubexpNames()
	// One backing array each for the matches, their groups and the spans.
	captured := 0
	for _, loc := range locs {
		for g := 1; g < len(names); g++ {
			if loc[2*g] >= 0 {
				captured++
			}
		}
	}
	out := make([]Match, 0, len(locs))
	groups := make([]Group, 0, captured)
	spans := make([]Span, 0, captured)
	for _, loc := range locs {
		if loc[1] == loc[0] {
			continue
		}
		m := Match{Start: loc[0], End: loc[1]}
		from := len(groups)
		for g := 1; g < len(names); g++ {
			if loc[2*g] < 0 {
				continue
			}
			spans = append(spans, Span{Start: loc[2*g], End: loc[2*g+1]})
			groups = append(groups, Group{Name: names[g], Spans: spans[len(spans)-1 : len(spans) : len(spans)]})
		}
		if len(groups) > from {
			m.Groups = groups[from:len(groups):len(groups)]
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		return nil // only empty matches
	}
	return out
}
