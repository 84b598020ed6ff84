package extract_test

import (
	"fmt"
	"log"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

func Example() {
	x, err := extract.New(extract.WithReferenceDate(time.Date(2025, 3, 20, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		log.Fatal(err)
	}
	doc := x.Extract("Hanoi (VNA) - Prime Minister Pham Minh Chinh received " +
		"Japanese Ambassador Ito Naoki in Hanoi on March 12.")
	for _, p := range doc.People {
		fmt.Println(p.ID, p.Name, p.Titles[0].Text)
	}
	for _, r := range doc.Relations {
		fmt.Println(r.Type, r.Subject, r.Object, r.Date, r.Place)
	}
	fmt.Println(doc.Dates[0].Value)
	// Output:
	// p1 Pham Minh Chinh Prime Minister
	// p2 Ito Naoki Japanese Ambassador
	// received p1 p2 d1 l1
	// 2025-03-12
}

func ExampleCheck() {
	x, err := extract.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "Mi💝nister Bui Thanh Son met Ambassador Marc Knapper."
	doc := x.Extract(text)
	m := doc.People[0].Mentions[0]
	fmt.Printf("%q at %d:%d\n", m.Text, m.Start, m.End)
	fmt.Println(len(extract.Check(text, doc)), "problems")
	// Output:
	// "Bui Thanh Son" at 13:26
	// 0 problems
}
