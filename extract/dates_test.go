package extract

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// datesOf extracts text with x and lists its dates as "text=value".
func datesOf(x *Extractor, text string) []string {
	var out []string
	for _, d := range x.Extract(text).Dates {
		out = append(out, d.Text+"="+d.Value)
	}
	return out
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestDates lists, for sentences written for this test, every date the
// engine must find with its exact value; an empty want means no date.
func TestDates(t *testing.T) {
	tests := []struct {
		text string
		ref  time.Time
		want []string
	}{
		// Month and day, with a part of the day or a year.
		{text: "The talks took place on January 6.", want: []string{"January 6=--01-06"}},
		{text: "He arrived on Jan. 6 with his wife.", want: []string{"Jan. 6=--01-06"}},
		{text: "The envoy left on Sept. 9 for home.", want: []string{"Sept. 9=--09-09"}},
		{text: "The forum opened on 6 January.", want: []string{"6 January=--01-06"}},
		{text: "The forum opened on 6 January 2025.", want: []string{"6 January 2025=2025-01-06"}},
		{text: "The forum opened on 15 March, 2024.", want: []string{"15 March, 2024=2024-03-15"}},
		{text: "The minister spoke on January 6 morning.", want: []string{"January 6=--01-06"}},
		{text: "They met on February 29 evening.", want: []string{"February 29=--02-29"}},
		{text: "The treaty was signed on June 19, 1975.", want: []string{"June 19, 1975=1975-06-19"}},
		{text: "A deal signed on December 31, 1999 expired.", want: []string{"December 31, 1999=1999-12-31"}},
		// Month and year, month alone.
		{text: "The visit in September 2024 was short.", want: []string{"September 2024=2024-09"}},
		{text: "The visit in September, 2024 was short.", want: []string{"September, 2024=2024-09"}},
		{text: "The fair is held every September.", want: []string{"September=--09"}},
		{text: "The plan was adopted last September.", want: []string{"September=--09"}},
		{text: "Elections are due this November.", want: []string{"November=--11"}},
		{text: "In March, the two sides met twice.", want: []string{"March=--03"}},
		// A year alone.
		{text: "The company was established in 2020.", want: []string{"2020=2020"}},
		{text: "Rates rose in the first half of 2017 after a slump.", want: []string{"2017=2017"}},
		{text: "Inflation was high in late 2016 and fell later.", want: []string{"2016=2016"}},
		{text: "The city aims to be green by 2030.", want: []string{"2030=2030"}},
		{text: "By 2030, the city will be green.", want: []string{"2030=2030"}},
		{text: "In 2019, exports rose.", want: []string{"2019=2019"}},
		{text: "The line has run since mid-2021.", want: []string{"2021=2021"}},
		{text: "Sales grew in 2019 and 2020.", want: []string{"2019=2019", "2020=2020"}},
		{text: "The report (2024) was cited.", want: []string{"2024=2024"}},
		// Ranges of days, across months, of years.
		{text: "The meeting ran January 5-6 in the capital.", want: []string{"January 5-6=--01-05/--01-06"}},
		{text: "The fair runs April 21-24.", want: []string{"April 21-24=--04-21/--04-24"}},
		{text: "It was held September 28 – 30 in the city.", want: []string{"September 28 - 30=--09-28/--09-30"}},
		{text: "The camp runs from July 22 to 31.", want: []string{"July 22 to 31=--07-22/--07-31"}},
		{text: "The show ran March 3-5, 2024.", want: []string{"March 3-5, 2024=2024-03-03/2024-03-05"}},
		{text: "The fair ran from October 21 to October 22.", want: []string{"October 21 to October 22=--10-21/--10-22"}},
		{text: "It lasted from May 30 to June 2.", want: []string{"May 30 to June 2=--05-30/--06-02"}},
		{text: "It ran from December 30, 2024 to January 2, 2025.", want: []string{"December 30, 2024 to January 2, 2025=2024-12-30/2025-01-02"}},
		{text: "It ran from December 30 to January 2.", want: []string{"December 30 to January 2=--12-30/--01-02"}},
		{text: "The 1973-2023 period was long.", want: []string{"1973-2023=1973/2023"}},
		{text: "Relations (1973 – 2023) grew.", want: []string{"1973 - 2023=1973/2023"}},
		{text: "The plan for 2022-26 was set.", want: []string{"2022-26=2022/2026"}},
		{text: "The plan for 1998-02 was set.", want: []string{"1998-02=1998/2002"}},
		{text: "Ties (June 19, 1975 – 2025) are strong.", want: []string{"June 19, 1975 - 2025=1975-06-19/2025"}},
		// Numeric dates, datelines.
		{text: "The deadline is 2023-05-03 for all.", want: []string{"2023-05-03=2023-05-03"}},
		{text: "HANOI, July 20 - The board met.", want: []string{"July 20=--07-20"}},
		{text: "PARIS, March 2, 2024 - The board met.", want: []string{"March 2, 2024=2024-03-02"}},
		// Not dates.
		{text: "The two countries have worked together for five years."},
		{text: "They marked a four-decade partnership."},
		{text: "The 50th anniversary was celebrated."},
		{text: "He attended the Summit of the Future 2024 in the city."},
		{text: "The AFF 2024 final was played."},
		{text: "Deputies passed the 2016 Law on Children."},
		{text: "Exports reached 7.11 billion USD."},
		{text: "The two sides may sign a deal."},
		{text: "He met Jan Novak in the capital."},
		{text: "Some 1500 households were moved."},
		{text: "The minister arrived on Sunday and left the same day."},
		{text: "Today the minister left."},
		{text: "The deadline is 2023-13-45 for all."},
		{text: "The meeting ran May 45 to May 46."},
		// Reference dates: the year that puts the date nearest before or on it.
		{text: "They met on December 30.", ref: day(2025, 1, 5), want: []string{"December 30=2024-12-30"}},
		{text: "They met on January 3.", ref: day(2025, 1, 5), want: []string{"January 3=2025-01-03"}},
		{text: "They met on January 5.", ref: day(2025, 1, 5), want: []string{"January 5=2025-01-05"}},
		{text: "They met on January 6.", ref: day(2025, 1, 5), want: []string{"January 6=2024-01-06"}},
		{text: "They met on January 2.", ref: day(2024, 12, 31), want: []string{"January 2=2024-01-02"}},
		{text: "They met on December 31.", ref: day(2024, 12, 31), want: []string{"December 31=2024-12-31"}},
		{text: "They met in December.", ref: day(2025, 1, 2), want: []string{"December=2024-12"}},
		{text: "They met in January.", ref: day(2025, 1, 2), want: []string{"January=2025-01"}},
		{text: "It ran from December 30 to January 2.", ref: day(2025, 1, 10), want: []string{"December 30 to January 2=2024-12-30/2025-01-02"}},
		{text: "The meeting ran December 30-31.", ref: day(2025, 1, 1), want: []string{"December 30-31=2024-12-30/2024-12-31"}},
		{text: "The deal signed on December 30, 2020 held.", ref: day(2025, 1, 5), want: []string{"December 30, 2020=2020-12-30"}},
		{text: "They met in 2019.", ref: day(2025, 1, 5), want: []string{"2019=2019"}},
		// Unless the text puts the date in the reference's year.
		{text: "Elections are due this November.", ref: day(2025, 3, 20), want: []string{"November=2025-11"}},
		{text: "Elections were held last November.", ref: day(2025, 3, 20), want: []string{"November=2024-11"}},
		{text: "The fair opens in June this year.", ref: day(2025, 3, 20), want: []string{"June=2025-06"}},
		{text: "The fair opens on July 20 of this year.", ref: day(2025, 3, 20), want: []string{"July 20=2025-07-20"}},
		{text: "On June 5 this plan was set.", ref: day(2025, 3, 20), want: []string{"June 5=2024-06-05"}},
		{text: "The fair opens in June this year.", want: []string{"June=--06"}},
		// The dateline's date is the reference when none is given, and the
		// given one wins over it.
		{text: "HANOI, January 3, 2025 - They met on December 30.", want: []string{"January 3, 2025=2025-01-03", "December 30=2024-12-30"}},
		{text: "HANOI, January 3, 2025 - They met on January 2.", ref: day(2023, 6, 1), want: []string{"January 3, 2025=2025-01-03", "January 2=2023-01-02"}},
		{text: "HANOI, January 3 - They met on December 30.", ref: day(2025, 1, 5), want: []string{"January 3=2025-01-03", "December 30=2024-12-30"}},
		{text: "HANOI, January 3 - They met on December 30.", want: []string{"January 3=--01-03", "December 30=--12-30"}},
		// Each distinct expression once.
		{text: "They met on May 4. On May 4 they signed.", want: []string{"May 4=--05-04"}},
	}
	xs := map[time.Time]*Extractor{}
	for _, tt := range tests {
		x := xs[tt.ref]
		if x == nil {
			var err error
			if x, err = New(WithReferenceDate(tt.ref)); err != nil {
				t.Fatal(err)
			}
			xs[tt.ref] = x
		}
		if got := datesOf(x, tt.text); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q (ref %s):\n got %q\nwant %q", tt.text, tt.ref.Format(time.DateOnly), got, tt.want)
		}
	}
}

// TestDatesMentions checks that one date written twice is one entity with
// two mentions, each pointing at its own text.
func TestDatesMentions(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "They met on May 4. On May 4 they signed."
	doc := x.Extract(text)
	if len(doc.Dates) != 1 || len(doc.Dates[0].Mentions) != 2 {
		t.Fatalf("dates = %+v, want one with two mentions", doc.Dates)
	}
	for _, m := range doc.Dates[0].Mentions {
		if text[m.Start:m.End] != "May 4" {
			t.Errorf("mention %d:%d is %q", m.Start, m.End, text[m.Start:m.End])
		}
	}
}

// TestRelativeDateIn resolves relative days to the listed date they stand for.
func TestRelativeDateIn(t *testing.T) {
	tests := []struct {
		text string
		want string // text of the date the last sentence's relative day resolves to
	}{
		{"HANOI, July 20 - They met on July 18. In the afternoon the same day, he left.", "July 18"},
		{"HANOI, July 20 - They met on July 18. He left that evening.", "July 18"},
		{"HANOI, July 20 - They met on July 18. He leaves today.", "July 20"},
		{"HANOI, July 20 - They met on July 18. He left the following day.", ""},
		{"HANOI, July 20 - They met on July 16-18. He left the same day.", ""},
		{"They met in July. He left the same day.", ""},
		{"They met on July 18. He left.", ""},
	}
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		a := newAnalysis(context.Background(), x, tt.text)
		for _, st := range stages {
			a.runPhase(t.Context(), st.phase, st.apply)
			if st.after != nil {
				st.after(a)
			}
		}
		got := ""
		if d := a.relativeDateIn(a.sents[len(a.sents)-1]); d != nil {
			got = a.text(d.span)
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestAppendPadded holds appendPadded to fmt's "%0*d".
func TestAppendPadded(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 12, 99, 100, 999, 1000, 2024, 12345} {
		for _, width := range []int{1, 2, 4} {
			if got, want := string(appendPadded([]byte("x"), n, width)), fmt.Sprintf("x%0*d", width, n); got != want {
				t.Errorf("appendPadded(x, %d, %d) = %q, want %q", n, width, got, want)
			}
		}
	}
}

// TestDateValue checks the ISO form of dates and ranges, with and without
// a reference date.
func TestDateValue(t *testing.T) {
	tests := []struct {
		start, end calendarDate
		ref        time.Time
		want       string
		ok         bool
	}{
		{calendarDate{2024, 1, 6}, calendarDate{}, time.Time{}, "2024-01-06", true},
		{calendarDate{0, 1, 6}, calendarDate{}, time.Time{}, "--01-06", true},
		{calendarDate{0, 9, 0}, calendarDate{}, time.Time{}, "--09", true},
		{calendarDate{2024, 0, 0}, calendarDate{}, time.Time{}, "2024", true},
		{calendarDate{0, 1, 5}, calendarDate{0, 0, 6}, time.Time{}, "--01-05/--01-06", true},
		{calendarDate{1975, 6, 19}, calendarDate{2025, 0, 0}, time.Time{}, "1975-06-19/2025", true},
		{calendarDate{2022, 0, 0}, calendarDate{26, 0, 0}, time.Time{}, "2022/2026", true},
		{calendarDate{0, 12, 30}, calendarDate{0, 1, 2}, day(2025, 3, 20), "2024-12-30/2025-01-02", true},
		{calendarDate{0, 6, 1}, calendarDate{}, day(2025, 3, 20), "2024-06-01", true},
		{calendarDate{}, calendarDate{}, time.Time{}, "", false},
		{calendarDate{0, 0, 6}, calendarDate{}, time.Time{}, "", false},
		{calendarDate{999, 0, 0}, calendarDate{}, time.Time{}, "", false},
	}
	for _, tt := range tests {
		got, ok := dateValue(tt.start, tt.end, tt.ref)
		if got != tt.want || ok != tt.ok {
			t.Errorf("dateValue(%v, %v, %v) = %q, %v; want %q, %v", tt.start, tt.end, tt.ref, got, ok, tt.want, tt.ok)
		}
	}
}
