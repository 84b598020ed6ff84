package extract

import (
	"context"
	"runtime"
)

// Article is one input of ExtractAll: the text and a name for it (a file
// name or URL) that the Document carries as its Source.
type Article struct {
	Source string
	Text   string
}

// ExtractAll extracts every article received from articles on workers
// goroutines (runtime.GOMAXPROCS(0) when workers < 1) and sends the
// Documents on the returned channel in the order the articles came. The
// channel is closed once articles is closed and every document has been
// sent, or as soon as ctx is done: then no more articles are read and the
// documents not yet sent are dropped.
func (x *Extractor) ExtractAll(ctx context.Context, articles <-chan Article, workers int) <-chan *Document {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		article Article
		done    chan *Document
	}
	jobs := make(chan job)
	// order holds each job's result channel in input order; its buffer lets
	// the workers run ahead of a slow reader by a few documents.
	order := make(chan chan *Document, 2*workers)
	out := make(chan *Document)

	go func() {
		defer close(jobs)
		defer close(order)
		for {
			select {
			case <-ctx.Done():
				return
			case a, ok := <-articles:
				if !ok {
					return
				}
				j := job{a, make(chan *Document, 1)}
				select {
				case order <- j.done:
				case <-ctx.Done():
					return
				}
				jobs <- j
			}
		}
	}()
	for w := 0; w < workers; w++ {
		go func() {
			for j := range jobs {
				doc := x.ExtractContext(ctx, j.article.Text)
				doc.Source = j.article.Source
				j.done <- doc
			}
		}()
	}
	go func() {
		defer close(out)
		for done := range order {
			select {
			case out <- <-done:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
