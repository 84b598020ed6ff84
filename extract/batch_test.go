package extract_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

func TestExtractAllKeepsOrder(t *testing.T) {
	x := defaultExtractor(t)
	const n = 40
	in := make(chan extract.Article)
	go func() {
		defer close(in)
		for i := 0; i < n; i++ {
			text := fmt.Sprintf("Prime Minister Pham Minh Chinh received Ambassador Marc Knapper on May %d.", i%28+1)
			if i%3 == 0 {
				text = "" // a cheap document between expensive ones must not overtake them
			}
			in <- extract.Article{Source: fmt.Sprint(i), Text: text}
		}
	}()
	i := 0
	for doc := range x.ExtractAll(context.Background(), in, 4) {
		if doc.Source != fmt.Sprint(i) {
			t.Fatalf("document %d has source %q", i, doc.Source)
		}
		if wantRel := i%3 != 0; (len(doc.Relations) == 1) != wantRel {
			t.Errorf("document %d: relations %+v", i, doc.Relations)
		}
		i++
	}
	if i != n {
		t.Errorf("%d documents, want %d", i, n)
	}
}

func TestExtractAllStopsOnCancel(t *testing.T) {
	x := defaultExtractor(t)
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan extract.Article) // never closed: only cancellation ends the batch
	out := x.ExtractAll(ctx, in, 2)
	in <- extract.Article{Source: "a", Text: "Minister Bui Thanh Son met Ambassador Marc Knapper."}
	if doc := <-out; doc.Source != "a" {
		t.Fatalf("got %q", doc.Source)
	}
	cancel()
	for range out {
	}
}
