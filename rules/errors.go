package rules

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// ErrTimeout is wrapped by the error FindAll returns when a rule's pattern
// runs past its per-match time budget (Options.Timeout). Test for it with
// errors.Is.
var ErrTimeout = errors.New("rule timed out")

// Error is one problem in a rule file. It names as much of the place as is
// known, so that a user can go straight to the line to fix.
type Error struct {
	File string // name of the rule file, as given to Parse
	Line int    // 1-based line in File; 0 when unknown
	Rule string // ID of the rule concerned; empty when the problem is not in a rule
	Msg  string // what is wrong
}

// Error formats the problem as "file:line: rule ID: msg", leaving out the
// parts that are empty or unknown.
func (e *Error) Error() string {
	var b strings.Builder
	switch {
	case e.File != "" && e.Line > 0:
		b.WriteString(e.File)
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(": ")
	case e.File != "":
		b.WriteString(e.File)
		b.WriteString(": ")
	case e.Line > 0:
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(": ")
	}
	if e.Rule != "" {
		b.WriteString("rule ")
		b.WriteString(e.Rule)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found in a set of rule files. Parse and Compile
// collect all problems instead of stopping at the first, so that one run
// shows the user everything to fix. Like go/scanner.ErrorList, its Error
// method reports the first problem and how many more there are; range over
// the list for all of them.
type ErrorList []*Error

// Error reports the first problem and the number of the others.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns nil for an empty list and the list itself otherwise, so that a
// function can end with "return x, errs.Err()" without returning a non-nil
// error interface that holds an empty list.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Unwrap returns the problems as a slice of errors, so that errors.As can
// reach each *Error.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// add appends a problem. Formatting lives here so that call sites stay short.
func (l *ErrorList) add(file string, line int, rule, format string, args ...any) {
	if line < 0 {
		line = 0
	}
	*l = append(*l, &Error{File: file, Line: line, Rule: rule, Msg: fmt.Sprintf(format, args...)})
}

// sortBy orders the problems by file (in the order given by rank, files not in
// rank last, by name) and then by line, keeping the discovery order for ties.
// Compile finds problems in merged-rule order, which can jump between files
// when a later file overrides a rule; users read errors file by file.
func (l ErrorList) sortBy(rank map[string]int) {
	r := func(f string) int {
		if i, ok := rank[f]; ok {
			return i
		}
		return len(rank)
	}
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if ra, rb := r(a.File), r(b.File); ra != rb {
			return ra < rb
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
}
