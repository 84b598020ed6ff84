package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// FuzzExtract feeds arbitrary bytes to Extract: it must not panic, every
// mention must slice its text out of the input, every ID referred to must
// exist, and the Document must survive a JSON round trip unchanged.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("../testdata/*.txt")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range []string{
		"", " ", "\ufeffHanoi (VNA) – Mi💝nister ofHome Affairs", "jo𓆉int coop的eration",
		"NguyenXuan Thang\u00a0met\u200b Ms\u200dTra.", "14.Phong affirmed.The", "((((", "\r\n\r",
		"Theypromised “talks” with ‘him’ — today", "\xff\xfeMinister", "President Vo Van Thuong (\u202eVN)",
	} {
		f.Add(s)
	}
	x, err := extract.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := x.Extract(text)
		for _, p := range extract.Check(text, doc) {
			t.Error(p)
		}
		data, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		var back extract.Document
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		// JSON replaces invalid UTF-8, so only valid text must come back exact.
		if utf8.ValidString(text) && !reflect.DeepEqual(*doc, back) {
			t.Errorf("JSON round trip changed the document:\n%s", data)
		}
	})
}
