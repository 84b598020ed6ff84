package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/rules"
)

// goldenArticles reads the golden articles, the benchmarks' corpus, and
// their size in bytes.
func goldenArticles(tb testing.TB) (texts []string, size int64) {
	tb.Helper()
	files, _ := filepath.Glob("../testdata/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(data))
		size += int64(len(data))
	}
	if len(texts) == 0 {
		tb.Fatal("no golden articles")
	}
	return texts, size
}

// BenchmarkRuleMatching measures the rules alone: every phase's rules over
// the tag strings that phase sees in the golden articles, as runPhase runs
// them. The tag strings are made beforehand, by running the pipeline.
func BenchmarkRuleMatching(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	texts, size := goldenArticles(b)
	type phaseWork struct {
		rules     []*rules.Compiled
		sentences []rules.Tags
	}
	var work []phaseWork
	for _, text := range texts {
		a := newAnalysis(context.Background(), x, text)
		for _, st := range stages {
			tags := string(a.layeredTags())
			w := phaseWork{rules: x.phases[st.phase]}
			for _, s := range a.sents {
				t, err := rules.NewTags(tags[s.start:s.end])
				if err != nil {
					b.Fatal(err)
				}
				w.sentences = append(w.sentences, t)
			}
			work = append(work, w)
			a.runPhase(context.Background(), st.phase, st.apply)
			st.after(a)
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var m rules.Matcher
	for b.Loop() {
		for _, w := range work {
			for _, r := range w.rules {
				for _, t := range w.sentences {
					if _, err := m.Find(r, t); err != nil {
						b.Fatal(err)
					}
				}
			}
		}
	}
}
