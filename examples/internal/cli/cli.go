// Package cli holds what the example commands share: the flags that build an
// extract.Extractor and the expansion of file and directory arguments into
// the articles to read.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// list is a repeatable string flag.
type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

// ErrBadFlag marks an error in a flag's value, which commands report with
// exit status 2, apart from errors in the files the flags name.
var ErrBadFlag = errors.New("bad flag")

// ExtractorFlags declares -ref-date, -gazetteer and -rules on flags and
// returns the function that builds the Extractor they describe, to be called
// after flags.Parse. A malformed -ref-date is an error that says so.
func ExtractorFlags(flags *flag.FlagSet) func() (*extract.Extractor, error) {
	refDate := flags.String("ref-date", "", "publication date `YYYY-MM-DD`: year-less dates take the year nearest before it")
	var gazetteers, ruleFiles list
	flags.Var(&gazetteers, "gazetteer", "add a gazetteer `FILE` (repeatable)")
	flags.Var(&ruleFiles, "rules", "add a rule `FILE` (repeatable)")
	return func() (*extract.Extractor, error) {
		opts := []extract.Option{extract.WithGazetteer(gazetteers...), extract.WithRules(ruleFiles...)}
		if *refDate != "" {
			t, err := time.Parse("2006-01-02", *refDate)
			if err != nil {
				return nil, fmt.Errorf("%w: -ref-date %q: want YYYY-MM-DD", ErrBadFlag, *refDate)
			}
			opts = append(opts, extract.WithReferenceDate(t))
		}
		return extract.New(opts...)
	}
}

// Articles expands files and directories into the files to read: a file is
// taken as given, a directory contributes every *.txt file below it, sorted.
// A path that cannot be read is an error naming it.
func Articles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".txt") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// Start parses the flags of a command that reads articles into a directory:
// -out DIR beside the extractor flags, and at least one FILE or DIR. It
// prints usage or the error itself and returns the exit status to end with
// (2 for bad usage, 1 for input that cannot be listed); status is 0 when the
// command may go on with x, files and outDir.
func Start(name, usage, outHelp string, args []string, stderr io.Writer) (x *extract.Extractor, files []string, outDir string, status int) {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("out", ".", outHelp)
	build := ExtractorFlags(flags)
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s [flags] FILE|DIR...\n%s\n", name, usage)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return nil, nil, "", 2
	}
	if flags.NArg() == 0 {
		flags.Usage()
		return nil, nil, "", 2
	}
	x, err := build()
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return nil, nil, "", 2
	}
	files, err = Articles(flags.Args())
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return nil, nil, "", 1
	}
	return x, files, *out, 0
}

// ReadArticle reads one article; a file that is not valid UTF-8 is an error
// naming it, as the library would otherwise repair it silently.
func ReadArticle(name string) (string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return "", err
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("%s: not valid UTF-8", name)
	}
	return string(data), nil
}
