// Command annotate writes one self-contained HTML page per article showing
// what the newsgraph engine finds in it: the raw text exactly as it came in,
// every person, title, organisation, date and place highlighted where it
// stands, the entity and the rule or gazetteer entry behind it on hover, and
// the relations beneath with their evidence sentence highlighted on click.
//
// Usage:
//
//	annotate [-out DIR] [-ref-date 2024-01-06] [-gazetteer FILE]... [-rules FILE]... FILE|DIR...
//
// A directory stands for every *.txt file below it. Each page is written to
// DIR (default the current directory) as the article's base name with .html;
// the pages need no network and open from a file. A file that cannot be read
// or is not valid UTF-8 is reported on standard error and the exit status is
// 1; the others are still written. Bad flags exit with 2.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/examples/internal/cli"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	x, files, outDir, status := cli.Start("annotate", "Writes one HTML page per article, showing what the engine finds in it.",
		"write the pages to `DIR`", args, stderr)
	if status != 0 {
		return status
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		fmt.Fprintf(stderr, "annotate: %v\n", err)
		return 1
	}

	written := map[string]int{}
	for _, name := range files {
		data, err := cli.ReadArticle(name)
		if err != nil {
			fmt.Fprintf(stderr, "annotate: %v\n", err)
			status = 1
			continue
		}
		raw := data
		doc := x.Extract(raw)
		doc.Source = name

		out := filepath.Join(outDir, pageName(name, written))
		f, err := os.Create(out)
		if err == nil {
			err = writePage(f, raw, doc)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "annotate: %s: %v\n", name, err)
			status = 1
			continue
		}
		fmt.Fprintln(stdout, out)
	}
	return status
}

// pageName is the article's base name with .html, numbered when two
// articles of one run share a base name so that neither page overwrites the
// other.
func pageName(article string, written map[string]int) string {
	base := strings.TrimSuffix(filepath.Base(article), filepath.Ext(article))
	written[base]++
	if n := written[base]; n > 1 {
		base = fmt.Sprintf("%s-%d", base, n)
	}
	return base + ".html"
}
