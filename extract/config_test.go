package extract_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestConfigErrors gives New one malformed user file at a time: each must
// fail with one error that names the file, the line and what to fix.
func TestConfigErrors(t *testing.T) {
	const (
		gaz   = "places.yaml"
		rules = "my-rules.yaml"
	)
	entry := "- id: org.mekong\n  type: organisation\n  name: Institute of Mekong Studies\n"
	rule := "  - id: my.rule\n    phase: people\n    pattern: '{TITLE}(?<person>{NAME})'\n"
	tests := []struct {
		name string
		opt  extract.Option
		want []string // the error must contain each
	}{
		{"gazetteer unknown field",
			extract.WithGazetteerYAML(gaz, []byte(entry+"  colour: red\n")),
			[]string{gaz + ":4:", "org.mekong", `unknown field "colour"`, "want id, type"}},
		{"gazetteer wrong type",
			extract.WithGazetteerYAML(gaz, []byte(entry+"  aliases: Mekong Institute\n")),
			[]string{gaz + ":4:", "aliases", "must be a list of strings"}},
		{"gazetteer name not a string",
			extract.WithGazetteerYAML(gaz, []byte("- id: org.mekong\n  type: organisation\n  name: {first: Mekong}\n")),
			[]string{gaz + ":3:", `"name" must be a string`}},
		{"gazetteer unknown type",
			extract.WithGazetteerYAML(gaz, []byte("- id: x.mars\n  type: planet\n  name: Mars\n")),
			[]string{gaz + ":", "planet"}},
		{"gazetteer duplicate ID",
			extract.WithGazetteerYAML(gaz, []byte(entry+entry)),
			[]string{gaz + ":4:", "org.mekong", "duplicate ID", "line 1"}},
		{"gazetteer empty file",
			extract.WithGazetteerYAML(gaz, nil),
			[]string{gaz + ":1:", "defines nothing", "YAML list of entries"}},
		{"gazetteer only comments",
			extract.WithGazetteerYAML(gaz, []byte("# to do\n")),
			[]string{gaz + ":1:", "defines nothing"}},
		{"gazetteer two YAML documents",
			extract.WithGazetteerYAML(gaz, []byte(entry+"---\n"+entry)),
			[]string{gaz + ":", "more than one YAML document", `remove the "---" line`}},
		{"gazetteer not a list",
			extract.WithGazetteerYAML(gaz, []byte("id: org.mekong\n")),
			[]string{gaz + ":1:", "YAML list of entries"}},
		{"gazetteer YAML syntax",
			extract.WithGazetteerYAML(gaz, []byte(entry+"  aliases: [Mekong\n")),
			[]string{gaz + ":"}},

		{"rule unknown field",
			extract.WithRulesYAML(rules, []byte("rules:\n"+rule+"    colour: red\n")),
			[]string{rules + ":5:", "my.rule", `unknown field "colour"`, "a rule has id, phase, pattern"}},
		{"rule wrong type",
			extract.WithRulesYAML(rules, []byte("rules:\n  - id: my.rule\n    phase: [people]\n    pattern: 'P'\n")),
			[]string{rules + ":3:", "my.rule", "phase"}},
		{"rule bad regex",
			extract.WithRulesYAML(rules, []byte("rules:\n  - id: my.rule\n    phase: people\n    pattern: '(?<person>P'\n")),
			[]string{rules + ":2:", "my.rule", "bad pattern", "missing closing )"}},
		{"rule unknown macro",
			extract.WithRulesYAML(rules, []byte("rules:\n  - id: my.rule\n    phase: people\n    pattern: '{NOSUCH}'\n")),
			[]string{rules + ":2:", "my.rule", "unknown macro {NOSUCH}"}},
		{"rule unknown phase",
			extract.WithRulesYAML(rules, []byte("rules:\n  - id: my.rule\n    phase: persons\n    pattern: 'P'\n")),
			[]string{rules + ":", "my.rule", `unknown phase "persons"`, "want one of"}},
		{"rule duplicate ID",
			extract.WithRulesYAML(rules, []byte("rules:\n"+rule+rule)),
			[]string{rules + ":5:", "my.rule", "used twice", "line 2"}},
		{"rule empty file",
			extract.WithRulesYAML(rules, []byte("\n")),
			[]string{rules + ":1:", "defines nothing", "id, phase and pattern"}},
		{"rule two YAML documents",
			extract.WithRulesYAML(rules, []byte("rules:\n"+rule+"---\nrules:\n"+rule)),
			[]string{rules + ":", "one YAML document", `remove the "---" line`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := extract.New(tt.opt)
			if err == nil {
				t.Fatal("New succeeded")
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not say %q", msg, w)
				}
			}
			if strings.Contains(msg, "more errors") {
				t.Errorf("one mistake gave several errors: %q", msg)
			}
		})
	}
}
