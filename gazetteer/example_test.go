package gazetteer_test

import (
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/internal/text"
)

func ExampleGazetteer_Match() {
	entries, err := gazetteer.Parse("example.yaml", []byte(`
- id: title.pm
  type: title
  name: Prime Minister
  match: fold
- id: title.deputy-pm
  type: title
  name: Deputy Prime Minister
  match: fold
- id: org.un
  type: organisation
  subtype: un
  name: United Nations
  acronym: UN
- id: name.nguyen
  type: name
  subtype: family
  name: Nguyễn
`))
	if err != nil {
		log.Fatal(err)
	}
	g, err := gazetteer.New(entries)
	if err != nil {
		log.Fatal(err)
	}
	s := "Deputy Prime Minister Nguyen Lan spoke at the UN; let us see."
	toks := text.Tokenize(s)
	for _, m := range g.Match(toks) {
		span := s[toks[m.Start].Start:toks[m.End-1].End()]
		fmt.Printf("%-23q %-16s %s\n", span, m.Entry.ID, m.Form)
	}
	// Output:
	// "Deputy Prime Minister" title.deputy-pm  name
	// "Prime Minister"        title.pm         name
	// "Nguyen"                name.nguyen      name
	// "UN"                    org.un           acronym
}
