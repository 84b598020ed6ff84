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
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
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

	// Files are read in order and extracted on every core; the documents
	// come out in the order of the files.
	var failed atomic.Bool
	articles := make(chan extract.Article)
	go func() {
		defer close(articles)
		read := func(name string, r func() ([]byte, error)) {
			data, err := r()
			switch {
			case err != nil:
				fmt.Fprintf(stderr, "extract: %v\n", err)
				failed.Store(true)
			case !utf8.Valid(data):
				fmt.Fprintf(stderr, "extract: %s: not valid UTF-8\n", name)
				failed.Store(true)
			default:
				articles <- extract.Article{Source: name, Text: string(data)}
			}
		}
		if flags.NArg() == 0 {
			read("-", func() ([]byte, error) { return io.ReadAll(stdin) })
		}
		for _, name := range flags.Args() {
			read(name, func() ([]byte, error) { return os.ReadFile(name) })
		}
	}()
	for doc := range x.ExtractAll(context.Background(), articles, 0) {
		if err := enc.Encode(doc); err != nil {
			fmt.Fprintf(stderr, "extract: %s: %v\n", doc.Source, err)
			failed.Store(true)
		}
	}
	if failed.Load() {
		return 1
	}
	return 0
}
