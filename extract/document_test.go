package extract

import (
	"strings"
	"testing"
)

// TestUpperCased holds upperCased to strings.ToUpper(s) == s, which it
// replaces without the copy.
func TestUpperCased(t *testing.T) {
	for _, s := range []string{"HANOI", "Hanoi", "", "HA NOI-2", "THÜRINGEN", "Thüringen", "STRAßE", "ĐÀ NẴNG", "Đà Nẵng", "\xff"} {
		if got, want := upperCased(s), strings.ToUpper(s) == s; got != want {
			t.Errorf("upperCased(%q) = %v, want %v", s, got, want)
		}
	}
	if got := entityID("p", 0); got != "p1" {
		t.Errorf("entityID(p, 0) = %q, want p1", got)
	}
}
