package extract_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// badInputDeadline bounds one hostile input. It is generous because the
// race detector slows the engine down several times; what it catches is a
// quadratic path, which on these megabyte inputs takes minutes, not seconds.
const badInputDeadline = 60 * time.Second

// big scales the size of a hostile input: full under plain go test, which
// catches a quadratic path, a tenth under the race detector, whose only
// business here is data races, which a smaller input meets on the same
// code paths.
func big(n int) int {
	if raceEnabled {
		return n / 10
	}
	return n
}

// acronyms returns n distinct upper-case acronyms in parentheses.
func acronyms(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("(")
		for k := i; ; k /= 26 {
			b.WriteByte(byte('A' + k%26))
			if k < 26 {
				break
			}
		}
		b.WriteString(") ")
	}
	return b.String()
}

// TestBadInput feeds Extract the dirtiest text a crawler can return. Each
// one must come back as a Document before the deadline of its context, with
// every offset true, and survive JSON; some must still find what a clean
// text would.
func TestBadInput(t *testing.T) {
	const sentence = "Prime Minister Pham Minh Chinh received Ambassador Marc Knapper."
	tests := []struct {
		name   string
		text   string
		people []string // each must be found
		warn   string   // a warning must contain it
	}{
		{name: "empty", text: ""},
		{name: "whitespace only", text: " \t\n\r\n\u00a0\u3000  \n"},
		{name: "single character", text: "a"},
		{name: "single multi-byte character", text: "ễ"},
		{name: "only punctuation", text: strings.Repeat("!?.,;:-–—()[]{}\"'“”‘’…/\\", 1000)},
		{name: "emoji only", text: strings.Repeat("😀👍🏽👨‍👩‍👧‍👦🇻🇳 ", 5000)},
		{name: "byte order mark", text: "\ufeff" + sentence, people: []string{"Pham Minh Chinh", "Marc Knapper"}},
		{name: "CRLF lines", text: "Hanoi (VNA) -\r\n" + sentence + "\r\n\r\nThe two sides met.\r\n", people: []string{"Pham Minh Chinh", "Marc Knapper"}},
		{name: "lone CR lines", text: "Hanoi (VNA) -\r" + sentence + "\r\rThe two sides met.\r", people: []string{"Pham Minh Chinh", "Marc Knapper"}},
		{name: "NUL bytes", text: "\x00Prime Minister Pham Minh\x00 Chinh\x00 received\x00\x00 Ambassador Marc Knapper.\x00"},
		{name: "invalid UTF-8 around names", text: "\xff\xfePrime Minister Pham Minh Chinh received \xc3(Ambassador Marc Knapper.\xed\xa0\x80", people: []string{"Pham Minh Chinh"}, warn: "UTF-8"},
		{name: "invalid UTF-8 only", text: strings.Repeat("\xff\xfe\xc0\x80", 10000), warn: "UTF-8"},
		{name: "RTL marks and ZWJ inside names", text: "Prime Minister Pham\u200f Minh\u200d Chinh received Ambassador Ma\u200drc\u200e Knapper\u202e.\u202c"},
		{name: "combining marks piled on one letter", text: "Minister N" + strings.Repeat("\u0301", 100000) + "guyen Van An met."},
		{name: "10 MB on one line, no spaces", text: strings.Repeat("a", big(10<<20))},
		{name: "10 MB of glued capitalised words", text: strings.Repeat("HanoiMinister", big(10<<20)/13)},
		{name: "1 MB of opening parentheses", text: strings.Repeat("((((", big(1<<18))},
		{name: "1 MB of Minister of", text: strings.Repeat("Minister of ", big(1<<20)/12)},
		{name: "title chain of 10,000 links", text: strings.Repeat("Vice Chairman of the Standing Committee of the Ministry of Foreign Affairs of ", big(10000)) + "Vietnam Nguyen Van An received Ambassador Marc Knapper."},
		{name: "100,000 acronyms in parentheses", text: "The Ministry of Home Affairs " + acronyms(big(100000))},
		{name: "100,000 capitalised words without punctuation", text: strings.Repeat("Nguyen Van ", big(50000))},
		{name: "200,000 one-word sentences", text: strings.Repeat("Hanoi. ", big(200000))},
		{name: "1 MB of newlines", text: strings.Repeat("\n", big(1<<20))},
		{name: "1 MB of periods", text: strings.Repeat(".", big(1<<20))},
		{name: "dates without end", text: strings.Repeat("on January 6, ", big(50000))},
		{name: "received without end", text: strings.Repeat("Pham Minh Chinh received Marc Knapper who received ", big(2000))},
	}
	x := defaultExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), badInputDeadline)
			defer cancel()
			start := time.Now()
			done := make(chan *extract.Document, 1)
			go func() { done <- x.ExtractContext(ctx, tt.text) }()
			var doc *extract.Document
			select {
			case doc = <-done:
			case <-time.After(badInputDeadline + 10*time.Second):
				t.Fatalf("no Document %v after the context's deadline", 10*time.Second)
			}
			if ctx.Err() != nil {
				t.Fatalf("took %v, past the deadline of %v; warnings %+v", time.Since(start), badInputDeadline, doc.Warnings)
			}
			t.Logf("%d bytes in %v", len(tt.text), time.Since(start))
			for _, p := range extract.Check(tt.text, doc) {
				t.Error(p)
			}
			if _, err := json.Marshal(doc); err != nil {
				t.Errorf("JSON: %v", err)
			}
			found := map[string]bool{}
			for _, p := range doc.People {
				found[p.Name] = true
			}
			for _, name := range tt.people {
				if !found[name] {
					t.Errorf("%q not found among people %v", name, summary(doc)["people"])
				}
			}
			if tt.warn != "" && !strings.Contains(fmt.Sprint(doc.Warnings), tt.warn) {
				t.Errorf("warnings %+v do not mention %q", doc.Warnings, tt.warn)
			}
			if tt.warn == "" && utf8.ValidString(tt.text) && len(doc.Warnings) > 0 {
				t.Errorf("unexpected warnings %+v", doc.Warnings)
			}
		})
	}
}

// TestExtractContextCancelledMidway cancels a long extraction while it runs:
// ExtractContext must come back promptly, with a warning, rather than finish
// the document.
func TestExtractContextCancelledMidway(t *testing.T) {
	x := defaultExtractor(t)
	data, err := os.ReadFile("../testdata/talks-pm.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat(string(data)+"\n\n", big(1<<20)/len(data))
	full := time.Now()
	x.Extract(text)
	whole := time.Since(full)

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(whole/10, cancel)
	start := time.Now()
	doc := x.ExtractContext(ctx, text)
	took := time.Since(start)
	t.Logf("whole document %v, cancelled after %v, returned after %v", whole, whole/10, took)
	if took > whole/2 {
		t.Errorf("returned %v after the start, cancelled at %v; the whole document takes %v", took, whole/10, whole)
	}
	if !strings.Contains(fmt.Sprint(doc.Warnings), "canceled") {
		t.Errorf("warnings %+v do not say the context was cancelled", doc.Warnings)
	}
}
