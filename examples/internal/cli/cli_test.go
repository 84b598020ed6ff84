package cli

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestExtractorFlags(t *testing.T) {
	tests := []struct {
		args    []string
		errHave string
	}{
		{nil, ""},
		{[]string{"-ref-date", "2025-03-20"}, ""},
		{[]string{"-ref-date", "20 March"}, "want YYYY-MM-DD"},
		{[]string{"-rules", "/no/such/rules.yaml"}, "rules.yaml"},
	}
	for _, tt := range tests {
		flags := flag.NewFlagSet("t", flag.ContinueOnError)
		flags.SetOutput(io.Discard)
		build := ExtractorFlags(flags)
		if err := flags.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		x, err := build()
		if tt.errHave == "" && (err != nil || x == nil) {
			t.Errorf("%v: %v", tt.args, err)
		}
		if tt.errHave != "" && (err == nil || !strings.Contains(err.Error(), tt.errHave)) {
			t.Errorf("%v: error %v, want one saying %q", tt.args, err, tt.errHave)
		}
	}
}

func TestArticles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.txt", "notes.md", "sub/c.txt"} {
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, []byte("x"), 0o644)
	}
	single := filepath.Join(dir, "notes.md")
	got, err := Articles([]string{single, dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{single, filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub/c.txt")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Articles = %v, want %v", got, want)
	}
	if _, err := Articles([]string{filepath.Join(dir, "none")}); err == nil || !strings.Contains(err.Error(), "none") {
		t.Errorf("missing path: error %v, want one naming it", err)
	}
}
