// Command graph reads a corpus of news articles and writes the who-met-whom
// network that the newsgraph engine finds in it. People and organisations
// are merged across documents by gazetteer entry and by canonical name
// (case and diacritics folded); the network is written three ways into the
// output directory:
//
//   - graph.json: nodes (kind, name, acronym, titles, number of documents
//     naming them) and edges (relation type, dates, places, source documents)
//   - graph.dot: the same for Graphviz
//   - graph.html: a self-contained page drawing the graph as SVG, laid out
//     here by a force-directed layout, with the edges in a table by date
//
// Usage:
//
//	graph [-out DIR] [-ref-date 2024-01-06] [-gazetteer FILE]... [-rules FILE]... FILE|DIR...
//
// A directory stands for every *.txt file below it. With many articles,
// progress is reported on standard error. An article that cannot be read or
// is not valid UTF-8 is reported and skipped, and the exit status is 1.
// Bad flags exit with 2.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/examples/internal/cli"
)

// progressEvery is how many articles pass between two progress lines; a
// corpus no bigger than that reads without them.
const progressEvery = 25

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	x, files, outDir, status := cli.Start("graph", "Writes the who-met-whom network of a corpus as JSON, DOT and HTML.",
		"write graph.json, graph.dot and graph.html to `DIR`", args, stderr)
	if status != 0 {
		return status
	}

	b := newBuilder()
	read := 0
	for i, name := range files {
		if len(files) > progressEvery && i > 0 && i%progressEvery == 0 {
			fmt.Fprintf(stderr, "graph: %d of %d articles read\n", i, len(files))
		}
		data, err := cli.ReadArticle(name)
		if err != nil {
			fmt.Fprintf(stderr, "graph: %v\n", err)
			status = 1
			continue
		}
		doc := x.Extract(data)
		doc.Source = name
		b.add(doc)
		read++
	}
	g := b.graph()

	if err := os.MkdirAll(outDir, 0o755); err != nil {
		fmt.Fprintf(stderr, "graph: %v\n", err)
		return 1
	}
	outputs := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"graph.json", func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(g)
		}},
		{"graph.dot", func(w io.Writer) error { return writeDOT(w, g) }},
		{"graph.html", func(w io.Writer) error { return writeHTML(w, g, read) }},
	}
	for _, o := range outputs {
		path := filepath.Join(outDir, o.name)
		if err := writeFile(path, o.write); err != nil {
			fmt.Fprintf(stderr, "graph: %v\n", err)
			return 1
		}
		fmt.Fprintln(stdout, path)
	}
	fmt.Fprintf(stderr, "graph: %d articles, %d nodes, %d edges\n", read, len(g.Nodes), len(g.Edges))
	return status
}

// writeFile creates path and writes it with write, reporting the first error.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
