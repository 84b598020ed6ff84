package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// BenchmarkTagging times what newAnalysis does between the tokens and the
// tag string, over the golden articles: gazetteer matching, its index, and
// the base tags.
func BenchmarkTagging(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/*.txt")
	var docs [][]text.Token
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		size += len(data)
		docs = append(docs, text.Tokenize(text.Clean(string(data), x.lexicon).Clean))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, toks := range docs {
			a := &analysis{toks: toks}
			a.gaz = x.gaz.Match(toks)
			a.indexGazetteer()
			a.base, a.chosen = x.tags.baseTags(toks, a.gaz, text.DefaultLexicon())
		}
	}
}
