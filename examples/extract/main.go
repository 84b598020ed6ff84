// Command extract reads news articles and prints what the newsgraph engine
// finds in them: one JSON object per article (JSON Lines), as SPEC.md of the
// project describes.
//
// Usage:
//
//	extract [-pretty] [-ref-date 2024-01-06] [-max-bytes N] [-gazetteer FILE]... [-rules FILE]... [FILE|DIR]...
//
// With no arguments it reads standard input. A directory stands for every
// *.txt file below it, in lexical order. No input is ever lost: each one
// yields exactly one line, in input order, and an input that cannot be
// read, is not UTF-8 text or is larger than -max-bytes yields
// {"source": ..., "error": ...} naming the problem; the exit status is then
// 1. Bad flags exit with 2.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/examples/internal/cli"
	"github.com/newsgraph/newsgraph/extract"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("extract", flag.ContinueOnError)
	flags.SetOutput(stderr)
	pretty := flags.Bool("pretty", false, "indent the JSON")
	maxBytes := flags.Int64("max-bytes", 64<<20, "largest input `N` bytes long; a larger one is reported, not read")
	build := cli.ExtractorFlags(flags)
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: extract [flags] [FILE]...\nReads articles (standard input without files) and prints one JSON object per article.")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}

	x, err := build()
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		if errors.Is(err, cli.ErrBadFlag) {
			return 2
		}
		return 1
	}

	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	enc.SetEscapeHTML(false)

	// Inputs are read in order and extracted on every core. Each input
	// sends its place in the output on order before its article, so that an
	// error line keeps its place among the documents.
	failed := false
	articles := make(chan extract.Article)
	order := make(chan input, 64)
	go func() {
		defer close(articles)
		defer close(order)
		send := func(in input) {
			order <- in
			if in.err == "" {
				articles <- extract.Article{Source: in.source, Text: in.text}
			}
		}
		if flags.NArg() == 0 {
			send(readInput("-", stdin, *maxBytes))
		}
		for _, arg := range flags.Args() {
			for _, in := range expand(arg) {
				if in.err == "" {
					in = readFile(in.source, *maxBytes)
				}
				send(in)
			}
		}
	}()
	docs := x.ExtractAll(context.Background(), articles, 0)
	for in := range order {
		var v any = errorLine{in.source, in.err}
		if in.err == "" {
			v = <-docs
		} else {
			fmt.Fprintf(stderr, "extract: %s\n", in.err)
			failed = true
		}
		if err := enc.Encode(v); err != nil {
			fmt.Fprintf(stderr, "extract: %s: %v\n", in.source, err)
			failed = true
		}
	}
	if failed {
		return 1
	}
	return 0
}

// input is one article to read: its name, and either its text or what went
// wrong.
type input struct {
	source, text, err string
}

// errorLine is the output line of an input that yields no document.
type errorLine struct {
	Source string `json:"source"`
	Error  string `json:"error"`
}

// expand turns an argument into the inputs it names: itself, or for a
// directory every *.txt file below it. An entry the walk cannot read is an
// input carrying its error, so it gets its line too.
func expand(arg string) []input {
	info, err := os.Stat(arg)
	if err != nil || !info.IsDir() {
		return []input{{source: arg}} // reading it reports any error
	}
	var out []input
	filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			out = append(out, input{source: path, err: err.Error()})
		case !d.IsDir() && strings.HasSuffix(path, ".txt"):
			out = append(out, input{source: path})
		}
		return nil
	})
	return out // WalkDir visits in lexical order
}

// readFile reads a named input; see readInput.
func readFile(name string, maxBytes int64) input {
	f, err := os.Open(name)
	if err != nil {
		return input{source: name, err: err.Error()}
	}
	defer f.Close()
	return readInput(name, f, maxBytes)
}

// readInput reads at most maxBytes from r. An input that is longer, that
// cannot be read, or is not UTF-8 text (invalid UTF-8, or NUL bytes as in
// any binary file) comes back with an error saying so.
func readInput(name string, r io.Reader, maxBytes int64) input {
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	switch {
	case err != nil:
		return input{source: name, err: fmt.Sprintf("%s: %v", name, err)}
	case int64(len(data)) > maxBytes:
		return input{source: name, err: fmt.Sprintf("%s: larger than -max-bytes %d", name, maxBytes)}
	case !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0:
		return input{source: name, err: fmt.Sprintf("%s: not UTF-8 text", name)}
	}
	return input{source: name, text: string(data)}
}
