package gazetteer

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The simple reader below is a fast path for the shape nearly every
// gazetteer file has, one entry after another:
//
//	- id: org.example
//	  name: Example Company
//	  aliases: [Example, Example Co.]
//	  value: "01"
//	  aliases:
//	    - Example Corporation
//
// yaml.v3 builds a node tree of the whole file before anything can be read
// from it, which costs more than everything else a large gazetteer needs
// (about 1.7 KB and 25 allocations per entry). The simple reader reads
// this shape line by line, one entry at a time, into a few reused nodes,
// and hands each entry to the same decodeEntry as the yaml.v3 path, so
// that both say the same about every field. It accepts only what it is sure
// means the same in YAML: a value is a plain scalar without comments, ": "
// or an indicator at its start, a quoted one without escapes, or a list of
// plain scalars on one line or one per line. Anything else, anywhere in
// the file (anchors, block scalars, tabs, other indentation, multi-line
// values, comments after a value, a "---" line), makes it give up, and
// the file is read by yaml.v3 as before. FuzzSimpleYAML checks that the two
// agree whenever the simple reader accepts.

// maxSimpleKey bounds the keys the simple reader accepts: yaml.v3 rejects
// a key of more than 1024 characters, and no field name is near that.
const maxSimpleKey = 32

// simpleScalar is one scalar of the simple shape.
type simpleScalar struct {
	value string
	style yaml.Style
	line  int
}

// simpleField is one field of an entry: a scalar, or a list of items[lo:hi].
type simpleField struct {
	key    string
	line   int
	val    simpleScalar
	list   bool
	lo, hi int
}

// simpleReader holds the scratch space of one file, reused from entry to
// entry.
type simpleReader struct {
	fields []simpleField
	items  []simpleScalar
	nodes  []yaml.Node
	ptrs   []*yaml.Node
	item   yaml.Node // the entry's mapping
	// open is the index+1 of a field written "key:" whose block list
	// has not ended yet, 0 if none.
	open int
}

// readSimple reads data if it has the simple shape, calling emit with each
// entry as a mapping node that is only valid during the call. It returns
// false, perhaps after some calls, if data is not of that shape or has no
// entry.
func readSimple(data string, emit func(item *yaml.Node)) bool {
	var r simpleReader
	entries := 0
	for lineNo := 1; len(data) > 0; lineNo++ {
		l := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		switch {
		case blankOrComment(l):
		case strings.HasPrefix(l, "- "):
			if entries > 0 && !r.flush(emit) {
				return false
			}
			entries++
			r.item.Line = lineNo
			if !r.field(l[2:], lineNo) {
				return false
			}
		case strings.HasPrefix(l, "    - "):
			if r.open == 0 {
				return false
			}
			v, ok := simpleValue(l[6:], lineNo)
			if !ok {
				return false
			}
			r.items = append(r.items, v)
			r.fields[r.open-1].hi = len(r.items)
		case entries > 0 && strings.HasPrefix(l, "  ") && len(l) > 2 && keyByte(l[2]):
			if !r.field(l[2:], lineNo) {
				return false
			}
		default:
			return false
		}
	}
	return entries > 0 && r.flush(emit)
}

// field reads "key: value", "key: [a, b]" or "key:" (a block list follows).
func (r *simpleReader) field(s string, line int) bool {
	if !r.closeList() {
		return false
	}
	i := 0
	for i < len(s) && i <= maxSimpleKey && keyByte(s[i]) {
		i++
	}
	if i == 0 || i > maxSimpleKey || i == len(s) || s[i] != ':' {
		return false
	}
	f := simpleField{key: s[:i], line: line}
	rest := s[i+1:]
	if rest != "" && rest[0] != ' ' {
		return false // "key:value" is one plain scalar
	}
	rest = strings.TrimLeft(rest, " ")
	switch {
	case rest == "":
		f.list, f.lo, f.hi = true, len(r.items), len(r.items)
		r.fields = append(r.fields, f)
		r.open = len(r.fields)
		return true
	case rest[0] == '[':
		f.list, f.lo = true, len(r.items)
		if !r.flowList(rest[1:], line) {
			return false
		}
		f.hi = len(r.items)
	default:
		v, ok := simpleValue(rest, line)
		if !ok {
			return false
		}
		f.val = v
	}
	r.fields = append(r.fields, f)
	return true
}

// flowList reads the items of a list written on one line, from after its
// "[": plain scalars, or quoted ones without escapes, separated by commas,
// then "]" and nothing but spaces.
func (r *simpleReader) flowList(s string, line int) bool {
	s = strings.TrimLeft(s, " ")
	if strings.HasPrefix(s, "]") {
		return strings.TrimRight(s[1:], " ") == ""
	}
	for {
		var it simpleScalar
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			var ok bool
			if it, s, ok = quoted(s, line); !ok {
				return false
			}
		} else {
			end := strings.IndexAny(s, ",]")
			if end < 0 {
				return false
			}
			it = simpleScalar{value: strings.TrimRight(s[:end], " "), line: line}
			if !plainOK(it.value, true) {
				return false
			}
			s = s[end:]
		}
		r.items = append(r.items, it)
		s = strings.TrimLeft(s, " ")
		switch {
		case strings.HasPrefix(s, "]"):
			return strings.TrimRight(s[1:], " ") == ""
		case strings.HasPrefix(s, ","):
			s = strings.TrimLeft(s[1:], " ")
		default:
			return false
		}
	}
}

// closeList ends an open block list; a "key:" with no item is a null,
// which is left to yaml.v3.
func (r *simpleReader) closeList() bool {
	if r.open == 0 {
		return true
	}
	f := r.fields[r.open-1]
	r.open = 0
	return f.hi > f.lo
}

// flush hands the entry read so far to emit as a mapping node and clears
// the scratch space for the next one.
func (r *simpleReader) flush(emit func(item *yaml.Node)) bool {
	if !r.closeList() {
		return false
	}
	// Every node of the entry lives in r.nodes, sized first so that the
	// pointers into it stay valid.
	n := 2*len(r.fields) + len(r.items)
	if cap(r.nodes) < n {
		r.nodes = make([]yaml.Node, n, 2*n)
		r.ptrs = make([]*yaml.Node, n, 2*n)
	}
	r.nodes, r.ptrs = r.nodes[:n], r.ptrs[:n]
	for i := range r.nodes {
		r.ptrs[i] = &r.nodes[i]
	}
	items := r.ptrs[2*len(r.fields):]
	for i, it := range r.items {
		*items[i] = scalarNode(it)
	}
	for i, f := range r.fields {
		*r.ptrs[2*i] = scalarNode(simpleScalar{value: f.key, line: f.line})
		v := r.ptrs[2*i+1]
		if f.list {
			*v = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: f.line, Content: items[f.lo:f.hi]}
		} else {
			*v = scalarNode(f.val)
		}
	}
	r.item.Kind, r.item.Tag, r.item.Content = yaml.MappingNode, "!!map", r.ptrs[:2*len(r.fields)]
	emit(&r.item)
	r.fields, r.items = r.fields[:0], r.items[:0]
	return true
}

// scalarNode is the node yaml.v3 makes of a scalar that is a string.
func scalarNode(s simpleScalar) yaml.Node {
	return yaml.Node{Kind: yaml.ScalarNode, Style: s.style, Tag: "!!str", Value: s.value, Line: s.line}
}

// simpleValue reads a scalar that fills the rest of a line: plain, or
// quoted without escapes, followed by nothing but spaces.
func simpleValue(s string, line int) (simpleScalar, bool) {
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		v, rest, ok := quoted(s, line)
		return v, ok && strings.TrimRight(rest, " ") == ""
	}
	v := strings.TrimRight(s, " ")
	return simpleScalar{value: v, line: line}, plainOK(v, false)
}

// quoted reads a quoted scalar at the start of s that has no escape (no
// backslash in double quotes, no doubled quote in single quotes) and
// returns it with the rest of s.
func quoted(s string, line int) (v simpleScalar, rest string, ok bool) {
	end := strings.IndexByte(s[1:], s[0]) + 1
	if end == 0 {
		return v, "", false
	}
	v = simpleScalar{value: s[1:end], style: yaml.DoubleQuotedStyle, line: line}
	if s[0] == '\'' {
		v.style = yaml.SingleQuotedStyle
	}
	rest = s[end+1:]
	if (v.style == yaml.DoubleQuotedStyle && strings.IndexByte(v.value, '\\') >= 0) ||
		strings.HasPrefix(rest, s[:1]) || !printable(v.value) {
		return v, "", false
	}
	return v, rest, true
}

// plainOK reports whether s, trimmed, is a plain scalar that yaml.v3 reads
// as the string s: it starts with no indicator, holds no comment, no ": "
// (in a flow list no ':' and no flow indicator at all), and is no null.
func plainOK(s string, flow bool) bool {
	if s == "" || strings.IndexByte(" -?:,[]{}#&*!|>'\"%@`~", s[0]) >= 0 {
		return false
	}
	switch s {
	case "null", "Null", "NULL":
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ':':
			if flow || i+1 == len(s) || s[i+1] == ' ' {
				return false
			}
		case '#':
			if s[i-1] == ' ' {
				return false
			}
		case ',', '[', ']', '{', '}':
			if flow {
				return false
			}
		}
	}
	return printable(s)
}

// printable reports whether s holds only characters that YAML allows and
// that are no line break: no control character (tab included, which YAML
// forbids in indentation), no NEL, line or paragraph separator, byte order
// mark, non-character or invalid UTF-8.
func printable(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1,
			r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		}
		i += size
	}
	return true
}

// blankOrComment reports whether l is empty, spaces, or a comment line.
func blankOrComment(l string) bool {
	t := strings.TrimLeft(l, " ")
	return t == "" || (t[0] == '#' && printable(t))
}

// keyByte reports whether c may be in a field name of the simple shape.
func keyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || c == '_'
}
