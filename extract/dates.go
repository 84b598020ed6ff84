package extract

import (
	"slices"
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/rules"
)

// dateMention is one calendar expression with its ISO 8601 value.
type dateMention struct {
	span       span
	rule       string
	order      int
	start, end calendarDate // as written; end is zero unless a range
	thisYear   bool         // the text puts it in the reference's year
	value      string       // set by resolveDates, once the reference is known
	id         string
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
	start, ok := a.datePart(m, sent, startParts)
	if !ok {
		return
	}
	end, ok := a.datePart(m, sent, endParts)
	if !ok {
		return
	}
	if _, _, ok := dateRange(start, end, time.Time{}); !ok {
		return
	}
	d := a.scratch.mentions.dates.new(dateMention{span: whole, rule: rule.ID, order: a.ruleOrder(rule), start: start, end: end,
		thisYear: a.saysThisYear(whole)})
	a.dateCands = append(a.dateCands, d)
	if _, ok := group(m, "dateline", sent); ok && a.dateline.date == nil {
		a.dateline.date = d
	}
}

// dateParts names the groups of a date's day, month and year.
type dateParts struct{ day, month, year string }

// The groups of a date or the start of a range, and of the end of a range
// (see addDate): written out, not built, as every date asks for them.
var (
	startParts = dateParts{"day", "month", "year"}
	endParts   = dateParts{"day2", "month2", "year2"}
)

// datePart reads the day, month and year groups of the given names. It
// fails when a group holds something that is no such part ("May 45").
func (a *analysis) datePart(m rules.Match, sent span, parts dateParts) (calendarDate, bool) {
	var d calendarDate
	if s, ok := group(m, parts.year, sent); ok {
		y, err := strconv.Atoi(a.text(s))
		if err != nil {
			return d, false
		}
		d.year = y
	}
	if s, ok := group(m, parts.month, sent); ok {
		if e := a.chosenEntry(s.start); e != nil && e.Type == "month" {
			d.month, _ = strconv.Atoi(e.Value)
		} else if n, err := strconv.Atoi(a.text(s)); err == nil {
			d.month = n
		}
		if d.month < 1 || d.month > 12 {
			return d, false
		}
	}
	if s, ok := group(m, parts.day, sent); ok {
		n, err := strconv.Atoi(a.text(s))
		if err != nil || n < 1 || n > 31 {
			return d, false
		}
		d.day = n
	}
	return d, true
}

// dateValue writes a date or range as ISO 8601 (see dateRange).
func dateValue(start, end calendarDate, ref time.Time) (string, bool) {
	start, end, ok := dateRange(start, end, ref)
	if !ok {
		return "", false
	}
	var buf [len("2006-01-02/2006-01-02")]byte
	b := start.appendISO(buf[:0])
	if end != (calendarDate{}) {
		b = end.appendISO(append(b, '/'))
	}
	return string(b), true
}

// dateRange completes a date or range and reports whether it is one. The
// end of a range takes what it does not say from its start ("January
// 5-6"); a two-digit end year takes the start's century ("2022-26"). A
// year-less date takes its year from the reference date ref unless ref is
// zero.
func dateRange(start, end calendarDate, ref time.Time) (calendarDate, calendarDate, bool) {
	var none calendarDate
	if start == none {
		return none, none, false
	}
	if start.year != 0 && (start.year < 1000 || start.year > 2999) {
		return none, none, false
	}
	if start.month == 0 && start.day != 0 {
		return none, none, false
	}
	if start.year == 0 && !ref.IsZero() && start.month != 0 {
		start.year = yearBefore(ref, start.month, start.day)
	}
	if end == none {
		return start, end, true
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
		return none, none, false
	}
	if end.year != 0 && (end.year < 1000 || end.year > 2999) {
		return none, none, false
	}
	return start, end, true
}

// yearBefore is the year that puts month and day nearest before or on ref.
func yearBefore(ref time.Time, month, day int) int {
	y := ref.Year()
	if month > int(ref.Month()) || (month == int(ref.Month()) && day > ref.Day()) {
		y--
	}
	return y
}

// appendISO appends the date in ISO 8601: "2024-01-06", "--01-06",
// "--09", "2024".
func (d calendarDate) appendISO(b []byte) []byte {
	if d.year != 0 {
		b = appendPadded(b, d.year, 4)
	} else {
		b = append(b, '-')
	}
	if d.month != 0 {
		b = appendPadded(append(b, '-'), d.month, 2)
		if d.day != 0 {
			b = appendPadded(append(b, '-'), d.day, 2)
		}
	}
	return b
}

// appendPadded appends n in decimal with zeros before it up to width
// digits, as fmt's "%0*d" does for n >= 0; parts of dates are never
// negative.
func appendPadded(b []byte, n, width int) []byte {
	for w, limit := width, 1; w > 1; w-- {
		limit *= 10
		if n < limit {
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// resolveDates applies the overlap policy to the dates found, then writes
// their values against the document's reference date.
func (a *analysis) resolveDates() {
	a.dates = pick(a.dateCands)
	if d := a.dateline.date; d != nil && !slices.Contains(a.dates, d) {
		a.dateline.date = nil
	}
	ref := a.referenceDate()
	for _, d := range a.dates {
		start := d.start
		if d.thisYear && start.year == 0 && !ref.IsZero() {
			start.year = ref.Year()
		}
		d.value, _ = dateValue(start, d.end, ref)
	}
}

// saysThisYear reports whether words next to the date at s put it in the
// reference date's year ("this November", "June this year"): gazetteer
// entries of class word/thisyear whose value says on which side they stand.
func (a *analysis) saysThisYear(s span) bool {
	for _, m := range a.gazStarting(s.start-a.gazLongest, s.end+1) {
		e := m.Entry
		if e.Type != "word" || e.Subtype != "thisyear" {
			continue
		}
		if e.Value == "before" && m.End == s.start || e.Value == "after" && m.Start == s.end {
			return true
		}
	}
	return false
}

// referenceDate is the date year-less dates are read against: the one the
// caller gave (WithReferenceDate), else the dateline's date when it is a
// full date with its year ("HANOI, July 20, 2024 -"), else none.
func (a *analysis) referenceDate() time.Time {
	if !a.x.reference.IsZero() {
		return a.x.reference
	}
	d := a.dateline.date
	if d == nil || d.end != (calendarDate{}) || d.start.year == 0 || d.start.day == 0 {
		return time.Time{}
	}
	return time.Date(d.start.year, time.Month(d.start.month), d.start.day, 0, 0, 0, 0, time.UTC)
}

// Values of the gazetteer's relative days (class word/relday) that
// relativeDateIn resolves: a day that is the day of the date written
// before it ("the same day", "that evening"), and the article's own day
// ("today"). Relative days with no such value ("the next day") name a day
// the document does not list.
const (
	classRelDay     = "word/relday"
	relDaySame      = "same"
	relDayReference = "ref"
)

// relativeDateIn resolves the first relative day of a sentence to a listed
// date, for stages that need a date where the text gives none (a relation
// "in the afternoon the same day"): "the same day" is the nearest single
// day written before it, "today" the dateline's date. It returns nil when
// the sentence holds no relative day, or one that names an unlisted day.
func (a *analysis) relativeDateIn(sent span) *dateMention {
	for i := sent.start; i < sent.end; i++ {
		if !a.isClass(i, classRelDay) || (i > sent.start && a.chosen[i] == a.chosen[i-1]) {
			continue
		}
		switch a.chosenEntry(i).Value {
		case relDaySame:
			return a.dayBefore(i)
		case relDayReference:
			return a.dateline.date
		}
		return nil
	}
	return nil
}

// isDay reports whether the date is one day, not a month or a range.
func (d *dateMention) isDay() bool {
	return d != nil && d.start.day != 0 && d.end == (calendarDate{})
}

// dayBefore is the nearest date before token i when that date is one day;
// after a range or a month ("in July ... the same day") the day is unknown.
func (a *analysis) dayBefore(i int) *dateMention {
	var last *dateMention
	for _, d := range a.dates {
		if d.span.end > i {
			break
		}
		last = d
	}
	if !last.isDay() {
		return nil
	}
	return last
}
