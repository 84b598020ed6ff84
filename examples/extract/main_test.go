package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	write(t, good, []byte("Hanoi (VNA) - Prime Minister Pham Minh Chinh received Ambassador Marc Knapper on January 6."))
	write(t, bad, []byte("Hanoi \xff\xfe"))
	badRules := filepath.Join(dir, "bad.yaml")
	write(t, badRules, []byte("rules:\n  - id: x\n    phase: people\n    pattern: '{NOSUCH}'\n"))

	// A directory with one good, one unreadable, one binary and one
	// oversized article, and a file the walk skips.
	articles := filepath.Join(dir, "articles")
	if err := os.MkdirAll(filepath.Join(articles, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(articles, "a-good.txt"), []byte("Minister Bui Thanh Son met Ambassador Marc Knapper."))
	// A dangling link cannot be read even by root, unlike a file without
	// permissions.
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(articles, "b-unreadable.txt")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(articles, "c-binary.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	write(t, filepath.Join(articles, "sub", "d-oversized.txt"), []byte(strings.Repeat("Hanoi. ", 100)))
	write(t, filepath.Join(articles, "notes.md"), []byte("not an article"))

	tests := []struct {
		name       string
		args       []string
		stdin      string
		status     int
		lines      []string // per output line: "doc" or the start of an error's source
		stderrHave string
	}{
		{"one file", []string{good}, "", 0, []string{"doc"}, ""},
		{"stdin", nil, "Minister Bui Thanh Son met Ambassador Marc Knapper.", 0, []string{"doc"}, ""},
		{"stdin too large", []string{"-max-bytes", "10"}, "Minister Bui Thanh Son met Ambassador Marc Knapper.", 1, []string{"error -"}, "larger than -max-bytes 10"},
		{"missing file keeps its place", []string{good, filepath.Join(dir, "none.txt"), good}, "", 1, []string{"doc", "error " + filepath.Join(dir, "none.txt"), "doc"}, "none.txt"},
		{"invalid UTF-8 is named", []string{bad, good}, "", 1, []string{"error " + bad, "doc"}, "bad.txt: not UTF-8 text"},
		{"directory: every file gets a line, in order", []string{"-max-bytes", "600", articles, good}, "", 1, []string{
			"doc",
			"error " + filepath.Join(articles, "b-unreadable.txt"),
			"error " + filepath.Join(articles, "c-binary.txt"),
			"error " + filepath.Join(articles, "sub", "d-oversized.txt"),
			"doc",
		}, "d-oversized.txt: larger than -max-bytes 600"},
		{"bad flag", []string{"-nosuch"}, "", 2, nil, ""},
		{"bad ref date", []string{"-ref-date", "6 Jan", good}, "", 2, nil, "YYYY-MM-DD"},
		{"bad rule file names file and line", []string{"-rules", badRules, good}, "", 1, nil, "bad.yaml:"},
		{"pretty", []string{"-pretty", "-ref-date", "2024-02-01", good}, "", 0, []string{"doc"}, ""},
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
			var got []string
			dec := json.NewDecoder(&stdout)
			for dec.More() {
				var line struct {
					Source string `json:"source"`
					Error  string `json:"error"`
				}
				if err := dec.Decode(&line); err != nil {
					t.Fatalf("output is not JSON: %v", err)
				}
				if line.Error != "" {
					got = append(got, "error "+line.Source)
				} else {
					got = append(got, "doc")
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.lines, "\n") {
				t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.lines, "\n"))
			}
		})
	}
}

// TestOneLinePerInput checks JSON Lines: without -pretty, every input is
// exactly one line.
func TestOneLinePerInput(t *testing.T) {
	dir := t.TempDir()
	var args []string
	for _, name := range []string{"1.txt", "2.txt", "3.txt"} {
		path := filepath.Join(dir, name)
		write(t, path, []byte("Minister Bui Thanh Son\nmet Ambassador Marc Knapper.\n"))
		args = append(args, path)
	}
	args = append(args, filepath.Join(dir, "missing.txt"))
	var stdout, stderr bytes.Buffer
	run(args, nil, &stdout, &stderr)
	n := 0
	for sc := bufio.NewScanner(&stdout); sc.Scan(); n++ {
		if !json.Valid(sc.Bytes()) {
			t.Errorf("line %d is not a JSON object: %q", n+1, sc.Text())
		}
	}
	if n != len(args) {
		t.Errorf("%d lines for %d inputs", n, len(args))
	}
}
