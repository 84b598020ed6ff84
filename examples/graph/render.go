package main

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

//go:embed page.html
var pageHTML string

// pageTemplate renders the graph page; html/template escapes every name,
// title and file name, so markup in a corpus is shown as text.
var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

// Drawing sizes, in SVG units.
const (
	frameWidth  = 1200.0
	frameMargin = 20.0
	curveStep   = 36.0 // how far apart parallel edges between two nodes bend
)

// radius of a node grows with the number of documents naming it.
func radius(n *Node) float64 { return 7 + 3*math.Sqrt(float64(n.Documents)) }

// svgNode is a node as drawn: a circle of radius R for a person, a square
// of side Side from (Left, Top) for an organisation.
type svgNode struct {
	ID, Kind, Name, Tip              string
	X, Y, R, Left, Top, Side, LabelY float64
}

// svgEdge is an edge as drawn, with its label at the curve's middle.
type svgEdge struct {
	Type, Path, Label, Tip string
	LabelX, LabelY         float64
	Directed               bool
}

// tableRow is an edge in the table beneath the drawing.
type tableRow struct {
	Dates, Type, Source, Target, Places, Documents string
}

// pageView is what the page template renders.
type pageView struct {
	Width, Height float64
	Nodes         []svgNode
	Edges         []svgEdge
	Rows          []tableRow
	Documents     int
}

// writeHTML lays the graph out and writes the page: the SVG drawing and the
// table of edges by date. documents is how many articles were read.
func writeHTML(w io.Writer, g *Graph, documents int) error {
	height := layout(g, frameWidth, frameMargin)
	v := pageView{Width: frameWidth, Height: height, Documents: documents}
	byID := map[string]*Node{}
	for _, n := range g.Nodes {
		byID[n.ID] = n
		tip := n.Name
		if n.Acronym != "" {
			tip += " (" + n.Acronym + ")"
		}
		if len(n.Titles) > 0 {
			tip += "\n" + strings.Join(n.Titles, "\n")
		}
		tip += fmt.Sprintf("\n%s, named in %d document(s)", n.Kind, n.Documents)
		r := radius(n)
		v.Nodes = append(v.Nodes, svgNode{ID: n.ID, Kind: n.Kind, Name: n.Name, Tip: tip,
			X: round(n.x), Y: round(n.y), R: round(r), Left: round(n.x - r), Top: round(n.y - r), Side: round(2 * r),
			LabelY: round(n.y + r + 14)})
	}

	// Parallel edges between one pair bend apart, symmetrically.
	pairs := map[string][]*Edge{}
	for _, e := range g.Edges {
		pairs[pairKey(e)] = append(pairs[pairKey(e)], e)
	}
	for _, e := range g.Edges {
		group := pairs[pairKey(e)]
		pos := 0
		for i, other := range group {
			if other == e {
				pos = i
			}
		}
		bend := (float64(pos) - float64(len(group)-1)/2) * curveStep
		v.Edges = append(v.Edges, drawEdge(e, byID[e.Source], byID[e.Target], bend))
		v.Rows = append(v.Rows, tableRow{
			Dates: strings.Join(e.Dates, ", "), Type: e.Type,
			Source: byID[e.Source].Name, Target: byID[e.Target].Name,
			Places: strings.Join(e.Places, ", "), Documents: strings.Join(e.Documents, ", "),
		})
	}
	return pageTemplate.Execute(w, v)
}

// pairKey names the two ends of an edge regardless of direction.
func pairKey(e *Edge) string {
	if idLess(e.Target, e.Source) {
		return e.Target + " " + e.Source
	}
	return e.Source + " " + e.Target
}

// drawEdge draws an edge as a quadratic curve bent sideways by bend, ending
// at the rim of the target so that an arrowhead stays visible.
func drawEdge(e *Edge, a, b *Node, bend float64) svgEdge {
	// Bend relative to the pair's own order, so that two edges of a pair
	// drawn in opposite directions still bend to opposite sides.
	sign := 1.0
	if idLess(b.ID, a.ID) {
		sign = -1
	}
	dx, dy := b.x-a.x, b.y-a.y
	length := math.Max(math.Hypot(dx, dy), 1)
	nx, ny := -dy/length*sign, dx/length*sign
	cx, cy := (a.x+b.x)/2+nx*bend*2, (a.y+b.y)/2+ny*bend*2
	// shorten both ends along the curve's end tangents
	ex, ey := shorten(b.x, b.y, cx, cy, radius(b)+2)
	sx, sy := shorten(a.x, a.y, cx, cy, radius(a))
	label := e.Type
	if len(e.Dates) > 0 {
		label += " · " + e.Dates[0]
		if len(e.Dates) > 1 {
			label += fmt.Sprintf(" +%d", len(e.Dates)-1)
		}
	}
	return svgEdge{
		Type:     e.Type,
		Path:     fmt.Sprintf("M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f", sx, sy, cx, cy, ex, ey),
		Label:    label,
		Tip:      label + "\n" + strings.Join(e.Documents, "\n"),
		LabelX:   round(0.25*a.x + 0.5*cx + 0.25*b.x),
		LabelY:   round(0.25*a.y + 0.5*cy + 0.25*b.y),
		Directed: e.Type == extract.Received,
	}
}

// shorten moves the point (x, y) by d towards (tx, ty).
func shorten(x, y, tx, ty, d float64) (float64, float64) {
	l := math.Max(math.Hypot(tx-x, ty-y), 1)
	return x + (tx-x)/l*d, y + (ty-y)/l*d
}

func round(f float64) float64 { return math.Round(f*10) / 10 }

// writeDOT writes the graph in Graphviz's DOT language: people as ellipses,
// organisations as boxes, received as arrows from host to guest, talks
// dashed and met dotted, both undirected.
func writeDOT(w io.Writer, g *Graph) error {
	var b strings.Builder
	b.WriteString("digraph newsgraph {\n\tnode [fontname=\"Helvetica\"];\n\tedge [fontname=\"Helvetica\", fontsize=10];\n")
	for _, n := range g.Nodes {
		shape := "ellipse"
		if n.Kind != extract.KindPerson {
			shape = "box"
		}
		fmt.Fprintf(&b, "\t%s [label=%s, shape=%s];\n", n.ID, dotQuote(n.Name), shape)
	}
	styles := map[string]string{extract.Received: "solid", extract.Talks: "dashed", extract.Met: "dotted"}
	for _, e := range g.Edges {
		label := e.Type
		if len(e.Dates) > 0 {
			label += "\n" + strings.Join(e.Dates, ", ")
		}
		attrs := fmt.Sprintf("label=%s, style=%s", dotQuote(label), styles[e.Type])
		if e.Type != extract.Received {
			attrs += ", dir=none"
		}
		fmt.Fprintf(&b, "\t%s -> %s [%s];\n", e.Source, e.Target, attrs)
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// dotQuote writes s as a DOT string: quoted, with quotes and backslashes
// escaped and line breaks as \n.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r", "", "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
