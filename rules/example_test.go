package rules_test

import (
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph/rules"
)

func Example() {
	defaults := []byte(`
tags:
  - {class: honorific, tag: H}
  - {class: title, tag: T}
  - {class: name, tag: N}
macros:
  NAME: '(?:Nn*)+'
rules:
  - id: person.honorific-name
    phase: people
    pattern: '(?<honorific>Hh*)(?<person>{NAME})'
  - id: person.title-name
    phase: people
    pattern: '(?<title>Tt*)(?<person>{NAME})'
`)
	// A user's file overrides a default rule by its ID.
	user := []byte(`
rules:
  - id: person.title-name
    phase: people
    description: several titles before a name, each one kept
    pattern: '(?:(?<title>Tt*),?)+(?<person>{NAME})'
`)
	var files []*rules.File
	for _, src := range []struct {
		name string
		data []byte
	}{{"defaults.yaml", defaults}, {"user.yaml", user}} {
		f, err := rules.Parse(src.name, src.data)
		if err != nil {
			log.Fatal(err)
		}
		files = append(files, f)
	}
	set, err := rules.Compile(files, rules.Options{})
	if err != nil {
		log.Fatal(err)
	}

	// The engine tags "Mr Nguyen Van Hung met Deputy Prime Minister , Foreign
	// Minister Tran Thi B ." as follows, one byte per token.
	tags := "HNnn~Ttt,TtNnn."
	for _, rule := range set.Phase("people") {
		matches, err := rule.FindAll(tags)
		if err != nil {
			log.Fatal(err)
		}
		for _, m := range matches {
			fmt.Printf("%s: tokens %d-%d\n", rule.ID, m.Start, m.End)
			for _, g := range m.Groups {
				fmt.Printf("  %s %v\n", g.Name, g.Spans)
			}
		}
	}
	// Output:
	// person.honorific-name: tokens 0-4
	//   honorific [{0 1}]
	//   person [{1 4}]
	// person.title-name: tokens 5-14
	//   title [{5 8} {9 11}]
	//   person [{11 14}]
}
