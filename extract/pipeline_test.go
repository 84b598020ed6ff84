package extract

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/rules"
)

// The rules package documents the order phases run in; the engine's stages
// must run in that order and cover every phase.
func TestStagesFollowRulePhases(t *testing.T) {
	var order []string
	for _, st := range stages {
		order = append(order, st.phase)
	}
	if !slices.Equal(order, rules.Phases) {
		t.Errorf("stages run %v, rules.Phases says %v", order, rules.Phases)
	}
}
