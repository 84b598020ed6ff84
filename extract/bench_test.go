package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/newsgraph/newsgraph/extract"
)

// benchArticles are the golden test articles, the benchmarks' corpus.
var benchArticles = sync.OnceValue(func() []string {
	files, _ := filepath.Glob("../testdata/*.txt")
	var out []string
	for _, f := range files {
		if data, err := os.ReadFile(f); err == nil {
			out = append(out, string(data))
		}
	}
	return out
})

func corpusBytes(texts []string) int64 {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return int64(n)
}

// BenchmarkExtract measures one core over the golden articles, one
// Document per article.
func BenchmarkExtract(b *testing.B) {
	x := defaultExtractor(b)
	texts := benchArticles()
	b.SetBytes(corpusBytes(texts))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			x.Extract(t)
		}
	}
}

// BenchmarkExtractParallel is BenchmarkExtract on every core, one shared
// Extractor.
func BenchmarkExtractParallel(b *testing.B) {
	x := defaultExtractor(b)
	texts := benchArticles()
	b.SetBytes(corpusBytes(texts))
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, t := range texts {
				x.Extract(t)
			}
		}
	})
}

// BenchmarkExtract1MB is one document of a megabyte made of the golden
// articles: its cost per byte should match BenchmarkExtract's, since
// nothing in the engine may grow faster than the text.
func BenchmarkExtract1MB(b *testing.B) {
	x := defaultExtractor(b)
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, t := range benchArticles() {
			sb.WriteString(t)
			sb.WriteString("\n\n")
		}
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		x.Extract(text)
	}
}

// BenchmarkNew builds an Extractor from the embedded defaults.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := extract.New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseNER is prose v2's own recogniser over the same articles,
// with its model loaded once, for comparison in the same run.
func BenchmarkProseNER(b *testing.B) {
	texts := benchArticles()
	first, err := prose.NewDocument(texts[0])
	if err != nil {
		b.Fatal(err)
	}
	model := first.Model
	b.SetBytes(corpusBytes(texts))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			if _, err := prose.NewDocument(t, prose.UsingModel(model)); err != nil {
				b.Fatal(err)
			}
		}
	}
}
