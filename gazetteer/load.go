package gazetteer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/yamlnode"
	"gopkg.in/yaml.v3"
)

// Error is one problem in a gazetteer file, with where it is.
type Error struct {
	File  string // file name as given to Parse ("" for entries built in Go)
	Line  int    // 1-based line, 0 if unknown
	Entry string // ID of the entry concerned, "" if none
	Msg   string
}

// Error formats the error as "file:line: entry ID: msg", leaving out the
// parts that are unknown.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Line))
		}
		b.WriteString(": ")
	} else if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(": ")
	}
	if e.Entry != "" {
		b.WriteString("entry ")
		b.WriteString(e.Entry)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is a list of *Error, like go/scanner.ErrorList: a loader
// collects every problem of a file so that one run shows them all.
type ErrorList []*Error

// Add appends an Error.
func (p *ErrorList) Add(file string, line int, entry, msg string) {
	*p = append(*p, &Error{File: file, Line: line, Entry: entry, Msg: msg})
}

// Len is the number of errors (sort.Interface).
func (p ErrorList) Len() int { return len(p) }

// Swap swaps two errors (sort.Interface).
func (p ErrorList) Swap(i, j int) { p[i], p[j] = p[j], p[i] }

// Less orders errors by file, then line (sort.Interface).
func (p ErrorList) Less(i, j int) bool {
	if p[i].File != p[j].File {
		return p[i].File < p[j].File
	}
	return p[i].Line < p[j].Line
}

// Sort sorts the list by file and line, keeping the order of errors on the
// same line.
func (p ErrorList) Sort() { sort.Stable(p) }

// Error returns the first error and how many more there are.
func (p ErrorList) Error() string {
	switch len(p) {
	case 0:
		return "no errors"
	case 1:
		return p[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", p[0], len(p)-1)
}

// Unwrap returns the errors of the list, so that errors.As finds an *Error.
func (p ErrorList) Unwrap() []error {
	errs := make([]error, len(p))
	for i, e := range p {
		errs[i] = e
	}
	return errs
}

// Err returns nil for an empty list and the list itself otherwise, so that
// a nil list never turns into a non-nil error value.
func (p ErrorList) Err() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

// Parse decodes one gazetteer file strictly. The file is a YAML sequence of
// entries (an empty file has none). Every problem is collected with its
// file and line: an unknown or repeated field, a field of the wrong kind
// (a list where a string belongs), a missing id, type or name, an unknown
// type or match mode, an ID defined twice in the file (the message names
// both lines), a name, alias or acronym that is empty after tokenisation.
// A YAML syntax error is a single Error with the line yaml.v3 reports.
// The error is an ErrorList; the entries without problems are returned
// with it, in file order.
//
// Parse reads positions from a yaml.Node pass instead of decoding into
// structs because yaml.v3 reports only the first unknown field and loses
// strictness in custom unmarshalers. Files of the common simple shape skip
// yaml.v3's node tree of the whole file (see readSimple): a large
// gazetteer then loads in a fraction of the time and memory.
func Parse(name string, data []byte) (entries []Entry, err error) {
	if c, ok := parseSimple(name, data); ok {
		return c.done()
	}
	return parseYAML(name, data)
}

// parseSimple reads data with the simple reader; ok is false if the file
// is not of the simple shape.
func parseSimple(name string, data []byte) (c *collector, ok bool) {
	c = newCollector(name, bytes.Count(data, []byte("\n- "))+1)
	return c, readSimple(string(data), c.add)
}

// parseYAML is Parse through yaml.v3's node tree, for any YAML.
func parseYAML(name string, data []byte) (entries []Entry, err error) {
	defer func() {
		// yaml.v3 has panicked on malformed input before; a bad user file
		// must be an error, never a crash.
		if r := recover(); r != nil {
			entries = nil
			err = ErrorList{{File: name, Msg: fmt.Sprintf("YAML parser failed: %v", r)}}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, ErrorList{syntaxError(name, err, data)}
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, ErrorList{syntaxError(name, err, data)}
	default:
		return nil, ErrorList{{File: name, Line: max(extra.Line, 0), Msg: `more than one YAML document in the file: a gazetteer file is one list of entries; remove the "---" line and join the lists`}}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, nil
		}
		root = root.Content[0]
	}
	root = yamlnode.Resolve(root)
	switch {
	case root.Kind == 0 || yamlnode.IsNull(root):
		return nil, nil
	case root.Kind != yaml.SequenceNode:
		return nil, ErrorList{{File: name, Line: max(root.Line, 0), Msg: "a gazetteer file must be a YAML list of entries"}}
	}

	c := newCollector(name, len(root.Content))
	for _, item := range root.Content {
		c.add(item)
	}
	return c.done()
}

// collector turns the entry nodes of one file into entries and errors.
type collector struct {
	name      string
	entries   []Entry
	errs      ErrorList
	firstLine map[string]int // ID -> line of its first entry
}

// newCollector returns a collector for file name, sized for n entries.
func newCollector(name string, n int) *collector {
	return &collector{name: name, entries: make([]Entry, 0, n), firstLine: make(map[string]int, n)}
}

// add decodes one entry node and checks it on its own and against the IDs
// before it.
func (c *collector) add(item *yaml.Node) {
	e, msgs, ok := decodeEntry(item)
	e.File = c.name
	for _, m := range msgs {
		c.errs.Add(c.name, m.line, e.ID, m.msg)
	}
	if !ok {
		return
	}
	bad := len(msgs) > 0
	for _, m := range checkFields(&e) {
		if badField(msgs, m.field) {
			continue // already reported where the field is
		}
		bad = true
		c.errs.Add(c.name, e.Line, e.ID, m.msg)
	}
	if e.ID != "" {
		if l, dup := c.firstLine[e.ID]; dup {
			bad = true
			c.errs.Add(c.name, e.Line, e.ID, fmt.Sprintf("duplicate ID: first defined at line %d, again at line %d", l, e.Line))
		} else {
			c.firstLine[e.ID] = e.Line
		}
	}
	if !bad {
		c.entries = append(c.entries, e)
	}
}

// done returns the entries and the sorted errors.
func (c *collector) done() ([]Entry, error) {
	c.errs.Sort()
	return c.entries, c.errs.Err()
}

// posMsg is a message about one line of a file, and the field it concerns
// ("" for the entry as a whole).
type posMsg struct {
	line  int
	field string
	msg   string
}

// badField reports whether msgs already holds a problem with field.
func badField(msgs []posMsg, field string) bool {
	for _, m := range msgs {
		if m.field == field {
			return true
		}
	}
	return false
}

// decodeEntry reads one entry from a mapping node. The entry's Line is the
// line of its mapping (its first field); field errors carry the line of the
// field. ok is false if the node is no entry at all, so that nothing more
// is said about its fields.
func decodeEntry(item *yaml.Node) (e Entry, msgs []posMsg, ok bool) {
	e.Line = max(item.Line, 0)
	n := yamlnode.Resolve(item)
	if n.Kind != yaml.MappingNode {
		return e, []posMsg{{e.Line, "", "an entry must be a mapping of fields (id, type, name ...)"}}, false
	}
	// The fields seen so far with their lines: an entry has a handful,
	// so a slice on the stack beats a map.
	type keyLine struct {
		key  string
		line int
	}
	seen := make([]keyLine, 0, 12)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := yamlnode.Resolve(n.Content[i]), yamlnode.Resolve(n.Content[i+1])
		line := max(n.Content[i].Line, 0)
		if k.Kind != yaml.ScalarNode {
			msgs = append(msgs, posMsg{line, "", "a field name must be a plain string"})
			continue
		}
		if i := slices.IndexFunc(seen, func(s keyLine) bool { return s.key == k.Value }); i >= 0 {
			msgs = append(msgs, posMsg{line, k.Value, fmt.Sprintf("field %q repeated (first at line %d)", k.Value, seen[i].line)})
			continue
		}
		seen = append(seen, keyLine{k.Value, line})
		if k.Value == "aliases" {
			var m string
			var l int
			e.Aliases, l, m = stringList(v)
			if m != "" {
				msgs = append(msgs, posMsg{max(l, line), k.Value, "aliases: " + m})
			}
			continue
		}
		dst := stringField(&e, k.Value)
		if dst == nil {
			msgs = append(msgs, posMsg{line, k.Value, fmt.Sprintf("unknown field %q (want id, type, subtype, name, aliases, acronym, match, value or parent)", k.Value)})
			continue
		}
		s, ok := scalar(v)
		if !ok {
			msgs = append(msgs, posMsg{line, k.Value, fmt.Sprintf("field %q must be a string", k.Value)})
			continue
		}
		*dst = s
	}
	return e, msgs, true
}

// stringField returns the string field of e that the YAML key names, or nil
// for an unknown key.
func stringField(e *Entry, key string) *string {
	switch key {
	case "id":
		return &e.ID
	case "type":
		return &e.Type
	case "subtype":
		return &e.Subtype
	case "name":
		return &e.Name
	case "acronym":
		return &e.Acronym
	case "match":
		return &e.Match
	case "value":
		return &e.Value
	case "parent":
		return &e.Parent
	}
	return nil
}

// scalar returns the text of a scalar node as written, so that `value: 01`
// stays "01" and `acronym: NO` stays "NO"; a null is "".
func scalar(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		return "", false
	}
	if yamlnode.IsNull(n) {
		return "", true
	}
	return n.Value, true
}

// stringList reads a YAML list of strings (null is an empty list). On a
// problem it returns the line of the offending item and a message.
func stringList(n *yaml.Node) ([]string, int, string) {
	if yamlnode.IsNull(n) {
		return nil, 0, ""
	}
	if n.Kind != yaml.SequenceNode {
		return nil, 0, "must be a list of strings, as in [Name One, Name Two]"
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		s, ok := scalar(yamlnode.Resolve(c))
		switch {
		case !ok:
			return nil, c.Line, "an alias must be a string"
		case s == "":
			return nil, c.Line, "empty alias"
		}
		out = append(out, s)
	}
	return out, 0, ""
}

// syntaxError turns a yaml.v3 error into an Error with the line it happened
// on.
func syntaxError(file string, err error, data []byte) *Error {
	line, msg := yamlnode.SyntaxError(err, data)
	return &Error{File: file, Line: line, Msg: "YAML syntax: " + msg}
}
