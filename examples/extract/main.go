// Command extract reads news articles and prints what the newsgraph engine
// finds in them: one JSON object per article (JSON Lines), as SPEC.md of the
// project describes.
//
// Usage:
//
//	extract [-pretty] [-ref-date 2024-01-06] [-gazetteer FILE]... [-rules FILE]... [FILE]...
//
// With no files it reads standard input. A file that cannot be read or is
// not valid UTF-8 is reported on standard error, naming it; the other files
// are still processed and the exit status is 1. Bad flags exit with 2.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// list is a repeatable string flag.
type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("extract", flag.ContinueOnError)
	flags.SetOutput(stderr)
	pretty := flags.Bool("pretty", false, "indent the JSON")
	refDate := flags.String("ref-date", "", "publication date `YYYY-MM-DD`: year-less dates take the year nearest before it")
	var gazetteers, ruleFiles list
	flags.Var(&gazetteers, "gazetteer", "add a gazetteer `FILE` (repeatable)")
	flags.Var(&ruleFiles, "rules", "add a rule `FILE` (repeatable)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: extract [flags] [FILE]...\nReads articles (standard input without files) and prints one JSON object per article.")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}

	opts := []extract.Option{extract.WithGazetteer(gazetteers...), extract.WithRules(ruleFiles...)}
	if *refDate != "" {
		t, err := time.Parse("2006-01-02", *refDate)
		if err != nil {
			fmt.Fprintf(stderr, "extract: -ref-date %q: want YYYY-MM-DD\n", *refDate)
			return 2
		}
		opts = append(opts, extract.WithReferenceDate(t))
	}
	x, err := extract.New(opts...)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return 1
	}

	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	enc.SetEscapeHTML(false)

	status := 0
	emit := func(name string, data []byte) {
		if !utf8.Valid(data) {
			fmt.Fprintf(stderr, "extract: %s: not valid UTF-8\n", name)
			status = 1
			return
		}
		doc := x.Extract(string(data))
		doc.Source = name
		if err := enc.Encode(doc); err != nil {
			fmt.Fprintf(stderr, "extract: %s: %v\n", name, err)
			status = 1
		}
	}
	if flags.NArg() == 0 {
		data, err := io.ReadAll(stdin)
		if err != nil {
			fmt.Fprintf(stderr, "extract: standard input: %v\n", err)
			return 1
		}
		emit("-", data)
		return status
	}
	for _, name := range flags.Args() {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "extract: %v\n", err)
			status = 1
			continue
		}
		emit(name, data)
	}
	return status
}
