package gazetteer

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/text"
)

// The trie is keyed by token keys (text.Key of each token), interned as
// int32 token IDs (see vocab) so that one lookup per text token is all the
// hashing Match does. Its layout is flat, to stay small and quick to build:
//
//   - the root's children are a dense array indexed by token ID, since the
//     root has a child for nearly every distinct first word;
//   - every other node's children are a sorted run of (token ID, child) in
//     two parallel arrays (compressed sparse rows), scanned linearly when
//     short and binary-searched when long ("Ministry of ..." has many);
//   - each node's candidates are a run in one array, in load order, each
//     naming its entry, form and mode, and for cased or exact phrases the
//     phrase's token texts in a shared string pool, which Match compares
//     against the text only when the keys already agree;
//   - where a node's edges and candidates start is one pair per node (runs).
//
// A 100,000-entry gazetteer is a few hundred thousand nodes, so a node
// costs a handful of int32s instead of a map.

// Verification modes of a candidate.
const (
	modeCased uint8 = iota
	modeFold
	modeExact
)

// runs is where a node's edges and candidates start in edgeTok and cands;
// the next node's runs are where they end. The two sit side by side because
// a walk reads both of every node it reaches: one cache line, not two.
type runs struct{ edges, cands int32 }

// cand is one phrase ending at a trie node.
type cand struct {
	entry int32 // index into Gazetteer.entries
	text  int32 // index in trie.texts of the phrase's first token text; -1 for fold
	form  Form
	mode  uint8
}

// trie is the compiled matcher; see the comment above.
type trie struct {
	vocab    vocab    // token key -> token ID
	known    []uint64 // bit set of token IDs that Known reports
	root     []int32  // token ID -> child of the root, 0 = none
	nodes    []runs   // node -> where its edges and candidates start; len = nodes+1
	edgeTok  []int32  // token ID of each edge, sorted within a node
	edgeNode []int32  // child node of each edge
	cands    []cand
	texts    []string // phrase token texts (folded for cased, raw for exact)
}

// build compiles the entries into t. Phrases were checked for emptiness
// before, so every phrase has at least one token.
func (t *trie) build(entries []*Entry) error {
	// Size the tables from a count of phrases and an estimate of tokens
	// (words plus one), so that they do not grow step by step.
	phrases, words := 0, 0
	for _, e := range entries {
		phrases += 1 + len(e.Aliases)
		words += 1 + strings.Count(e.Name, " ")
		for _, a := range e.Aliases {
			words += 1 + strings.Count(a, " ")
		}
		if e.Acronym != "" {
			phrases++
			words++
		}
	}
	// About one token in three is new to the vocabulary in the files
	// we know; half of words leaves room, and the table keeps it at
	// most half full.
	t.vocab.keys = make([]string, 0, words/2)
	t.vocab.grow(words)
	t.texts = make([]string, 0, words)
	// Edges while building: (parent<<32 | token ID) -> child. A single map
	// keyed by integers is cheaper than a map per node, and it is turned
	// into sorted runs once every phrase is in.
	edges := make(map[uint64]int32, words)
	type pending struct {
		node int32
		c    cand
	}
	cs := make([]pending, 0, phrases)
	nodes := int32(1) // node 0 is the root
	intern := func(folded string) int32 {
		if id := t.foldedID(folded); id >= 0 {
			return id
		}
		return t.vocab.add(strings.ToLower(folded))
	}
	add := func(ei int32, phrase string, form Form, mode uint8, known bool) *Error {
		toks := text.Tokenize(phrase)
		if len(toks) == 0 {
			e := entries[ei]
			return &Error{File: e.File, Line: e.Line, Entry: e.ID, Msg: fmt.Sprintf("%s %q is empty after tokenisation", form, phrase)}
		}
		c := cand{entry: ei, text: -1, form: form, mode: mode}
		if mode != modeFold {
			c.text = int32(len(t.texts))
		}
		node := int32(0)
		for _, tok := range toks {
			// Key is the lower case of Fold: fold once and reuse it for
			// the cased text below.
			folded := text.Fold(tok.Text)
			id := intern(folded)
			if known && tok.Kind == text.Word {
				for int(id>>6) >= len(t.known) {
					t.known = append(t.known, 0)
				}
				t.known[id>>6] |= 1 << (uint(id) & 63)
			}
			switch mode {
			case modeCased:
				t.texts = append(t.texts, folded)
			case modeExact:
				t.texts = append(t.texts, tok.Text)
			}
			k := uint64(node)<<32 | uint64(uint32(id))
			child, ok := edges[k]
			if !ok {
				child = nodes
				nodes++
				edges[k] = child
			}
			node = child
		}
		cs = append(cs, pending{node, c})
		return nil
	}
	var errs ErrorList
	for i, e := range entries {
		ei := int32(i)
		mode := modeCased
		switch e.Match {
		case MatchFold:
			mode = modeFold
		case MatchExact:
			mode = modeExact
		}
		known := knownTypes[e.Type]
		if err := add(ei, e.Name, FormName, mode, known); err != nil {
			errs = append(errs, err)
		}
		for _, a := range e.Aliases {
			if err := add(ei, a, FormAlias, mode, known); err != nil {
				errs = append(errs, err)
			}
		}
		if e.Acronym != "" {
			if err := add(ei, e.Acronym, FormAcronym, modeExact, known); err != nil {
				errs = append(errs, err)
			}
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	t.vocab.compact()
	if need := (t.vocab.len() + 63) / 64; len(t.known) < need {
		t.known = append(t.known, make([]uint64, need-len(t.known))...)
	}

	// Edges into sorted runs per parent: a counting sort by parent, then a
	// sort of each (short) run by token ID.
	t.root = make([]int32, t.vocab.len())
	first := make([]int32, nodes+1)
	for k, child := range edges {
		if parent := int32(k >> 32); parent == 0 {
			t.root[uint32(k)] = child
		} else {
			first[parent+1]++
		}
	}
	for i := int32(1); i <= nodes; i++ {
		first[i] += first[i-1]
	}
	ne := first[nodes]
	t.edgeTok = make([]int32, ne)
	t.edgeNode = make([]int32, ne)
	fill := slices.Clone(first[:nodes])
	for k, child := range edges {
		parent := int32(k >> 32)
		if parent == 0 {
			continue
		}
		p := fill[parent]
		fill[parent]++
		t.edgeTok[p] = int32(uint32(k))
		t.edgeNode[p] = child
	}
	for n := int32(1); n < nodes; n++ {
		lo, hi := first[n], first[n+1]
		if hi-lo > 1 {
			sortEdges(t.edgeTok[lo:hi], t.edgeNode[lo:hi])
		}
	}

	// Candidates into runs per node, stable so that a node's candidates
	// stay in load order (and name before aliases before acronym).
	candAt := make([]int32, nodes+1)
	for _, p := range cs {
		candAt[p.node+1]++
	}
	for i := int32(1); i <= nodes; i++ {
		candAt[i] += candAt[i-1]
	}
	t.cands = make([]cand, len(cs))
	fill = slices.Clone(candAt[:nodes])
	for _, p := range cs {
		t.cands[fill[p.node]] = p.c
		fill[p.node]++
	}
	t.nodes = make([]runs, nodes+1)
	for n := range t.nodes {
		t.nodes[n] = runs{edges: first[n], cands: candAt[n]}
	}
	if cap(t.texts) > len(t.texts)+len(t.texts)/4 {
		// The estimate counted every phrase; fold phrases keep no text.
		t.texts = slices.Clone(t.texts)
	}
	return nil
}

// sortEdges sorts a node's edges by token ID. Runs are short, so an
// insertion sort beats a generic sort, but long runs fall back to one.
func sortEdges(tok, node []int32) {
	if len(tok) > 16 {
		idx := make([]int, len(tok))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(a, b int) int { return int(tok[a]) - int(tok[b]) })
		t2, n2 := make([]int32, len(tok)), make([]int32, len(tok))
		for i, j := range idx {
			t2[i], n2[i] = tok[j], node[j]
		}
		copy(tok, t2)
		copy(node, n2)
		return
	}
	for i := 1; i < len(tok); i++ {
		for j := i; j > 0 && tok[j] < tok[j-1]; j-- {
			tok[j], tok[j-1] = tok[j-1], tok[j]
			node[j], node[j-1] = node[j-1], node[j]
		}
	}
}

// tokenID returns the token ID of s's key (text.Key), or -1 if no phrase
// has that token.
func (t *trie) tokenID(s string) int32 {
	return t.foldedID(text.Fold(s))
}

// foldedID returns the token ID of an already folded token, or -1. ASCII
// (what Fold returns for ASCII, and most of any text) is looked up as it
// is, without building its lower case.
func (t *trie) foldedID(folded string) int32 {
	if isASCII(folded) {
		return t.vocab.lookup(folded)
	}
	return t.vocab.lookup(strings.ToLower(folded))
}

// child returns the child of node along token ID tok, or 0 if none. The
// root's children are t.root[tok]; node is any other node.
func (t *trie) child(node, tok int32) int32 {
	lo, hi := t.nodes[node].edges, t.nodes[node+1].edges
	if hi-lo <= 8 {
		for i := lo; i < hi; i++ {
			if t.edgeTok[i] == tok {
				return t.edgeNode[i]
			}
		}
		return 0
	}
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		switch v := t.edgeTok[m]; {
		case v == tok:
			return t.edgeNode[m]
		case v < tok:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0
}

// Match finds every entry whose name, alias or acronym occurs in toks, in
// one left-to-right pass over the token trie. All overlapping candidates
// are returned, sorted by Start, then longer first, then load order; an
// entry is reported once per span even if several of its forms fit there
// (the first of name, alias, acronym wins). A match never continues across
// a line break: a token with Lines > 0 can only start one. Name and alias
// matches are checked by the entry's mode (cased: case kept, diacritics
// folded; fold: case and diacritics folded; exact: as written); acronyms
// are always exact.
func (g *Gazetteer) Match(toks []text.Token) []Match {
	return g.AppendMatch(nil, toks)
}

// AppendMatch is Match appending to dst, so that a caller can reuse the
// slice of an earlier text. It returns dst as it was when nothing matches.
func (g *Gazetteer) AppendMatch(dst []Match, toks []text.Token) []Match {
	if g == nil || len(toks) == 0 || len(g.entries) == 0 {
		return dst
	}
	t := &g.trie
	sc := scratchPool.Get().(*matchScratch)
	defer scratchPool.Put(sc)
	ids, folded := t.tokenIDs(sc, toks)
	defer clear(folded) // let the pooled slice keep no text alive
	// Matches are gathered in pooled scratch without pointers, and the
	// result is made once at its final size.
	out := sc.found[:0]
	defer func() { sc.found = out }()
	for i := range toks {
		if ids[i] < 0 {
			continue
		}
		// The first step is an index into the root's children: most
		// tokens start no phrase and stop here.
		node := t.root[ids[i]]
		segStart := len(out)
		for j := i; node != 0; {
			for _, c := range t.cands[t.nodes[node].cands:t.nodes[node+1].cands] {
				if c.mode != modeFold && !t.verify(c, toks, folded, i, j+1) {
					continue
				}
				if n := len(out); n > segStart && out[n-1].end == int32(j+1) && out[n-1].entry == c.entry {
					continue // same entry, same span, another form
				}
				out = append(out, found{start: int32(i), end: int32(j + 1), entry: c.entry, form: c.form})
			}
			j++
			if j == len(toks) || ids[j] < 0 || toks[j].Lines > 0 {
				break
			}
			node = t.child(node, ids[j])
		}
		if len(out)-segStart > 1 {
			longestFirst(out[segStart:])
		}
	}
	if len(out) == 0 {
		return dst
	}
	dst = slices.Grow(dst, len(out))
	for _, f := range out {
		dst = append(dst, Match{Start: int(f.start), End: int(f.end), Entry: g.entries[f.entry], Form: f.form, Index: f.entry})
	}
	return dst
}

// tokenIDs fills sc.ids with the token ID of each token (-1 if the trie
// has none) and returns it, with Fold of the non-ASCII tokens the trie
// knows, for the cased checks (ASCII folds to itself), in sc.folded; that
// is nil if there are none.
func (t *trie) tokenIDs(sc *matchScratch, toks []text.Token) (ids []int32, folded []string) {
	ids = slices.Grow(sc.ids[:0], len(toks))[:len(toks)]
	sc.ids = ids
	for i := range toks {
		s := toks[i].Text
		if len(s) == 1 && s[0] < utf8.RuneSelf {
			ids[i] = t.vocab.byteID(s[0])
			continue
		}
		if h, head, ascii := hashLower(s); ascii {
			ids[i] = t.vocab.find(s, h, head)
		} else {
			// Fold into scratch, and make a string only of a fold the
			// trie knows.
			sc.fold = text.AppendFold(sc.fold[:0], s)
			ids[i] = t.foldedID(string(sc.fold))
			if ids[i] >= 0 {
				if folded == nil {
					folded = slices.Grow(sc.folded[:0], len(toks))[:len(toks)]
					sc.folded = folded
				}
				folded[i] = string(sc.fold)
			}
		}
	}
	return ids, folded
}

// found is a match as Match gathers it.
type found struct {
	start, end, entry int32
	form              Form
}

// matchScratch is the per-call working space of Match, pooled so that a
// document allocates only the matches it returns.
type matchScratch struct {
	ids    []int32  // token ID of each token, -1 if the trie has none
	folded []string // Fold of non-ASCII tokens, "" elsewhere
	fold   []byte   // Fold of the token being looked up
	found  []found  // the matches so far
}

var scratchPool = sync.Pool{New: func() any { return new(matchScratch) }}

// verify checks a cased or exact candidate whose keys already agree with
// toks[start:end] against the mode of its phrase (a fold candidate needs no
// check: its keys agreeing is all it asks). folded holds Fold of the
// non-ASCII tokens.
func (t *trie) verify(c cand, toks []text.Token, folded []string, start, end int) bool {
	texts := t.texts[c.text : int(c.text)+end-start]
	for k, want := range texts {
		s := toks[start+k].Text
		// folded is nil when no non-ASCII token is known: then s is ASCII.
		if c.mode == modeCased && folded != nil && !isASCII(s) {
			s = folded[start+k]
		}
		if s != want && !(c.mode == modeCased && shouted(s, want)) {
			return false
		}
	}
	return true
}

// shouted reports whether s is want written in capitals, as datelines and
// headlines write names ("HANOI", "NEW YORK"). Words of one or two letters
// are left out: in capitals they are too often acronyms ("US").
func shouted(s, want string) bool {
	if len(s) < 3 {
		return false
	}
	if !isASCII(s) || !isASCII(want) {
		return s == strings.ToUpper(s) && s == strings.ToUpper(want)
	}
	// ASCII: the same test without building either upper case, since
	// most words that get here are simply not in capitals.
	if len(s) != len(want) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c, w := s[i], want[i]
		if 'a' <= w && w <= 'z' {
			w -= 'a' - 'A'
		}
		if c != w {
			return false
		}
	}
	return true
}

// vocab interns token keys (text.Key) as dense token IDs. It is an open-
// addressing hash table over a power-of-two array rather than a map so that
// a text token is looked up straight from its own bytes: the hash lower-cases
// ASCII as it goes and the check against the stored key compares the same
// way, where a map needs the lower-cased key as a string first.
type vocab struct {
	keys  []string // token ID -> key
	slots []slot   // linear probing; at most three quarters full
	shift uint     // 64 - log2(len(slots))
	// single is the ID+1 of each one-byte ASCII key by its byte, 0 for
	// none: about one token in six is one byte (punctuation, digits, "a"),
	// and an array index is cheaper than hashing and probing for it.
	single [utf8.RuneSelf]int32
}

// slot is one place of the table. It holds the key's length and first
// eight bytes, so that a probe settles most keys (news words are short)
// and skips other keys without reading the key string, which lies
// elsewhere in memory.
type slot struct {
	head uint64 // the key's first eight bytes, as hashLower packs them
	n    uint32 // the key's length in bytes
	id   int32  // token ID + 1; 0 = empty
}

// hashMul is the 64-bit golden ratio, the multiplier of Fibonacci hashing.
const hashMul = 0x9E3779B97F4A7C15

// hashLower hashes the ASCII lower case of s, and returns with the hash
// that lower case's first eight bytes packed into a number (head) and
// whether s is all ASCII (then Fold leaves it as it is, and the hash is
// its key's), all found in one pass. Keys are lower case already (and
// text.Key lower-cases ASCII as this does), so a token and its key hash
// alike. The bytes are packed eight at a time and each eight mixed in with
// one multiplication, rather than one multiplication per byte.
func hashLower(s string) (h, head uint64, ascii bool) {
	first := s[:min(len(s), 8)]
	head, or := packLower(first)
	h = (uint64(len(s)) ^ head) * hashMul
	for rest := s[len(first):]; rest != ""; {
		next := rest[:min(len(rest), 8)]
		w, o := packLower(next)
		h, or = (h^w)*hashMul, or|o
		rest = rest[len(next):]
	}
	return h, head, or < utf8.RuneSelf
}

// packLower packs the ASCII lower case of s, at most eight bytes, into a
// number, a byte at a time, and returns it with the OR of s's bytes.
func packLower(s string) (w uint64, or byte) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		or |= c
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		w = w<<8 | uint64(c)
	}
	return w, or
}

// equalLower reports whether the ASCII lower case of s is key.
func equalLower(s, key string) bool {
	if len(s) != len(key) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != key[i] {
			return false
		}
	}
	return true
}

// lookup returns the ID of the key that s lower-cases to (ASCII only), or
// -1. Callers pass non-ASCII text lower-cased already.
func (v *vocab) lookup(s string) int32 {
	h, head, _ := hashLower(s)
	return v.find(s, h, head)
}

// find is lookup with s's hash and head worked out already. Length and
// head decide keys of up to eight bytes; only a longer key whose head
// agrees is read to compare the rest.
func (v *vocab) find(s string, h, head uint64) int32 {
	if len(v.slots) == 0 {
		return -1
	}
	mask := len(v.slots) - 1
	for i := int(h >> v.shift); ; i = (i + 1) & mask {
		sl := &v.slots[i]
		if sl.id == 0 {
			return -1
		}
		if sl.head == head && int(sl.n) == len(s) &&
			(len(s) <= 8 || equalLower(s[8:], v.keys[sl.id-1][8:])) {
			return sl.id - 1
		}
	}
}

// add interns key, which is lower case and not in v yet, and returns its ID.
func (v *vocab) add(key string) int32 {
	if 2*(len(v.keys)+1) > len(v.slots) {
		v.grow(2 * (len(v.keys) + 1))
	}
	id := int32(len(v.keys))
	v.keys = append(v.keys, key)
	v.put(id)
	if len(key) == 1 && key[0] < utf8.RuneSelf {
		v.single[key[0]] = id + 1
	}
	return id
}

// byteID is lookup of the one-byte ASCII text c.
func (v *vocab) byteID(c byte) int32 {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return v.single[c] - 1
}

// put stores key ID id in the first free slot of its probe.
func (v *vocab) put(id int32) {
	key := v.keys[id]
	h, head, _ := hashLower(key)
	mask := len(v.slots) - 1
	i := int(h >> v.shift)
	for v.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	v.slots[i] = slot{head: head, n: uint32(len(key)), id: id + 1}
}

// grow makes room for n slots (rounded up to a power of two, at least
// doubling) and moves the entries over.
func (v *vocab) grow(n int) {
	v.resize(max(n, 2*len(v.slots)))
}

// compact shrinks the table, once every key is in, to at most three
// quarters full: linear probing stays short at that load, and a smaller
// table stays in cache while Match runs.
func (v *vocab) compact() {
	v.resize(len(v.keys) + len(v.keys)/3 + 1)
}

// resize rehashes the keys into n slots rounded up to a power of two.
func (v *vocab) resize(n int) {
	size, bits := 8, uint(3)
	for size < n {
		size, bits = size*2, bits+1
	}
	if size == len(v.slots) {
		return
	}
	v.slots, v.shift = make([]slot, size), 64-bits
	for id := range v.keys {
		v.put(int32(id))
	}
}

// len is the number of keys.
func (v *vocab) len() int { return len(v.keys) }

// isASCII reports whether s is plain ASCII, which Fold returns unchanged.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// longestFirst reorders the matches of one start position, found shortest
// first, so that longer spans come first while matches of the same span
// keep their load order: reverse the whole run, then each equal-End group.
func longestFirst(ms []found) {
	slices.Reverse(ms)
	for lo := 0; lo < len(ms); {
		hi := lo + 1
		for hi < len(ms) && ms[hi].end == ms[lo].end {
			hi++
		}
		slices.Reverse(ms[lo:hi])
		lo = hi
	}
}
