package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"

	"github.com/newsgraph/newsgraph/internal/yamlnode"
	"gopkg.in/yaml.v3"
)

// Phases lists the valid phases in the order the engine runs them. A later
// phase sees the entities found by the earlier ones as tags.
var Phases = []string{"organisations", "dates", "places", "people", "relations"}

// Relations lists the valid values of Rule.Relation. Only rules of the
// "relations" phase carry one.
var Relations = []string{"received", "talks", "met"}

// Tag maps a token class to the byte that stands for its tokens in the tag
// string. Which classes exist is up to the engine; this package only checks
// that the bytes are usable.
type Tag struct {
	Class string `yaml:"class"`
	Tag   string `yaml:"tag"`
	Line  int    `yaml:"-"` // line of the entry in its file; 0 when unknown
}

// Rule is one pattern as written in a rule file.
type Rule struct {
	ID          string `yaml:"id"`
	Phase       string `yaml:"phase"`
	Pattern     string `yaml:"pattern"`
	Relation    string `yaml:"relation,omitempty"`
	Description string `yaml:"description,omitempty"`

	File string `yaml:"-"` // name of the file the rule comes from
	Line int    `yaml:"-"` // line of the rule in File; 0 when unknown
}

// File is one decoded rule file. Files are merged by Compile; a File on its
// own is not checked beyond its structure.
type File struct {
	Name       string            // file name, used in every error message
	Tags       []Tag             // token classes and their tag bytes, in priority order
	Macros     map[string]string // macro name -> pattern piece
	MacroLines map[string]int    // macro name -> line of its definition
	Rules      []Rule            // rules in definition order
}

// macroName is the syntax of a macro name. Upper-case only, so that a
// reference {NAME} can never be mistaken for a quantifier such as {2,3}.
var macroName = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)

// Parse decodes one rule file strictly: unknown fields, wrong shapes, missing
// required fields, a rule ID used twice, a class given two tags and a macro
// defined twice are all errors, reported with the file name and line. The
// error, if any, is an ErrorList holding every problem found; the File is
// then nil. An empty file (or one holding only comments) is valid and empty.
//
// Parse checks structure only. Whether phases, relations, tag bytes, macro
// references and patterns are valid is checked by Compile, because a later
// file may override what an earlier one defines.
func Parse(name string, data []byte) (f *File, err error) {
	// yaml.v3 reports its own errors through panics that it recovers itself;
	// this guard is for a bug in it, which must not bring down a program that
	// loads a user's file.
	defer func() {
		if r := recover(); r != nil {
			f = nil
			err = ErrorList{{File: name, Msg: fmt.Sprintf("cannot read YAML: %v", r)}}
		}
	}()

	p := parser{file: &File{Name: name}}
	root := p.decode(data)
	if root != nil {
		p.top(root)
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return p.file, nil
}

// parser holds the state of one Parse call.
type parser struct {
	file *File
	errs ErrorList
}

func (p *parser) errorf(line int, rule, format string, args ...any) {
	p.errs.add(p.file.Name, line, rule, format, args...)
}

// decode reads the single YAML document of data and returns its root node,
// or nil when the file is empty or unreadable (the latter with an error).
func (p *parser) decode(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if !errors.Is(err, io.EOF) {
			line, msg := yamlnode.SyntaxError(err, data)
			p.errorf(line, "", "invalid YAML: %s", msg)
		}
		return nil
	}
	// A second document would be silently ignored by a plain Unmarshal; a
	// user who wrote one expects it to count, so say that it does not.
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		line, msg := yamlnode.SyntaxError(err, data)
		p.errorf(line, "", "invalid YAML: %s", msg)
		return nil
	default:
		if n := content(&extra); n != nil && !yamlnode.IsNull(n) {
			p.errorf(n.Line, "", `a rule file holds one YAML document; found another one: remove the "---" line and merge its rules, tags and macros into the first`)
			return nil
		}
	}
	n := content(&doc)
	if n == nil || yamlnode.IsNull(n) {
		return nil
	}
	return n
}

// content returns the root node of a document node, resolving an alias.
func content(doc *yaml.Node) *yaml.Node {
	if doc.Kind != yaml.DocumentNode {
		return yamlnode.Resolve(doc)
	}
	if len(doc.Content) == 0 {
		return nil
	}
	return yamlnode.Resolve(doc.Content[0])
}

// str returns the text of a scalar. Non-string scalars (numbers, booleans)
// are taken as written, since "tag: 1" or "pattern: 14" are meant as text;
// null is the empty string. ok is false for a mapping or a list.
func str(n *yaml.Node) (s string, ok bool) {
	n = yamlnode.Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	if yamlnode.IsNull(n) {
		return "", true
	}
	return n.Value, true
}

// pairs calls fn for each key/value of a mapping node, reporting keys that
// are not plain values and keys given twice (yaml.v3 does not reject those
// when decoding into a Node).
func (p *parser) pairs(m *yaml.Node, rule string, fn func(key string, keyNode, val *yaml.Node)) {
	seen := make(map[string]int)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key, ok := str(k)
		if !ok {
			p.errorf(k.Line, rule, "a key must be a single value, not %s", yamlnode.KindName(yamlnode.Resolve(k)))
			continue
		}
		if first, dup := seen[key]; dup {
			p.errorf(k.Line, rule, "field %q given twice (first on line %d)", key, first)
			continue
		}
		seen[key] = k.Line
		fn(key, k, v)
	}
}

// top walks the root mapping.
func (p *parser) top(root *yaml.Node) {
	if root.Kind != yaml.MappingNode {
		p.errorf(root.Line, "", "a rule file must be a mapping with the keys tags, macros and rules, not %s", yamlnode.KindName(root))
		return
	}
	p.pairs(root, "", func(key string, k, v *yaml.Node) {
		switch key {
		case "tags":
			p.tags(v)
		case "macros":
			p.macros(v)
		case "rules":
			p.rules(v)
		default:
			p.errorf(k.Line, "", "unknown field %q (a rule file has tags, macros and rules)", key)
		}
	})
}

// list returns the items of a list value; null means an empty list.
func (p *parser) list(v *yaml.Node, field string) []*yaml.Node {
	v = yamlnode.Resolve(v)
	if yamlnode.IsNull(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		p.errorf(v.Line, "", "%s must be a list, not %s", field, yamlnode.KindName(v))
		return nil
	}
	return v.Content
}

func (p *parser) tags(v *yaml.Node) {
	classes := make(map[string]int)
	for _, item := range p.list(v, "tags") {
		item = yamlnode.Resolve(item)
		if item.Kind != yaml.MappingNode {
			p.errorf(item.Line, "", "a tags entry must be a mapping {class: ..., tag: ...}, not %s", yamlnode.KindName(item))
			continue
		}
		t := Tag{Line: item.Line}
		bad := false
		p.pairs(item, "", func(key string, k, v *yaml.Node) {
			var dst *string
			switch key {
			case "class":
				dst = &t.Class
			case "tag":
				dst = &t.Tag
			default:
				p.errorf(k.Line, "", "unknown field %q in a tags entry (want class and tag)", key)
				bad = true
				return
			}
			s, ok := str(v)
			if !ok {
				p.errorf(v.Line, "", "%s must be a single value, not %s", key, yamlnode.KindName(yamlnode.Resolve(v)))
				bad = true
				return
			}
			*dst = s
		})
		if t.Class == "" {
			p.errorf(item.Line, "", "tags entry has no class")
			bad = true
		}
		if t.Tag == "" {
			p.errorf(item.Line, "", "tags entry for class %q has no tag", t.Class)
			bad = true
		}
		if t.Class != "" {
			if first, dup := classes[t.Class]; dup {
				p.errorf(item.Line, "", "class %q is given a tag twice (first on line %d)", t.Class, first)
				bad = true
			} else {
				classes[t.Class] = item.Line
			}
		}
		if !bad {
			p.file.Tags = append(p.file.Tags, t)
		}
	}
}

func (p *parser) macros(v *yaml.Node) {
	v = yamlnode.Resolve(v)
	if yamlnode.IsNull(v) {
		return
	}
	if v.Kind != yaml.MappingNode {
		p.errorf(v.Line, "", "macros must be a mapping NAME: pattern, not %s", yamlnode.KindName(v))
		return
	}
	p.pairs(v, "", func(name string, k, val *yaml.Node) {
		if !macroName.MatchString(name) {
			p.errorf(k.Line, "", "macro name %q must be upper-case letters, digits and _, starting with a letter", name)
			return
		}
		body, ok := str(val)
		if !ok {
			p.errorf(val.Line, "", "macro %s must be a pattern string, not %s", name, yamlnode.KindName(yamlnode.Resolve(val)))
			return
		}
		if yamlnode.IsNull(yamlnode.Resolve(val)) {
			p.errorf(k.Line, "", "macro %s has no value", name)
			return
		}
		if p.file.Macros == nil {
			p.file.Macros = make(map[string]string)
			p.file.MacroLines = make(map[string]int)
		}
		p.file.Macros[name] = body
		p.file.MacroLines[name] = k.Line
	})
}

func (p *parser) rules(v *yaml.Node) {
	ids := make(map[string]int)
	for _, item := range p.list(v, "rules") {
		item = yamlnode.Resolve(item)
		if item.Kind != yaml.MappingNode {
			p.errorf(item.Line, "", "a rule must be a mapping, not %s", yamlnode.KindName(item))
			continue
		}
		r := Rule{File: p.file.Name, Line: item.Line}
		// Find the ID first so that every later message can name the rule,
		// whatever order the fields are written in.
		for i := 0; i+1 < len(item.Content); i += 2 {
			if k, ok := str(item.Content[i]); ok && k == "id" {
				if s, ok := str(item.Content[i+1]); ok {
					r.ID = s
				}
			}
		}
		bad := false
		// Fields given in the wrong shape are reported once, not again as
		// missing.
		misshapen := map[string]bool{}
		p.pairs(item, r.ID, func(key string, k, v *yaml.Node) {
			var dst *string
			switch key {
			case "id":
				dst = &r.ID
			case "phase":
				dst = &r.Phase
			case "pattern":
				dst = &r.Pattern
			case "relation":
				dst = &r.Relation
			case "description":
				dst = &r.Description
			default:
				p.errorf(k.Line, r.ID, "unknown field %q (a rule has id, phase, pattern, relation and description)", key)
				bad = true
				return
			}
			s, ok := str(v)
			if !ok {
				p.errorf(v.Line, r.ID, "%s must be a single value, not %s", key, yamlnode.KindName(yamlnode.Resolve(v)))
				bad = true
				misshapen[key] = true
				return
			}
			*dst = s
		})
		if msg := checkID(r.ID); msg != "" && !misshapen["id"] {
			p.errorf(item.Line, r.ID, "%s", msg)
			bad = true
		}
		if r.Phase == "" && !misshapen["phase"] {
			p.errorf(item.Line, r.ID, "rule has no phase")
			bad = true
		}
		if r.Pattern == "" && !misshapen["pattern"] {
			p.errorf(item.Line, r.ID, "rule has no pattern")
			bad = true
		}
		if r.ID != "" {
			if first, dup := ids[r.ID]; dup {
				p.errorf(item.Line, r.ID, "rule ID used twice in this file (first on line %d)", first)
				bad = true
			} else {
				ids[r.ID] = item.Line
			}
		}
		if !bad {
			p.file.Rules = append(p.file.Rules, r)
		}
	}
}

// checkID says what is wrong with a rule ID, or returns "". IDs appear in
// error messages and are how a user file overrides a default rule, so they
// must be visible and unambiguous.
func checkID(id string) string {
	if id == "" {
		return "rule has no id"
	}
	for _, r := range id {
		if r <= ' ' || r == 0x7f {
			return fmt.Sprintf("rule id %q must not contain spaces or control characters", id)
		}
	}
	return ""
}
