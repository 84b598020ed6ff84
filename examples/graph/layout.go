package main

import (
	"math"
	"sort"
)

// Layout sizes, in SVG units.
const (
	idealEdge  = 140.0 // the length edges settle at
	labelRoom  = 80.0  // room left and right of a node for its name
	labelBelow = 40.0  // room under a node for its name
	labelAbove = 30.0  // room above a node for an edge label
	steps      = 300   // iterations of the force layout
)

// layout places the nodes in a frame of the given width and returns the
// height the drawing needs. Each connected component is laid out on its own
// with a force-directed layout (Fruchterman and Reingold: edges pull their
// ends together, every pair of nodes pushes apart), then the components are
// packed in rows, biggest first, so that a corpus of many small meetings
// does not shrink into dots. It starts from circles and has no randomness,
// so one corpus always gives one picture.
func layout(g *Graph, width, margin float64) float64 {
	x, y, rowHeight := margin, margin, 0.0
	var row []*Node
	// center shifts the finished row to the middle of the frame.
	center := func() {
		for _, n := range row {
			n.x += (width - margin - x) / 2
		}
		row = nil
	}
	for _, c := range components(g) {
		force(c.nodes, c.edges)
		minX, minY, maxX, maxY := bounds(c.nodes)
		minX, maxX = minX-labelRoom, maxX+labelRoom
		minY, maxY = minY-labelAbove, maxY+labelBelow
		w, h := maxX-minX, maxY-minY
		if avail := width - 2*margin; w > avail {
			// too wide for a row: shrink it around its corner
			s := avail / w
			for _, n := range c.nodes {
				n.x = minX + (n.x-minX)*s
				n.y = minY + (n.y-minY)*s
			}
			w, h = avail, h*s
		}
		if x+w > width-margin && x > margin {
			center()
			x, y, rowHeight = margin, y+rowHeight, 0
		}
		for _, n := range c.nodes {
			n.x += x - minX
			n.y += y - minY
		}
		row = append(row, c.nodes...)
		x += w
		rowHeight = math.Max(rowHeight, h)
	}
	center()
	return y + rowHeight + margin
}

// component is a connected part of the graph.
type component struct {
	nodes []*Node
	edges [][2]*Node
}

// components splits the graph into its connected components, biggest first,
// each in the order of g.Nodes.
func components(g *Graph) []component {
	byID := map[string]*Node{}
	adj := map[*Node][]*Node{}
	for _, n := range g.Nodes {
		byID[n.ID] = n
	}
	for _, e := range g.Edges {
		a, b := byID[e.Source], byID[e.Target]
		adj[a] = append(adj[a], b)
		adj[b] = append(adj[b], a)
	}
	of := map[*Node]int{}
	var comps []component
	for _, start := range g.Nodes {
		if _, done := of[start]; done {
			continue
		}
		id := len(comps)
		comps = append(comps, component{})
		queue := []*Node{start}
		of[start] = id
		for len(queue) > 0 {
			n := queue[0]
			queue = queue[1:]
			for _, m := range adj[n] {
				if _, done := of[m]; !done {
					of[m] = id
					queue = append(queue, m)
				}
			}
		}
	}
	for _, n := range g.Nodes {
		comps[of[n]].nodes = append(comps[of[n]].nodes, n)
	}
	for _, e := range g.Edges {
		a := byID[e.Source]
		comps[of[a]].edges = append(comps[of[a]].edges, [2]*Node{a, byID[e.Target]})
	}
	sort.SliceStable(comps, func(i, j int) bool { return len(comps[i].nodes) > len(comps[j].nodes) })
	return comps
}

// force lays out one component around the origin.
func force(nodes []*Node, edges [][2]*Node) {
	n := len(nodes)
	r := math.Max(idealEdge*float64(n)/(2*math.Pi), idealEdge/2)
	for i, nd := range nodes {
		angle := 2 * math.Pi * float64(i) / float64(n)
		nd.x, nd.y = r*math.Cos(angle), r*math.Sin(angle)
	}
	if n == 1 {
		return
	}
	index := map[*Node]int{}
	for i, nd := range nodes {
		index[nd] = i
	}
	k := idealEdge
	// Repulsion reaches only a few edge lengths, so that a long chain
	// does not stretch across the page.
	repel := func(d float64) float64 {
		if d > 3*k {
			return 0
		}
		return k * k / d
	}
	temp := k
	dx := make([]float64, n)
	dy := make([]float64, n)
	for step := 0; step < steps; step++ {
		for i := range dx {
			dx[i], dy[i] = 0, 0
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				apart(nodes, dx, dy, i, j, repel)
			}
			// a weak pull to the centre keeps leaves from drifting off
			dx[i] -= nodes[i].x * 0.02
			dy[i] -= nodes[i].y * 0.02
		}
		for _, e := range edges {
			apart(nodes, dx, dy, index[e[0]], index[e[1]], func(d float64) float64 { return -d * d / k })
		}
		for i, nd := range nodes {
			if d := math.Hypot(dx[i], dy[i]); d > 0 {
				move := math.Min(d, temp)
				nd.x += dx[i] / d * move
				nd.y += dy[i] / d * move
			}
		}
		temp = math.Max(temp*0.98, 1)
	}
}

// apart adds to the displacements of nodes i and j a force of f(distance)
// along the line between them: positive pushes them apart, negative pulls.
func apart(nodes []*Node, dx, dy []float64, i, j int, f func(float64) float64) {
	a, b := nodes[i], nodes[j]
	d := math.Max(math.Hypot(a.x-b.x, a.y-b.y), 0.01)
	ux, uy := (a.x-b.x)/d*f(d), (a.y-b.y)/d*f(d)
	dx[i] += ux
	dy[i] += uy
	dx[j] -= ux
	dy[j] -= uy
}

// bounds is the box around the nodes' centres.
func bounds(nodes []*Node) (minX, minY, maxX, maxY float64) {
	minX, minY = math.Inf(1), math.Inf(1)
	maxX, maxY = math.Inf(-1), math.Inf(-1)
	for _, n := range nodes {
		minX, maxX = math.Min(minX, n.x), math.Max(maxX, n.x)
		minY, maxY = math.Min(minY, n.y), math.Max(maxY, n.y)
	}
	return minX, minY, maxX, maxY
}
