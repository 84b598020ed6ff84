package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// doc builds a document by hand, so that merging is tested apart from what
// the engine finds.
func doc(source string, people []extract.Person, rels ...extract.Relation) *extract.Document {
	return &extract.Document{Source: source, People: people, Relations: rels,
		Dates:  []extract.Date{{ID: "d1", Text: "May 4", Value: "--05-04"}},
		Places: []extract.Place{{ID: "l1", Name: "Hue"}}}
}

func person(id, name, gaz string, titles ...string) extract.Person {
	p := extract.Person{ID: id, Name: name, Provenance: extract.Provenance{Gazetteer: gaz}}
	for _, t := range titles {
		p.Titles = append(p.Titles, extract.Title{Text: t})
	}
	return p
}

func TestBuilder(t *testing.T) {
	recv := extract.Relation{Type: extract.Received, Subject: "p1", Object: "p2", Date: "d1", Place: "l1"}
	tests := []struct {
		name  string
		docs  []*extract.Document
		nodes []string // "name:documents"
		edges []string // "type source>target dates places docs"
	}{
		{"one relation",
			[]*extract.Document{doc("a", []extract.Person{person("p1", "Le Van An", ""), person("p2", "Jonas Berg", "")}, recv)},
			[]string{"Le Van An:1", "Jonas Berg:1"},
			[]string{"received n1>n2 [--05-04] [Hue] [a]"}},
		{"same name with other diacritics and case merges",
			[]*extract.Document{
				doc("a", []extract.Person{person("p1", "Lê Văn An", ""), person("p2", "Jonas Berg", "")}, recv),
				doc("b", []extract.Person{person("p1", "le van an", ""), person("p2", "Jonas Berg", "")}, recv)},
			[]string{"Lê Văn An:2", "Jonas Berg:2"},
			[]string{"received n1>n2 [--05-04] [Hue] [a b]"}},
		{"same gazetteer entry merges other names",
			[]*extract.Document{
				doc("a", []extract.Person{person("p1", "Le Van An", "person.an"), person("p2", "Jonas Berg", "")}, recv),
				doc("b", []extract.Person{person("p1", "An Le", "person.an"), person("p2", "Jonas Berg", "")}, recv)},
			[]string{"Le Van An:2", "Jonas Berg:2"},
			[]string{"received n1>n2 [--05-04] [Hue] [a b]"}},
		{"met either way is one edge; received keeps its direction",
			[]*extract.Document{
				doc("a", []extract.Person{person("p1", "Le Van An", ""), person("p2", "Jonas Berg", "")},
					extract.Relation{Type: extract.Met, Subject: "p1", Object: "p2"}),
				doc("b", []extract.Person{person("p1", "Jonas Berg", ""), person("p2", "Le Van An", "")},
					extract.Relation{Type: extract.Met, Subject: "p1", Object: "p2"}, recv)},
			[]string{"Le Van An:2", "Jonas Berg:2"},
			[]string{"received n2>n1 [--05-04] [Hue] [b]", "met n1>n2 [] [] [a b]"}},
		{"unrelated people are left out but counted where they relate",
			[]*extract.Document{
				doc("a", []extract.Person{person("p1", "Le Van An", ""), person("p2", "Jonas Berg", ""), person("p3", "Mai Anh", "")}, recv),
				doc("b", []extract.Person{person("p1", "Le Van An", "")})},
			[]string{"Le Van An:2", "Jonas Berg:1"},
			[]string{"received n1>n2 [--05-04] [Hue] [a]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBuilder()
			for _, d := range tt.docs {
				b.add(d)
			}
			g := b.graph()
			var nodes, edges []string
			for _, n := range g.Nodes {
				nodes = append(nodes, n.Name+":"+strconv.Itoa(n.Documents))
			}
			for _, e := range g.Edges {
				edges = append(edges, e.Type+" "+e.Source+">"+e.Target+" "+list(e.Dates)+" "+list(e.Places)+" "+list(e.Documents))
			}
			if strings.Join(nodes, ",") != strings.Join(tt.nodes, ",") {
				t.Errorf("nodes %v, want %v", nodes, tt.nodes)
			}
			if strings.Join(edges, ",") != strings.Join(tt.edges, ",") {
				t.Errorf("edges %v, want %v", edges, tt.edges)
			}
		})
	}
}

func list(s []string) string { return "[" + strings.Join(s, " ") + "]" }

func TestTitlesMerged(t *testing.T) {
	b := newBuilder()
	b.add(doc("a", []extract.Person{person("p1", "Le Van An", "", "Minister", "Chairman"), person("p2", "Jonas Berg", "")},
		extract.Relation{Type: extract.Met, Subject: "p1", Object: "p2"}))
	b.add(doc("b", []extract.Person{person("p1", "Le Van An", "", "minister")}))
	if got := b.graph().Nodes[0].Titles; strings.Join(got, ",") != "Minister,Chairman" {
		t.Errorf("titles %v, want [Minister Chairman]", got)
	}
}

func TestDOTQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Le Van An", `"Le Van An"`},
		{`say "hi" \ bye`, `"say \"hi\" \\ bye"`},
		{"received\n--05-04", `"received\n--05-04"`},
	}
	for _, tt := range tests {
		if got := dotQuote(tt.in); got != tt.want {
			t.Errorf("dotQuote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestLayout(t *testing.T) {
	b := newBuilder()
	names := []string{"A A", "B B", "C C", "D D", "E E", "F F", "G G"}
	var people []extract.Person
	for i, n := range names {
		people = append(people, person("p"+string(rune('1'+i)), n, ""))
	}
	b.add(doc("a", people,
		extract.Relation{Type: extract.Met, Subject: "p1", Object: "p2"},
		extract.Relation{Type: extract.Met, Subject: "p2", Object: "p3"},
		extract.Relation{Type: extract.Received, Subject: "p1", Object: "p3"},
		extract.Relation{Type: extract.Talks, Subject: "p4", Object: "p5"},
		extract.Relation{Type: extract.Talks, Subject: "p6", Object: "p7"}))
	g := b.graph()
	const width, margin = 600.0, 20.0
	height := layout(g, width, margin)
	for i, a := range g.Nodes {
		if a.x < margin || a.x > width-margin || a.y < margin || a.y > height-margin {
			t.Errorf("%s at (%.0f, %.0f) is outside the %.0f×%.0f frame", a.Name, a.x, a.y, width, height)
		}
		for _, c := range g.Nodes[i+1:] {
			if d := (a.x-c.x)*(a.x-c.x) + (a.y-c.y)*(a.y-c.y); d < 50*50 {
				t.Errorf("%s and %s are drawn %.0f apart", a.Name, c.Name, d)
			}
		}
	}
	again := b.graph()
	layout(again, width, margin)
	if again.Nodes[0].x != g.Nodes[0].x {
		t.Error("layout is not deterministic")
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(corpus, 0o755)
	os.WriteFile(filepath.Join(corpus, "a.txt"), []byte("Minister Le Thi Hoa received Ambassador Jonas Berg on May 4."), 0o644)
	os.WriteFile(filepath.Join(corpus, "b.txt"), []byte(`Minister Le Thi Hoa met <script>alert(1)</script> Ambassador Jonas "><img onerror=alert(2)> Berg.`), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("Hanoi \xff"), 0o644)
	os.MkdirAll(filepath.Join(dir, "many"), 0o755)
	for i := 0; i < progressEvery+1; i++ {
		os.WriteFile(filepath.Join(dir, "many", string(rune('a'+i))+".txt"), []byte("Hue."), 0o644)
	}
	out := filepath.Join(dir, "out")

	tests := []struct {
		name       string
		args       []string
		status     int
		stderrHave string
		nodes      int // at least; -1 when no output is expected
	}{
		{"corpus", []string{"-out", out, corpus}, 0, "2 articles", 2},
		{"bad file named, others read", []string{"-out", out, filepath.Join(dir, "bad.txt"), corpus}, 1, "bad.txt: not valid UTF-8", 2},
		{"progress on many", []string{"-out", out, filepath.Join(dir, "many")}, 0, "25 of 26 articles read", 0},
		{"no files", []string{"-out", out}, 2, "usage", -1},
		{"missing", []string{"-out", out, filepath.Join(dir, "none")}, 1, "none", -1},
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
			if tt.nodes < 0 {
				return
			}
			var g Graph
			data, err := os.ReadFile(filepath.Join(out, "graph.json"))
			if err != nil || json.Unmarshal(data, &g) != nil {
				t.Fatalf("graph.json: %v", err)
			}
			if len(g.Nodes) < tt.nodes {
				t.Errorf("%d nodes, want at least %d", len(g.Nodes), tt.nodes)
			}
			page, _ := os.ReadFile(filepath.Join(out, "graph.html"))
			dot, _ := os.ReadFile(filepath.Join(out, "graph.dot"))
			if bytes.Contains(page, []byte("<img")) || bytes.Contains(page, []byte("<script")) {
				t.Error("markup from an article reached the page unescaped")
			}
			if bytes.Count(page, []byte(`<g class="node `)) != len(g.Nodes) || bytes.Count(dot, []byte("shape=")) != len(g.Nodes) {
				t.Errorf("page or DOT file does not show the %d nodes", len(g.Nodes))
			}
		})
	}
}

// TestHTMLEscapes checks that names and file names holding markup are shown
// as text on the page and quoted in the DOT file.
func TestHTMLEscapes(t *testing.T) {
	b := newBuilder()
	b.add(doc(`"><img src=x onerror=alert(1)>.txt`,
		[]extract.Person{person("p1", "<script>alert(2)</script>", "", `"><img onerror=alert(3)>`), person("p2", "Jonas Berg", "")},
		extract.Relation{Type: extract.Met, Subject: "p1", Object: "p2", Date: "d1"}))
	g := b.graph()
	var page, dot bytes.Buffer
	if err := writeHTML(&page, g, 1); err != nil {
		t.Fatal(err)
	}
	if err := writeDOT(&dot, g); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<img", "<script>alert"} {
		if strings.Contains(page.String(), bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	if !strings.Contains(page.String(), "&lt;script&gt;alert(2)&lt;/script&gt;") {
		t.Error("the name is not shown as text")
	}
	if !strings.Contains(dot.String(), `n1 [label="<script>alert(2)</script>", shape=ellipse];`) {
		t.Errorf("DOT file does not quote the name:\n%s", dot.String())
	}
}
