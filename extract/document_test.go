package extract

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// TestUpperCased holds upperCased to strings.ToUpper(s) == s, which it
// replaces without the copy.
func TestUpperCased(t *testing.T) {
	for _, s := range []string{"HANOI", "Hanoi", "", "HA NOI-2", "THÜRINGEN", "Thüringen", "STRAßE", "ĐÀ NẴNG", "Đà Nẵng", "\xff"} {
		if got, want := upperCased(s), strings.ToUpper(s) == s; got != want {
			t.Errorf("upperCased(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSameKey holds sameKey to comparing text.Key of both sides.
func TestSameKey(t *testing.T) {
	tests := []struct{ s, t string }{
		{"Hanoi", "HANOI"},
		{"Hanoi", "Hanoy"},
		{"Hanoi", "Hanoi "},
		{"", ""},
		{"Đà Nẵng", "da nang"},
		{"Da Nang", "ĐÀ NẴNG"},
		{"Kelvin", "\u212aelvin"}, // the Kelvin sign folds to k, but keys differ
		{"Straße", "strasse"},
		{"Đà Nẵng", "Đà Nẵng"},
	}
	for _, tt := range tests {
		if got, want := sameKey(tt.s, tt.t), text.Key(tt.s) == text.Key(tt.t); got != want {
			t.Errorf("sameKey(%q, %q) = %v, want %v", tt.s, tt.t, got, want)
		}
	}
}

// TestRoom checks that each entity's room is its own: filling one
// to its size leaves the next alone, and overfilling one copies it away.
func TestRoom(t *testing.T) {
	room := newRoom[Mention](3)
	first, second := room.take(2), room.take(1)
	second = append(second, Mention{Text: "b1"})
	first = append(first, Mention{Text: "a1"}, Mention{Text: "a2"}, Mention{Text: "a3"})
	if got := second[0].Text; got != "b1" {
		t.Errorf("second entity's mention = %q after the first overflowed, want b1", got)
	}
	var texts []string
	for _, m := range first {
		texts = append(texts, m.Text)
	}
	if want := []string{"a1", "a2", "a3"}; !slices.Equal(texts, want) {
		t.Errorf("first entity's mentions = %q, want %q", texts, want)
	}
	if sized[Mention](0) != nil || len(sized[Mention](2)) != 2 {
		t.Error("sized(0) must be nil and sized(2) two long")
	}
}

// TestEntityIDs checks IDs made once and IDs made on demand alike.
func TestEntityIDs(t *testing.T) {
	k := newIDKind("p", 2)
	tests := []struct {
		i    int
		want string
	}{{0, "p1"}, {1, "p2"}, {2, "p3"}, {11, "p12"}}
	for _, tt := range tests {
		if got := k.id(tt.i); got != tt.want {
			t.Errorf("id(%d) = %q, want %q", tt.i, got, tt.want)
		}
	}
	if got := orgIDs.id(0); got != "o1" {
		t.Errorf("orgIDs.id(0) = %q, want o1", got)
	}
}

// TestGroupMentions checks the numbering of groups in order of first
// mention and their sizes, with one grouper for every list as a document's
// scratch has: nothing of one list may stay for the next.
func TestGroupMentions(t *testing.T) {
	var gr grouper[string]
	tests := []struct {
		keys       []string
		of, counts []int
	}{
		{nil, []int{}, nil},
		{[]string{"a"}, []int{0}, []int{1}},
		{[]string{"b", "a", "b", "c", "a", "b"}, []int{0, 1, 0, 2, 1, 0}, []int{3, 2, 1}},
		{[]string{"c", "c"}, []int{0, 0}, []int{2}},
	}
	for _, tt := range tests {
		of, counts := gr.group(len(tt.keys), func(i int) string { return tt.keys[i] })
		if !slices.Equal(of, tt.of) || !slices.Equal(counts, tt.counts) {
			t.Errorf("groupMentions(%q) = %v, %v; want %v, %v", tt.keys, of, counts, tt.of, tt.counts)
		}
	}
}

// TestAnalysisText checks that a span's text is the clean text where its
// tokens are apart by one space or none, and is rebuilt with single spaces
// otherwise.
func TestAnalysisText(t *testing.T) {
	x, err := orgExtractor()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text       string
		start, end int // the token span
		want       string
	}{
		{"Ministry of Foreign Affairs", 0, 4, "Ministry of Foreign Affairs"},
		{"Ministry of Foreign Affairs", 1, 3, "of Foreign"},
		{"Ministry  of   Foreign", 0, 3, "Ministry of Foreign"},
		{"Ministry\nof Foreign", 0, 3, "Ministry of Foreign"},
		{"Mexico-Vietnam Group", 0, 4, "Mexico-Vietnam Group"},
		{"Mexico - Vietnam  Group", 0, 4, "Mexico - Vietnam Group"},
		{"Hanoi", 0, 1, "Hanoi"},
		{"Hanoi", 0, 0, ""},
	}
	for _, tt := range tests {
		a := newAnalysis(context.Background(), x, tt.text)
		if got := a.text(span{tt.start, tt.end}); got != tt.want {
			t.Errorf("text(%q, [%d,%d)) = %q, want %q", tt.text, tt.start, tt.end, got, tt.want)
		}
		a.release()
	}
}
