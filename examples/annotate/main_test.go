package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// flatten writes the segments back as text, with every span shown as
// [class ...] so that nesting is visible.
func flatten(segs []*segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Span == nil {
			b.WriteString(s.Text)
			continue
		}
		name := s.Span.Class()
		if s.Span.IsEvidence() {
			name = "ev"
		}
		b.WriteString("[" + name + " " + flatten(s.Children) + "]")
	}
	return b.String()
}

// plain is the text of the segments without the spans.
func plain(segs []*segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
		b.WriteString(plain(s.Children))
	}
	return b.String()
}

func TestSegments(t *testing.T) {
	raw := "Minister Le Van An met Dr. Ha in Hue."
	at := func(kind int, sub string, n int) span {
		i := strings.Index(raw, sub)
		return span{start: i, end: i + n, kind: kind}
	}
	tests := []struct {
		name  string
		spans []span
		want  string
	}{
		{"none", nil, raw},
		{"disjoint", []span{at(kindPlace, "Hue", 3), at(kindPerson, "Le Van An", 9)},
			"Minister [person Le Van An] met Dr. Ha in [place Hue]."},
		{"nested in evidence", []span{at(kindPerson, "Ha ", 2), at(kindEvidence, "Minister", len(raw)), at(kindTitle, "Minister", 8)},
			"[ev [title Minister] Le Van An met Dr. [person Ha] in Hue.]"},
		{"same stretch nests by kind", []span{at(kindPerson, "Ha ", 2), at(kindTitle, "Ha ", 2)},
			"Minister Le Van An met Dr. [title [person Ha]] in Hue."},
		{"crossing span is split", []span{at(kindTitle, "Minister", 12), at(kindPerson, "Le Van An", 9)},
			"[title Minister [person Le ]][person Van An] met Dr. Ha in Hue."},
		{"out of range and empty dropped", []span{{start: -1, end: 3}, {start: 5, end: 5}, {start: 30, end: 99}},
			raw},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs := segments(raw, tt.spans)
			if got := flatten(segs); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if got := plain(segs); got != raw {
				t.Errorf("text is %q, want %q", got, raw)
			}
		})
	}
}

// TestEscaping checks that markup inside an article is shown as text.
func TestEscaping(t *testing.T) {
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, raw string
		never     []string // must not appear in the page
		shown     string   // must appear, escaped
	}{
		{"script", "<script>alert(1)</script> Minister Le Van An met Ambassador Jonas Berg.",
			[]string{"<script>alert"}, "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"attribute break-out", `Hanoi "><img src=x onerror=alert(1)> - Minister Le Van An received Ambassador Jonas Berg "><img onerror=alert(2)>.`,
			[]string{"<img"}, "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := x.Extract(tt.raw)
			doc.Source = `"><img src=x onerror=alert(3)>.txt`
			var b bytes.Buffer
			if err := writePage(&b, tt.raw, doc); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			for _, bad := range append(tt.never, "<img") {
				if strings.Contains(page, bad) {
					t.Errorf("page contains %q unescaped", bad)
				}
			}
			if !strings.Contains(page, tt.shown) {
				t.Errorf("page does not show %q as text", tt.shown)
			}
			if strings.Count(page, "<script>") != 1 {
				t.Errorf("page has %d <script> elements, want only its own", strings.Count(page, "<script>"))
			}
		})
	}
}

func TestPageShowsExtraction(t *testing.T) {
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	raw := "Hanoi (VNA) - Minister Le Thi Hoa received Ambassador Jonas Berg in Hanoi on May 4."
	doc := x.Extract(raw)
	if len(doc.Relations) == 0 || len(doc.People) < 2 {
		t.Fatalf("the engine finds %d people and %d relations here; the test needs both", len(doc.People), len(doc.Relations))
	}
	p := buildPage(raw, doc)
	if got := plain(p.Text); got != raw {
		t.Errorf("the page's text is %q, want the article as written", got)
	}
	var b bytes.Buffer
	if err := writePage(&b, raw, doc); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, per := range doc.People {
		if !strings.Contains(page, `<mark class="person" data-e="`+per.ID+`"`) {
			t.Errorf("person %s (%s) is not highlighted", per.ID, per.Name)
		}
	}
	if !strings.Contains(page, `<tr class="rel" data-ev="ev-0"`) || !strings.Contains(page, `<span class="ev" id="ev-0">`) {
		t.Error("relation or its evidence is missing")
	}
	if p.Relations[0].Subject != doc.People[0].Name && p.Relations[0].Subject != doc.People[1].Name {
		t.Errorf("relation subject shown as %q, want a person's name", p.Relations[0].Subject)
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(good, []byte("Minister Le Thi Hoa received Ambassador Jonas Berg on May 4."), 0o644)
	os.WriteFile(bad, []byte("Hanoi \xff\xfe"), 0o644)
	sub := filepath.Join(dir, "sub")
	os.MkdirAll(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "good.txt"), []byte("Minister Le Thi Hoa met Ambassador Jonas Berg."), 0o644)
	out := filepath.Join(dir, "out")

	tests := []struct {
		name       string
		args       []string
		status     int
		pages      []string
		stderrHave string
	}{
		{"one file", []string{"-out", out, good}, 0, []string{"good.html"}, ""},
		{"same base name numbered", []string{"-out", out, good, sub}, 0, []string{"good.html", "good-2.html"}, ""},
		{"bad file named, others written", []string{"-out", out, bad, good}, 1, []string{"good.html"}, "bad.txt: not valid UTF-8"},
		{"missing file", []string{"-out", out, filepath.Join(dir, "none.txt")}, 1, nil, "none.txt"},
		{"no files", []string{"-out", out}, 2, nil, "usage"},
		{"bad ref date", []string{"-ref-date", "May 4", good}, 2, nil, "YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.RemoveAll(out)
			var stdout, stderr bytes.Buffer
			if status := run(tt.args, &stdout, &stderr); status != tt.status {
				t.Errorf("status %d, want %d (stderr %q)", status, tt.status, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderrHave) {
				t.Errorf("stderr %q does not say %q", stderr.String(), tt.stderrHave)
			}
			for _, p := range tt.pages {
				data, err := os.ReadFile(filepath.Join(out, p))
				if err != nil || !bytes.Contains(data, []byte("Le Thi Hoa")) {
					t.Errorf("page %s: %v, or it lacks the article", p, err)
				}
			}
			if n := strings.Count(stdout.String(), "\n"); n != len(tt.pages) {
				t.Errorf("%d pages listed on stdout, want %d", n, len(tt.pages))
			}
		})
	}
}
