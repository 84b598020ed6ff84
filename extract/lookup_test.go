package extract

import "testing"

func TestDocumentEntity(t *testing.T) {
	doc := &Document{
		People:        []Person{{ID: "p1", Name: "Tran Van Binh", Provenance: Provenance{Rule: "r.person"}}},
		Organisations: []Organisation{{ID: "o1", Name: "Mekong River Institute", Acronym: "MRI"}},
		Dates:         []Date{{ID: "d1", Text: "March 3", Value: "--03-03"}},
		Places:        []Place{{ID: "l1", Name: "Can Tho", Provenance: Provenance{Gazetteer: "place.can-tho"}}},
	}
	tests := []struct {
		id       string
		ok       bool
		kind     string
		name     string
		rule     string
		gazEntry string
	}{
		{"p1", true, KindPerson, "Tran Van Binh", "r.person", ""},
		{"o1", true, KindOrganisation, "Mekong River Institute", "", ""},
		{"d1", true, KindDate, "March 3", "", ""},
		{"l1", true, KindPlace, "Can Tho", "", "place.can-tho"},
		{"p2", false, "", "", "", ""},
		{"", false, "", "", "", ""},
	}
	for _, tt := range tests {
		e, ok := doc.Entity(tt.id)
		if ok != tt.ok || e.Kind != tt.kind || e.Name != tt.name || e.Rule != tt.rule || e.Gazetteer != tt.gazEntry {
			t.Errorf("Entity(%q) = %+v, %v; want kind %q name %q rule %q gazetteer %q, %v",
				tt.id, e, ok, tt.kind, tt.name, tt.rule, tt.gazEntry, tt.ok)
		}
		if ok && e.ID != tt.id {
			t.Errorf("Entity(%q) has ID %q", tt.id, e.ID)
		}
	}
	if got := len(doc.Entities()); got != 4 {
		t.Errorf("Entities() lists %d, want 4", got)
	}
}

func TestEntitiesOfExtraction(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc := x.Extract("Hanoi (VNA) - Minister Le Thi Hoa received Ambassador Jonas Berg in Hanoi on May 4.")
	if len(doc.Relations) == 0 {
		t.Fatal("no relation found; the test needs one")
	}
	for _, r := range doc.Relations {
		for _, id := range []string{r.Subject, r.Object, r.Date, r.Place} {
			if id == "" {
				continue
			}
			if _, ok := doc.Entity(id); !ok {
				t.Errorf("relation %+v names %q, which Entity does not find", r, id)
			}
		}
	}
	for _, e := range doc.Entities() {
		if len(e.Mentions) == 0 {
			t.Errorf("entity %+v has no mentions", e)
		}
	}
}

func TestNameKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Nguyễn  Xuân Phúc", "nguyen xuan phuc"},
		{" Đà Nẵng ", "da nang"},
		{"O’Brien", "o'brien"},
	}
	for _, tt := range tests {
		if got := NameKey(tt.a); got != tt.b {
			t.Errorf("NameKey(%q) = %q, want %q", tt.a, got, tt.b)
		}
	}
	if NameKey("Hanoi") == NameKey("Hue") {
		t.Error("different names share a key")
	}
}
