package extract

import (
	"sort"
	"strings"
	"testing"
	"time"
)

// TestRelations checks each trigger and argument form on sentences written
// for the test: every relation as "type subject > object @date @place", with
// the people's names, the date's text and the place's name.
func TestRelations(t *testing.T) {
	x, err := New(WithReferenceDate(time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"received with title chain and adverbials",
			"Hanoi (VNA) - Deputy Prime Minister Tran Hong Ha, Politburo member, on March 3 morning received Japanese Ambassador Ito Naoki in Hanoi.",
			[]string{"received Tran Hong Ha > Ito Naoki @March 3 @Hanoi"}},
		{"headline and caption",
			"Prime Minister Pham Minh Chinh receives Ambassador Marc Knapper\n\nPrime Minister Pham Minh Chinh (R) and Ambassador Marc Knapper (Photo: VNA)",
			[]string{"received Pham Minh Chinh > Marc Knapper"}},
		{"received by",
			"Ambassador Marc Knapper was received by Prime Minister Pham Minh Chinh in Hanoi on May 2.",
			[]string{"received Pham Minh Chinh > Marc Knapper @May 2 @Hanoi"}},
		{"reception for a description",
			"Minister of Foreign Affairs Bui Thanh Son held talks with Ambassador Marc Knapper in Hanoi on May 2.\n\nLater the same day, Prime Minister Pham Minh Chinh hosted a reception for the guest.",
			[]string{"talks Bui Thanh Son > Marc Knapper @May 2 @Hanoi", "received Pham Minh Chinh > Marc Knapper @May 2 @Hanoi"}},
		{"title description resolves to its holder",
			"Minister of Home Affairs Pham Thi Thanh Tra held talks with Ambassador Marc Knapper.\n\nPrime Minister Pham Minh Chinh hosted a reception for the minister.",
			[]string{"talks Pham Thi Thanh Tra > Marc Knapper", "received Pham Minh Chinh > Pham Thi Thanh Tra"}},
		{"description that fits no one",
			"Prime Minister Pham Minh Chinh hosted a reception for the ambassador.",
			nil},
		{"courtesy call",
			"Ambassador Marc Knapper paid a courtesy call on Prime Minister Pham Minh Chinh on June 4.",
			[]string{"received Pham Minh Chinh > Marc Knapper @June 4"}},
		{"delegation led by",
			"Prime Minister Pham Minh Chinh received a delegation of the US Congress led by Ambassador Marc Knapper.",
			[]string{"received Pham Minh Chinh > Marc Knapper"}},
		{"talks between",
			"At the talks between Prime Minister Pham Minh Chinh and Ambassador Marc Knapper (Photo: VNA)",
			[]string{"talks Pham Minh Chinh > Marc Knapper"}},
		{"talks first, subject after the comma",
			"During his talks with Ambassador Marc Knapper in Hanoi on July 1, Prime Minister Pham Minh Chinh proposed closer ties.",
			[]string{"talks Pham Minh Chinh > Marc Knapper @July 1 @Hanoi"}},
		{"told at a meeting",
			"Ties keep growing, Prime Minister Pham Minh Chinh told Ambassador Marc Knapper at a meeting in Hanoi on July 1.",
			[]string{"met Pham Minh Chinh > Marc Knapper @July 1 @Hanoi"}},
		{"a list of people met",
			"Prime Minister Pham Minh Chinh held talks with Ambassador Marc Knapper, met with Ambassador Olivier Brochet, and Ambassador Ito Naoki.",
			[]string{"talks Pham Minh Chinh > Marc Knapper", "met Pham Minh Chinh > Olivier Brochet", "met Pham Minh Chinh > Ito Naoki"}},
		{"welcomed, hosted, met, had a meeting with, phone talks",
			"Prime Minister Pham Minh Chinh welcomed Ambassador Marc Knapper. Minister of Foreign Affairs Bui Thanh Son hosted Ambassador Ito Naoki. Deputy Prime Minister Tran Hong Ha met Ambassador Olivier Brochet. President Luong Cuong had a meeting with Ambassador Marc Knapper. President Luong Cuong held phone talks with Ambassador Ito Naoki.",
			[]string{"received Pham Minh Chinh > Marc Knapper", "received Bui Thanh Son > Ito Naoki", "met Tran Hong Ha > Olivier Brochet", "met Luong Cuong > Marc Knapper", "talks Luong Cuong > Ito Naoki"}},
		{"gave a reception to, official dinner hosted by, and-talks",
			"Prime Minister Pham Minh Chinh gave a reception to Ambassador Marc Knapper. Ambassador Ito Naoki attended an official dinner hosted by President Luong Cuong. Ambassador Olivier Brochet and Minister of Foreign Affairs Bui Thanh Son held talks.",
			[]string{"received Pham Minh Chinh > Marc Knapper", "received Luong Cuong > Ito Naoki", "talks Olivier Brochet > Bui Thanh Son"}},
		{"meeting first, subject after the comma",
			"At a meeting with Ambassador Ito Naoki, President Luong Cuong said ties are strong.",
			[]string{"met Luong Cuong > Ito Naoki"}},
		{"his host, the visiting official, the PM",
			"Ambassador Ito Naoki arrived on May 5. Prime Minister Pham Minh Chinh welcomed the visiting official. Ambassador Olivier Brochet arrived. He paid a courtesy call on his host. Later, Ambassador Marc Knapper met the PM.",
			[]string{"received Pham Minh Chinh > Ito Naoki", "met Marc Knapper > Pham Minh Chinh"}},
		{"guests of one sentence share its date and place, the next sentence has its own",
			"Prime Minister Pham Minh Chinh received Ambassador Marc Knapper and Ambassador Ito Naoki in Hanoi on May 2. President Luong Cuong met Ambassador Olivier Brochet.",
			[]string{"received Pham Minh Chinh > Marc Knapper @May 2 @Hanoi", "received Pham Minh Chinh > Ito Naoki @May 2 @Hanoi", "met Luong Cuong > Olivier Brochet"}},
		{"planned and negated events",
			"Prime Minister Pham Minh Chinh will hold talks with Ambassador Marc Knapper. Ambassador Olivier Brochet is scheduled to meet with Prime Minister Pham Minh Chinh. Ambassador Ito Naoki did not meet with Ambassador Olivier Brochet.",
			nil},
		{"no named argument",
			"Prime Minister Pham Minh Chinh sent letters to New Zealand leaders and met with Vietnamese officials.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := x.Extract(tt.text)
			names := map[string]string{}
			for _, p := range doc.People {
				names[p.ID] = p.Name
			}
			dates := map[string]string{}
			for _, d := range doc.Dates {
				dates[d.ID] = d.Text
			}
			places := map[string]string{}
			for _, l := range doc.Places {
				places[l.ID] = l.Name
			}
			var got []string
			for _, r := range doc.Relations {
				s := r.Type + " " + names[r.Subject] + " > " + names[r.Object]
				if r.Date != "" {
					s += " @" + dates[r.Date]
				}
				if r.Place != "" {
					s += " @" + places[r.Place]
				}
				got = append(got, s)
			}
			sort.Strings(got)
			want := append([]string(nil), tt.want...)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("relations\n got: %q\nwant: %q", got, want)
			}
		})
	}
}
