package text

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// benchArticles are the golden test articles at the repository root, the
// same corpus as extract's BenchmarkExtract.
var benchArticles = sync.OnceValue(func() []string {
	files, _ := filepath.Glob("../../testdata/*.txt")
	var out []string
	for _, f := range files {
		if data, err := os.ReadFile(f); err == nil {
			out = append(out, string(data))
		}
	}
	return out
})

// benchCorpus returns the articles and their total size, failing when the
// corpus is missing so that a benchmark never measures nothing.
func benchCorpus(b *testing.B) ([]string, int64) {
	texts := benchArticles()
	if len(texts) == 0 {
		b.Fatal("no articles in ../../testdata")
	}
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	return texts, int64(n)
}

func BenchmarkClean(b *testing.B) {
	lex := DefaultLexicon()
	texts, _ := benchCorpus(b)
	for b.Loop() {
		for _, t := range texts {
			Clean(t, lex)
		}
	}
}

func BenchmarkTokenize(b *testing.B) {
	lex := DefaultLexicon()
	var clean []string
	for _, t := range benchArticles() {
		clean = append(clean, Clean(t, lex).Clean)
	}
	benchCorpus(b)
	for b.Loop() {
		for _, t := range clean {
			Tokenize(t)
		}
	}
}

// BenchmarkAppendTokens tokenises into one reused slice, as the engine does,
// so that it measures the scan rather than the slice's allocation.
func BenchmarkAppendTokens(b *testing.B) {
	lex := DefaultLexicon()
	var clean []string
	for _, t := range benchArticles() {
		clean = append(clean, Clean(t, lex).Clean)
	}
	benchCorpus(b)
	var toks []Token
	for b.Loop() {
		for _, t := range clean {
			toks = AppendTokens(toks[:0], t)
		}
	}
}

func BenchmarkSentences(b *testing.B) {
	lex := DefaultLexicon()
	var toks [][]Token
	for _, t := range benchArticles() {
		toks = append(toks, Tokenize(Clean(t, lex).Clean))
	}
	abbrev := func(w string) bool { return w == "Prof." || w == "U.S." }
	benchCorpus(b)
	for b.Loop() {
		for _, ts := range toks {
			Sentences(ts, abbrev)
		}
	}
}

// corpusWords are the words of the golden articles, in order.
func corpusWords() []string {
	var words []string
	for _, t := range benchArticles() {
		for _, tok := range Tokenize(t) {
			if tok.Kind == Word {
				words = append(words, tok.Text)
			}
		}
	}
	return words
}

// BenchmarkKey folds and lowers every word of the golden articles, as the
// engine's name comparisons do.
func BenchmarkKey(b *testing.B) {
	words := corpusWords()
	benchCorpus(b)
	for b.Loop() {
		for _, w := range words {
			Key(w)
		}
	}
}
