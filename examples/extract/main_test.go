package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(good, []byte("Hanoi (VNA) - Prime Minister Pham Minh Chinh received Ambassador Marc Knapper on January 6."), 0o644)
	os.WriteFile(bad, []byte("Hanoi \xff\xfe"), 0o644)
	badRules := filepath.Join(dir, "bad.yaml")
	os.WriteFile(badRules, []byte("rules:\n  - id: x\n    phase: people\n    pattern: '{NOSUCH}'\n"), 0o644)

	tests := []struct {
		name       string
		args       []string
		stdin      string
		status     int
		docs       int
		stderrHave string
	}{
		{"one file", []string{good}, "", 0, 1, ""},
		{"stdin", nil, "Minister Bui Thanh Son met Ambassador Marc Knapper.", 0, 1, ""},
		{"missing file still prints the others", []string{filepath.Join(dir, "none.txt"), good}, "", 1, 1, "none.txt"},
		{"invalid UTF-8 is named", []string{bad, good}, "", 1, 1, "bad.txt: not valid UTF-8"},
		{"bad flag", []string{"-nosuch"}, "", 2, 0, ""},
		{"bad ref date", []string{"-ref-date", "6 Jan", good}, "", 2, 0, "YYYY-MM-DD"},
		{"bad rule file names file and line", []string{"-rules", badRules, good}, "", 1, 0, "bad.yaml:"},
		{"pretty", []string{"-pretty", "-ref-date", "2024-02-01", good}, "", 0, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if status != tt.status {
				t.Errorf("status %d, want %d (stderr %q)", status, tt.status, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderrHave) {
				t.Errorf("stderr %q does not say %q", stderr.String(), tt.stderrHave)
			}
			dec := json.NewDecoder(&stdout)
			docs := 0
			for dec.More() {
				var doc map[string]any
				if err := dec.Decode(&doc); err != nil {
					t.Fatalf("output is not JSON: %v", err)
				}
				docs++
			}
			if docs != tt.docs {
				t.Errorf("%d documents printed, want %d", docs, tt.docs)
			}
		})
	}
}
