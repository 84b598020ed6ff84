package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/rules"
)

// dateMention is one calendar expression with its ISO 8601 value.
type dateMention struct {
	span  span
	rule  string
	order int
	value string
	id    string
}

func (d *dateMention) where() span   { return d.span }
func (d *dateMention) priority() int { return d.order }

// calendarDate is a date some of whose parts may be unknown (zero).
type calendarDate struct{ year, month, day int }

// addDate records a date a rule found. The rule names the parts: groups
// "day", "month" and "year" for the date or the start of a range, "day2",
// "month2" and "year2" for its end, and "date" for the whole expression
// (the whole match when absent). A group "dateline" marks the date of the
// article's dateline.
func (a *analysis) addDate(rule *rules.Compiled, m rules.Match, sent span) {
	whole, ok := group(m, "date", sent)
	if !ok {
		whole = span{m.Start, m.End}.shift(sent.start)
	}
	start, ok := a.datePart(m, sent, "")
	if !ok {
		return
	}
	end, ok := a.datePart(m, sent, "2")
	if !ok {
		return
	}
	value, ok := a.dateValue(start, end)
	if !ok {
		return
	}
	d := &dateMention{span: whole, rule: rule.ID, order: a.ruleOrder(rule), value: value}
	a.dateCands = append(a.dateCands, d)
	if _, ok := group(m, "dateline", sent); ok && a.dateline.date == nil {
		a.dateline.date = d
	}
}

// datePart reads the day, month and year groups with the given suffix. It
// fails when a group holds something that is no such part ("May 45").
func (a *analysis) datePart(m rules.Match, sent span, suffix string) (calendarDate, bool) {
	var d calendarDate
	if s, ok := group(m, "year"+suffix, sent); ok {
		y, err := strconv.Atoi(a.text(s))
		if err != nil {
			return d, false
		}
		d.year = y
	}
	if s, ok := group(m, "month"+suffix, sent); ok {
		if e := a.chosenEntry(s.start); e != nil && e.Type == "month" {
			d.month, _ = strconv.Atoi(e.Value)
		} else if n, err := strconv.Atoi(a.text(s)); err == nil {
			d.month = n
		}
		if d.month < 1 || d.month > 12 {
			return d, false
		}
	}
	if s, ok := group(m, "day"+suffix, sent); ok {
		n, err := strconv.Atoi(a.text(s))
		if err != nil || n < 1 || n > 31 {
			return d, false
		}
		d.day = n
	}
	return d, true
}

// dateValue writes a date or range as ISO 8601. The end of a range takes
// what it does not say from its start ("January 5-6"); a two-digit end year
// takes the start's century ("2022-26"). A year-less date takes its year
// from the reference date when there is one.
func (a *analysis) dateValue(start, end calendarDate) (string, bool) {
	if start == (calendarDate{}) {
		return "", false
	}
	if start.year != 0 && (start.year < 1000 || start.year > 2999) {
		return "", false
	}
	if start.month == 0 && start.day != 0 {
		return "", false
	}
	if start.year == 0 && !a.x.reference.IsZero() && start.month != 0 {
		start.year = yearBefore(a.x.reference, start.month, start.day)
	}
	if end == (calendarDate{}) {
		return start.iso(), true
	}
	if end.year != 0 && end.year < 100 && start.year != 0 {
		end.year += start.year / 100 * 100
		if end.year < start.year {
			end.year += 100
		}
	}
	if end.year == 0 && end.month == 0 && end.day != 0 {
		end.month = start.month
	}
	if end.year == 0 && start.year != 0 && end.month != 0 {
		end.year = start.year
		if end.month < start.month {
			end.year++
		}
	}
	if end.month == 0 && end.day != 0 {
		return "", false
	}
	if end.year != 0 && (end.year < 1000 || end.year > 2999) {
		return "", false
	}
	return start.iso() + "/" + end.iso(), true
}

// yearBefore is the year that puts month and day nearest before or on ref.
func yearBefore(ref time.Time, month, day int) int {
	y := ref.Year()
	if month > int(ref.Month()) || (month == int(ref.Month()) && day > ref.Day()) {
		y--
	}
	return y
}

func (d calendarDate) iso() string {
	var b strings.Builder
	if d.year != 0 {
		fmt.Fprintf(&b, "%04d", d.year)
	} else {
		b.WriteString("-")
	}
	if d.month != 0 {
		fmt.Fprintf(&b, "-%02d", d.month)
		if d.day != 0 {
			fmt.Fprintf(&b, "-%02d", d.day)
		}
	}
	return b.String()
}

// resolveDates applies the overlap policy to the dates found.
func (a *analysis) resolveDates() {
	a.dates = pick(a.dateCands)
}
