// Package yamlnode holds what the gazetteer and rule loaders share when they
// walk yaml.v3 nodes by hand to report every problem with its line: the line
// of a syntax error, aliases, nulls and the names of node kinds.
package yamlnode

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// SyntaxError returns the line of a yaml.v3 decoding error, the best that can
// be had, and its message without the "yaml: line N:" prefix. yaml.v3 puts "line N: " in front of scanner and parser
// messages, but N is 1-based for scanner errors and 0-based for parser errors,
// and the prefix is left out altogether for line 1 (0-based 0). Errors from
// the reader (bad UTF-8, control characters) carry no position at all; for
// those the offending byte is looked up in data.
func SyntaxError(err error, data []byte) (line int, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		msg = msg[len(m[0]):]
		if n, convErr := strconv.Atoi(m[1]); convErr == nil && n > 0 {
			line = n
			if yamlParserProblems[msg] {
				line++
			}
		}
	} else {
		switch {
		case yamlReaderProblem(msg):
			line = badCharLine(data)
		case strings.HasPrefix(msg, "unknown anchor") || strings.HasPrefix(msg, "anchor ") ||
			strings.HasPrefix(msg, "document contains") || strings.HasPrefix(msg, "attempted to go past"):
			// Not positional.
		default:
			line = 1
		}
	}
	return line, msg
}

// yamlLine matches the position yaml.v3 puts at the start of its messages
// (after "yaml: ").
var yamlLine = regexp.MustCompile(`^line (\d+): `)

// yamlParserProblems are the messages of yaml.v3's parser, whose line numbers
// are 0-based; those of its scanner are 1-based.
var yamlParserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"found undefined tag handle":             true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// yamlReaderProblem reports whether msg comes from yaml.v3's input reader.
func yamlReaderProblem(msg string) bool {
	for _, p := range []string{"invalid leading UTF-8", "incomplete UTF-8", "invalid trailing UTF-8",
		"invalid length of a UTF-8", "invalid Unicode character", "incomplete UTF-16",
		"unexpected low surrogate", "expected low surrogate", "control characters are not allowed"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// badCharLine returns the 1-based line of the first byte of data that YAML
// does not allow (invalid UTF-8 or a control character), or 0.
func badCharLine(data []byte) int {
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return line
		case r == '\n':
			line++
		case r == '\t' || r == '\r' || r == 0x85 || r == 0xFEFF:
		case r < 0x20 || (0x7f <= r && r < 0xa0) || (0xd800 <= r && r < 0xe000) || r == 0xfffe || r == 0xffff:
			return line
		}
		i += size
	}
	return 0
}

// Resolve follows an alias to its anchored node. Anchors and aliases are
// ordinary YAML and cost nothing to allow, since the walk below never goes
// deeper than the fixed shape of a rule file.
func Resolve(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// IsNull reports whether n is a YAML null (~, null or nothing).
func IsNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// KindName names a node kind for messages.
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a single value"
	case yaml.AliasNode:
		return "an alias"
	}
	return "something else"
}
