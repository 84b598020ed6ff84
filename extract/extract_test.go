package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// shared is built once: New compiles every default file.
var shared = sync.OnceValues(func() (*extract.Extractor, error) { return extract.New() })

func defaultExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	x, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestNewReportsBadFiles(t *testing.T) {
	tests := []struct {
		name string
		opt  extract.Option
		want []string // every one must be in the error
	}{
		{"gazetteer unknown field",
			extract.WithGazetteerYAML("mine.yaml", []byte("- id: org.x\n  type: organisation\n  name: X Institute\n  colour: red\n")),
			[]string{"mine.yaml:4", "colour"}},
		{"gazetteer unknown type",
			extract.WithGazetteerYAML("mine.yaml", []byte("- id: x\n  type: planet\n  name: Mars\n")),
			[]string{"mine.yaml:1", "planet"}},
		{"gazetteer YAML syntax",
			extract.WithGazetteerYAML("mine.yaml", []byte("- id: x\n  type: [\n")),
			[]string{"mine.yaml:"}},
		{"rule unknown macro",
			extract.WithRulesYAML("my-rules.yaml", []byte("rules:\n  - id: my.rule\n    phase: people\n    pattern: '{NOSUCH}'\n")),
			[]string{"my-rules.yaml:2", "my.rule", "NOSUCH"}},
		{"rule bad pattern",
			extract.WithRulesYAML("my-rules.yaml", []byte("rules:\n  - id: my.rule\n    phase: people\n    pattern: '(?<person>P'\n")),
			[]string{"my-rules.yaml:2", "my.rule"}},
		{"rule unknown field",
			extract.WithRulesYAML("my-rules.yaml", []byte("rules:\n  - id: my.rule\n    phase: people\n    patern: 'P'\n")),
			[]string{"my-rules.yaml:4", "patern"}},
		{"missing gazetteer file", extract.WithGazetteer("testdata/no-such.yaml"), []string{"no-such.yaml"}},
		{"missing rule file", extract.WithRules("testdata/no-such.yaml"), []string{"no-such.yaml"}},
		{"bad timeout", extract.WithRuleTimeout(-time.Second), []string{"timeout"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := extract.New(tt.opt)
			if err == nil {
				t.Fatal("New succeeded")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// summary renders what a Document says in a compact, comparable form.
func summary(doc *extract.Document) map[string][]string {
	s := map[string][]string{}
	names := map[string]string{}
	for _, p := range doc.People {
		names[p.ID] = p.Name
		s["people"] = append(s["people"], p.Name)
		for _, t := range p.Titles {
			s["titles"] = append(s["titles"], p.Name+": "+t.Text)
			s["roles"] = append(s["roles"], p.Name+": "+t.Role)
		}
		for _, h := range p.Honorifics {
			s["honorifics"] = append(s["honorifics"], p.Name+": "+h)
		}
	}
	for _, o := range doc.Organisations {
		names[o.ID] = o.Name
		s["organisations"] = append(s["organisations"], strings.TrimSpace(o.Name+" "+o.Acronym))
	}
	for _, d := range doc.Dates {
		names[d.ID] = d.Text
		s["dates"] = append(s["dates"], d.Text+"="+d.Value)
	}
	for _, l := range doc.Places {
		names[l.ID] = l.Name
		s["places"] = append(s["places"], l.Name)
	}
	for _, r := range doc.Relations {
		s["relations"] = append(s["relations"], r.Type+"("+names[r.Subject]+", "+names[r.Object]+") "+names[r.Date]+" "+names[r.Place])
	}
	return s
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string][]string // only the kinds listed are compared
	}{
		{
			name: "title chain, acronym and received",
			text: "Prof. Dr. Nguyen Xuan Thang, Politburo member, President of the Ho Chi Minh National Academy of Politics (HCMA), on March 3 morning received Japanese Ambassador Ito Naoki in Hanoi.",
			want: map[string][]string{
				"people":        {"Nguyen Xuan Thang", "Ito Naoki"},
				"honorifics":    {"Nguyen Xuan Thang: Prof.", "Nguyen Xuan Thang: Dr."},
				"titles":        {"Nguyen Xuan Thang: Politburo member", "Nguyen Xuan Thang: President of the Ho Chi Minh National Academy of Politics (HCMA)", "Ito Naoki: Japanese Ambassador"},
				"roles":         {"Nguyen Xuan Thang: member", "Nguyen Xuan Thang: President", "Ito Naoki: Ambassador"},
				"organisations": {"Politburo", "Ho Chi Minh National Academy of Politics HCMA"},
				"dates":         {"March 3=--03-03"},
				"places":        {"Hanoi"},
				"relations":     {"received(Nguyen Xuan Thang, Ito Naoki) March 3 Hanoi"},
			},
		},
		{
			name: "acronym learned from the text resolves a later bare use",
			text: "The Institute of Mekong Water Studies (IMWS) opened an office. IMWS will hire staff.",
			want: map[string][]string{
				"organisations": {"Institute of Mekong Water Studies IMWS"},
			},
		},
		{
			name: "acronym first, name in parentheses",
			text: "Officials of IMWS (Institute of Mekong Water Studies) arrived.",
			want: map[string][]string{
				"organisations": {"Institute of Mekong Water Studies IMWS"},
			},
		},
		{
			name: "talks with apposition and dateline",
			text: "Hanoi (VNA) - Minister of Foreign Affairs Bui Thanh Son held talks with Olivier Brochet, French Ambassador to Vietnam, on June 4.",
			want: map[string][]string{
				"people":    {"Bui Thanh Son", "Olivier Brochet"},
				"titles":    {"Bui Thanh Son: Minister of Foreign Affairs", "Olivier Brochet: French Ambassador to Vietnam"},
				"relations": {"talks(Bui Thanh Son, Olivier Brochet) June 4 Hanoi"},
			},
		},
		{
			name: "passive received and short forms",
			text: "Ambassador Marc Knapper was received by Prime Minister Pham Minh Chinh. Chinh thanked Knapper.",
			want: map[string][]string{
				"people":    {"Marc Knapper", "Pham Minh Chinh"},
				"relations": {"received(Pham Minh Chinh, Marc Knapper)  "},
			},
		},
		{
			name: "dates and non-dates",
			text: "The fund, set up in 2010, ran programmes in 1973-2023 and from May 30 to June 2, not for five years or on its 50th anniversary. It cost 7.11 million.",
			want: map[string][]string{
				"dates": {"2010=2010", "1973-2023=1973/2023", "May 30 to June 2=--05-30/--06-02"},
			},
		},
		{
			name: "noise inside words",
			text: "Mi💝nister ofHome Affairs Pham Thi Thanh Tra met Ambassador Marc Knapper.",
			want: map[string][]string{
				"people":    {"Pham Thi Thanh Tra", "Marc Knapper"},
				"titles":    {"Pham Thi Thanh Tra: Minister of Home Affairs", "Marc Knapper: Ambassador"},
				"relations": {"met(Pham Thi Thanh Tra, Marc Knapper)  "},
			},
		},
		{
			name: "two triggers joined by and; the day of the talks, not the visit's range",
			text: "Vice President Vo Thi Anh Xuan hosted a welcome ceremony and held talks with Lao Vice President Pany Yathotou, who is visiting from August 13-16, in Hanoi on August 14.",
			want: map[string][]string{
				"relations": {"received(Vo Thi Anh Xuan, Pany Yathotou) August 14 Hanoi", "talks(Vo Thi Anh Xuan, Pany Yathotou) August 14 Hanoi"},
			},
		},
		{
			name: "hyphenated given name, lower-case word inside a title, one-word short name in parentheses",
			text: "Chairman of the provincial People's Committee Tran Van Lam met Ambassador Choi Young-sam and the Japan Business Federation (Keidanren).",
			want: map[string][]string{
				"people":        {"Tran Van Lam", "Choi Young-sam"},
				"titles":        {"Tran Van Lam: Chairman of the provincial People's Committee", "Choi Young-sam: Ambassador"},
				"organisations": {"People's Committee", "Japan Business Federation Keidanren"},
			},
		},
		{
			name: "a name-like run after 'at the' is a place, not a person",
			text: "President Luong Cuong met Ambassador Marc Knapper and laid a wreath at the Kalibata Heroes' Cemetery.",
			want: map[string][]string{
				"people": {"Luong Cuong", "Marc Knapper"},
			},
		},
		{
			name: "a name whose first word is an English word, and its later tail",
			text: "Politburo member Tran Cam Tu received Vice President Men Sam An. Men Sam An thanked her host.",
			want: map[string][]string{
				"people":    {"Tran Cam Tu", "Men Sam An"},
				"titles":    {"Tran Cam Tu: Politburo member", "Men Sam An: Vice President"},
				"relations": {"received(Tran Cam Tu, Men Sam An)  "},
			},
		},
		{
			name: "a tail two names share stays apart",
			text: "Minister Le Van Thanh met Ambassador Tran Van Thanh. Van Thanh spoke.",
			want: map[string][]string{
				"people": {"Le Van Thanh", "Tran Van Thanh", "Van Thanh"},
			},
		},
		{
			name: "a title set off before the name by a comma; a courtesy call from the guest",
			text: "Prime Minister Anwar Ibrahim received a courtesy call from the Chief Executive Officer of Nvidia Corporation, Jensen Huang, in Putrajaya.",
			want: map[string][]string{
				"titles":    {"Anwar Ibrahim: Prime Minister", "Jensen Huang: Chief Executive Officer of Nvidia Corporation"},
				"relations": {"received(Anwar Ibrahim, Jensen Huang)  Putrajaya"},
			},
		},
		{
			name: "empty text",
			text: "",
			want: map[string][]string{"people": nil, "relations": nil},
		},
	}
	x := defaultExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := x.Extract(tt.text)
			got := summary(doc)
			for kind, want := range tt.want {
				if strings.Join(got[kind], " | ") != strings.Join(want, " | ") {
					t.Errorf("%s:\n got %q\nwant %q", kind, got[kind], want)
				}
			}
			if problems := extract.Check(tt.text, doc); len(problems) > 0 {
				t.Errorf("Check: %v", problems)
			}
		})
	}
}

func TestReferenceDate(t *testing.T) {
	x, err := extract.New(extract.WithReferenceDate(time.Date(2024, 2, 10, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	doc := x.Extract("They met on January 6, again on December 24 and in September 2020, and on February 10.")
	want := []string{"January 6=2024-01-06", "December 24=2023-12-24", "September 2020=2020-09", "February 10=2024-02-10"}
	if got := summary(doc)["dates"]; strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A user rule that backtracks without end is cut by its timeout: the
// document still holds what the other rules found, and says which rule ran
// out of time. (Were the lookahead last, the prefilter would reject every
// position. The two branches differ, or Go's parser, which reads patterns
// for the matcher, would merge them into one class, which does not run
// away.)
func TestRunawayRuleIsReported(t *testing.T) {
	runaway := []byte("rules:\n  - id: user.runaway\n    phase: people\n    pattern: '(?<person>(?:[^P][^P]|[^P])*)(?=Q)Q?'\n")
	x, err := extract.New(extract.WithRulesYAML("runaway.yaml", runaway), extract.WithRuleTimeout(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	// The sentence holds a Q, or the rule would be skipped unrun, but none
	// after the last person: from there every attempt backtracks.
	text := "Prime Minister Pham Minh Chinh in Hanoi received Ambassador Marc Knapper" + strings.Repeat(" and the guests", 40) + "."
	start := time.Now()
	doc := x.Extract(text)
	if elapsed := time.Since(start); elapsed > 10*time.Second {
		t.Errorf("extraction took %v despite the timeout", elapsed)
	}
	found := false
	for _, w := range doc.Warnings {
		if w.Rule == "user.runaway" {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning names the runaway rule: %+v", doc.Warnings)
	}
	if got := summary(doc)["relations"]; len(got) != 1 {
		t.Errorf("relations %q, want the one the other rules find", got)
	}
}

func TestExtractContextCancelled(t *testing.T) {
	x := defaultExtractor(t)
	const text = "Prime Minister Pham Minh Chinh received Ambassador Marc Knapper."
	// A document first, so that the pooled scratch a cancelled one reuses
	// holds something to leak.
	if doc := x.Extract(text); len(doc.People) == 0 {
		t.Fatal("no people without cancellation")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := x.ExtractContext(ctx, text)
	if len(doc.Warnings) == 0 || !strings.Contains(doc.Warnings[0].Message, "canceled") {
		t.Errorf("warnings %+v, want one saying the context was cancelled", doc.Warnings)
	}
	if len(doc.Relations)+len(doc.People)+len(doc.Organisations) != 0 {
		t.Errorf("relations %+v, people %+v, organisations %+v after cancellation", doc.Relations, doc.People, doc.Organisations)
	}
}

// TestExtractConcurrently shares one Extractor between 16 goroutines, each
// on a different article (the golden ones and the corpus, repeated with a
// suffix once they run out), and wants each Document equal to the one a
// sequential run gives. Run under -race it also checks that Extract writes
// nothing shared.
func TestExtractConcurrently(t *testing.T) {
	x := defaultExtractor(t)
	files, _ := filepath.Glob("../testdata/*.txt")
	more, _ := filepath.Glob("../testdata/corpus/*.txt")
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no articles in ../testdata")
	}
	texts := make([]string, 16)
	for g := range texts {
		data, err := os.ReadFile(files[g%len(files)])
		if err != nil {
			t.Fatal(err)
		}
		texts[g] = string(data) + strings.Repeat("\nMinister Bui Thanh Son met Ambassador Marc Knapper.", g/len(files))
	}
	want := make([]*extract.Document, len(texts))
	for g, text := range texts {
		want[g] = x.Extract(text)
	}
	var wg sync.WaitGroup
	for g := range texts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 3; k++ {
				if got := x.Extract(texts[g]); !reflect.DeepEqual(got, want[g]) {
					t.Errorf("goroutine %d: document differs from the sequential one:\n%+v\nwant\n%+v", g, got, want[g])
					return
				}
			}
		}()
	}
	wg.Wait()
}
