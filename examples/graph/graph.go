package main

import (
	"fmt"
	"sort"

	"github.com/newsgraph/newsgraph/extract"
)

// Node is one person or organisation of the corpus, merged across documents.
type Node struct {
	ID        string   `json:"id"`
	Kind      string   `json:"kind"`
	Name      string   `json:"name"`
	Acronym   string   `json:"acronym,omitempty"`
	Gazetteer string   `json:"gazetteer,omitempty"`
	Titles    []string `json:"titles,omitempty"`
	// Documents counts the documents that name the entity, whether or not
	// they relate it to anyone.
	Documents int `json:"documents"`

	docs      map[string]bool
	titleKeys map[string]bool
	degree    int
	x, y      float64
}

// Edge is every relation of one type between two nodes found in the
// corpus. For received, Source is the host and Target the guest; talks and
// met go either way, so Source is the node listed first.
type Edge struct {
	Type      string   `json:"type"`
	Source    string   `json:"source"`
	Target    string   `json:"target"`
	Dates     []string `json:"dates,omitempty"`  // ISO 8601 values, sorted
	Places    []string `json:"places,omitempty"` // place names
	Documents []string `json:"documents"`
}

// Graph is the who-met-whom network of a corpus: the nodes that take part in
// at least one relation, and the relations between them.
type Graph struct {
	Nodes []*Node `json:"nodes"`
	Edges []*Edge `json:"edges"`
}

// builder merges documents into a Graph.
type builder struct {
	nodes []*Node
	byKey map[string]*Node
	edges map[string]*Edge
	order []*Edge
}

func newBuilder() *builder {
	return &builder{byKey: map[string]*Node{}, edges: map[string]*Edge{}}
}

// keys are the names under which an entity is the same across documents:
// its gazetteer entry and its folded canonical name within its kind.
func keys(e extract.Entity) []string {
	k := []string{e.Kind + ":" + extract.NameKey(e.Name)}
	if e.Gazetteer != "" {
		k = append([]string{"gazetteer:" + e.Gazetteer}, k...)
	}
	return k
}

// node returns the node for an entity, making it on first sight; either key
// finds it, and both are remembered for later documents.
func (b *builder) node(e extract.Entity) *Node {
	ks := keys(e)
	var n *Node
	for _, k := range ks {
		if n = b.byKey[k]; n != nil {
			break
		}
	}
	if n == nil {
		n = &Node{ID: fmt.Sprintf("n%d", len(b.nodes)+1), Kind: e.Kind, Name: e.Name, Gazetteer: e.Gazetteer,
			docs: map[string]bool{}, titleKeys: map[string]bool{}}
		b.nodes = append(b.nodes, n)
	}
	if n.Gazetteer == "" {
		n.Gazetteer = e.Gazetteer
	}
	for _, k := range ks {
		if b.byKey[k] == nil {
			b.byKey[k] = n
		}
	}
	return n
}

// add merges one document.
func (b *builder) add(doc *extract.Document) {
	ids := map[string]*Node{}
	for _, e := range doc.Entities() {
		if e.Kind != extract.KindPerson && e.Kind != extract.KindOrganisation {
			continue
		}
		n := b.node(e)
		n.docs[doc.Source] = true
		ids[e.ID] = n
	}
	for _, p := range doc.People {
		n := ids[p.ID]
		for _, t := range p.Titles {
			if k := extract.NameKey(t.Text); !n.titleKeys[k] {
				n.titleKeys[k] = true
				n.Titles = append(n.Titles, t.Text)
			}
		}
	}
	for _, o := range doc.Organisations {
		if n := ids[o.ID]; n.Acronym == "" {
			n.Acronym = o.Acronym
		}
	}
	for _, r := range doc.Relations {
		src, dst := ids[r.Subject], ids[r.Object]
		if src == nil || dst == nil || src == dst {
			continue
		}
		if r.Type != extract.Received && idLess(dst.ID, src.ID) {
			src, dst = dst, src
		}
		key := r.Type + " " + src.ID + " " + dst.ID
		e := b.edges[key]
		if e == nil {
			e = &Edge{Type: r.Type, Source: src.ID, Target: dst.ID}
			b.edges[key] = e
			b.order = append(b.order, e)
			src.degree++
			dst.degree++
		}
		if d, ok := dateValue(doc, r.Date); ok {
			e.Dates = addOnce(e.Dates, d)
		}
		if pl, ok := doc.Entity(r.Place); ok {
			e.Places = addOnce(e.Places, pl.Name)
		}
		e.Documents = addOnce(e.Documents, doc.Source)
	}
}

// graph returns the network: nodes without a relation are left out, edges
// come sorted by their earliest date (undated last).
func (b *builder) graph() *Graph {
	g := &Graph{Nodes: []*Node{}, Edges: append([]*Edge{}, b.order...)}
	for _, n := range b.nodes {
		if n.degree > 0 {
			n.Documents = len(n.docs)
			g.Nodes = append(g.Nodes, n)
		}
	}
	for _, e := range g.Edges {
		sort.Strings(e.Dates)
	}
	sort.SliceStable(g.Edges, func(i, j int) bool {
		a, b := g.Edges[i], g.Edges[j]
		if (len(a.Dates) == 0) != (len(b.Dates) == 0) {
			return len(a.Dates) > 0
		}
		return len(a.Dates) > 0 && a.Dates[0] < b.Dates[0]
	})
	return g
}

// idLess orders node IDs by their number, so that n2 comes before n10.
func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// dateValue is the ISO value of the date with the given ID.
func dateValue(doc *extract.Document, id string) (string, bool) {
	for _, d := range doc.Dates {
		if d.ID == id {
			return d.Value, true
		}
	}
	return "", false
}

// addOnce appends s unless list already holds it.
func addOnce(list []string, s string) []string {
	for _, have := range list {
		if have == s {
			return list
		}
	}
	return append(list, s)
}
