package yamlnode

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestSyntaxErrorLine(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		line int
		msg  string
	}{
		{"scanner error, 1-based", "a: 1\nb: 'unclosed\n", 2, "found unexpected end of stream"},
		{"parser error, 0-based in yaml.v3", "- a: 1\n  b: 2\n c: 3\n", 3, "did not find expected"},
		{"unclosed list is found where the file ends", "[1, 2\n", 2, "did not find expected"},
		{"scanner error on line 1", "a: b: c\n", 1, "mapping values are not allowed"},
		{"control character", "a: 1\nb: x\x01y\n", 2, "control characters"},
		{"invalid UTF-8", "a: 1\n\nb: \xff\n", 3, "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n yaml.Node
			err := yaml.Unmarshal([]byte(tt.yaml), &n)
			if err == nil {
				t.Fatal("no error")
			}
			line, msg := SyntaxError(err, []byte(tt.yaml))
			if line != tt.line || !strings.Contains(msg, tt.msg) {
				t.Errorf("line %d, %q; want line %d, %q (yaml.v3 said %q)", line, msg, tt.line, tt.msg, err)
			}
		})
	}
}

func TestNodes(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("a: &x [1]\nb: *x\nc: ~\nd: v\n"), &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Content[0]
	if got := KindName(Resolve(m.Content[3])); got != "a list" {
		t.Errorf("alias resolves to %s, want a list", got)
	}
	if !IsNull(m.Content[5]) || IsNull(m.Content[7]) {
		t.Error("IsNull wrong for ~ or v")
	}
	if got := KindName(m); got != "a mapping" {
		t.Errorf("KindName = %s", got)
	}
}
