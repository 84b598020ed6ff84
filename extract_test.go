package newsgraph_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the engine's output")

// reference is the publication date the golden articles are read with.
var reference = time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)

func newExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	x, err := extract.New(extract.WithReferenceDate(reference))
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func articles(t testing.TB, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGolden compares the engine's output on every test article with its
// golden file; go test . -update rewrites them.
func TestGolden(t *testing.T) {
	x := newExtractor(t)
	files := articles(t, "testdata/*.txt")
	if len(files) < 6 {
		t.Fatalf("%d test articles, want at least 6", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc := x.Extract(string(raw))
			doc.Source = filepath.Base(file)
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(file, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test . -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s; run go test . -update and review the diff", golden)
			}
			// Idempotence: a second run over the same text gives the same.
			again, _ := json.MarshalIndent(x.Extract(string(raw)), "", "  ")
			doc.Source = ""
			first, _ := json.MarshalIndent(doc, "", "  ")
			if !bytes.Equal(first, again) {
				t.Error("two runs over the same article differ")
			}
		})
	}
}

// TestOffsets checks the offset invariant, raw[Start:End] == Text for every
// mention, and that every ID a title or relation refers to exists, on every
// test article and on every article of the shared evaluation set when it is
// there.
func TestOffsets(t *testing.T) {
	x := newExtractor(t)
	files := articles(t, "testdata/*.txt")
	files = append(files, articles(t, "../shared/eval/*/*.txt")...)
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc := x.Extract(string(raw))
		for _, problem := range extract.Check(string(raw), doc) {
			t.Errorf("%s: %s", file, problem)
		}
	}
}
