package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
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

// warmExtractor is the default Extractor after one pass over the corpus,
// so that prose's model, decoded on first need, is not timed.
func warmExtractor(b *testing.B) *extract.Extractor {
	x := defaultExtractor(b)
	for _, t := range benchArticles() {
		x.Extract(t)
	}
	return x
}

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
	x := warmExtractor(b)
	extractCorpus(b, x)
}

// BenchmarkExtractParallel is BenchmarkExtract on every core, one shared
// Extractor.
func BenchmarkExtractParallel(b *testing.B) {
	x := warmExtractor(b)
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
	x := warmExtractor(b)
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

// userGazetteer is a YAML gazetteer of n generated organisations with
// made-up three-word names, the size of a large user list.
func userGazetteer(n int) []byte {
	var b strings.Builder
	syllables := []string{"Ka", "Lo", "Mi", "Ne", "Ru", "Sa", "To", "Vi", "Ze", "Qu"}
	word := func(i int) string {
		return syllables[i%10] + strings.ToLower(syllables[(i/10)%10]) + strings.ToLower(syllables[(i/100)%10])
	}
	for i := range n {
		fmt.Fprintf(&b, "- id: user.org%d\n  type: organisation\n  name: %s %s %s Company\n", i, word(i), word(i/1000), word(i/7))
	}
	return []byte(b.String())
}

// BenchmarkNewUserGazetteer100k builds an Extractor with 100,000 user
// gazetteer entries on top of the defaults: build time and memory.
func BenchmarkNewUserGazetteer100k(b *testing.B) {
	data := userGazetteer(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := extract.New(extract.WithGazetteerYAML("user.yaml", data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractUserGazetteer100k is BenchmarkExtract with the 100,000
// user entries loaded: matching must not cost much more than with the
// defaults alone.
func BenchmarkExtractUserGazetteer100k(b *testing.B) {
	x, err := extract.New(extract.WithGazetteerYAML("user.yaml", userGazetteer(100_000)))
	if err != nil {
		b.Fatal(err)
	}
	extractCorpus(b, x)
}

// extractCorpus times x over the golden articles, one Document each.
func extractCorpus(b *testing.B, x *extract.Extractor) {
	texts := benchArticles()
	size := corpusBytes(texts)
	b.SetBytes(size)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			x.Extract(t)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	// The allocation target is per 10 KB article (10,240 bytes).
	perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(b.N) / float64(size)
	b.ReportMetric(perByte*10240, "B/10KB")
}
