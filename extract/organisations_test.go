package extract

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// orgExtractor is built once for the tests of this file.
var orgExtractor = sync.OnceValues(func() (*Extractor, error) { return New() })

// orgsOf extracts text and lists its organisations as "Name (ACR)" or
// "Name", in order of first mention.
func orgsOf(t *testing.T, text string) []string {
	t.Helper()
	x, err := orgExtractor()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, o := range x.Extract(text).Organisations {
		s := o.Name
		if o.Acronym != "" {
			s += " (" + o.Acronym + ")"
		}
		out = append(out, s)
	}
	return out
}

func TestInitialsStart(t *testing.T) {
	tests := []struct {
		long      string
		acr       string
		wantStart int
		wantOK    bool
	}{
		{"Organisation for Economic Cooperation and Development", "OECD", 0, true},
		{"Ministry of Home Affairs", "MoHA", 0, true},
		{"Kohlberg Kravis Roberts", "KKR", 0, true},
		{"a report by Kohlberg Kravis Roberts", "KKR", 3, true},
		{"Vietnam Satellite Centre", "VNSC", 0, true},
		{"Mekong River Commission", "MRC", 0, true},
		{"Asia-Pacific Economic Cooperation", "APEC", 0, true},
		// Letters are compared lowered, diacritics and all.
		{"Đại Học Quốc Gia", "ĐHQG", 0, true},
		{"the Đại Học Quốc Gia", "đhqg", 1, true},
		{"Dai Hoc Quoc Gia", "ĐHQG", 0, false},
		// Foreign-language acronyms do not spell the English words.
		{"National Institute of Public Service", "INSP", 0, false},
		{"Multidimensional Integrated Stabilisation Mission", "MINUSCA", 0, false},
		// The last word must give a letter: "Hanoi" does not spell VNA.
		{"Hanoi", "VNA", 0, false},
		{"Tran Van Nam Prime", "TVN", 0, false},
		// One letter is no acronym.
		{"Right", "R", 0, false},
		{"", "UN", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.acr+" "+tt.long, func(t *testing.T) {
			start, ok := initialsStart(strings.Fields(tt.long), tt.acr)
			if ok != tt.wantOK || (ok && start != tt.wantStart) {
				t.Errorf("initialsStart(%q, %q) = %d, %v; want %d, %v", tt.long, tt.acr, start, ok, tt.wantStart, tt.wantOK)
			}
		})
	}
}

// TestAcronymDefinitions runs the acronym finder through the whole
// pipeline: each case lists the organisations that must be found with
// their acronyms, and the near misses that must not be.
func TestAcronymDefinitions(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    []string // each must be among the organisations
		notWant []string // none may be
	}{
		{"initials",
			"Officials of the Organisation for Economic Cooperation and Development (OECD) arrived on Monday. The OECD praised the plan.",
			[]string{"Organisation for Economic Cooperation and Development (OECD)"}, nil},
		{"mixed case",
			"The Ministry of Home Affairs (MoHA) hosted the delegation. MoHA officials spoke.",
			[]string{"Ministry of Home Affairs (MoHA)"}, nil},
		{"reversed",
			"Delegates from MoHA (Ministry of Home Affairs) attended the meeting.",
			[]string{"Ministry of Home Affairs (MoHA)"}, nil},
		{"foreign language after an organisation shape",
			"She studied at the National Institute of Public Service (INSP) in Strasbourg. INSP trains civil servants.",
			[]string{"National Institute of Public Service (INSP)"}, nil},
		{"foreign language with a nationality",
			"The French National Centre for Scientific Research (CNRS) signed the deal.",
			[]string{"French National Centre for Scientific Research (CNRS)"}, nil},
		{"no head, initials fit",
			"A fund run by Kohlberg Kravis Roberts (KKR) bought the stake.",
			[]string{"Kohlberg Kravis Roberts (KKR)"}, nil},
		{"learned acronym resolves a later bare use",
			"The Mekong Delta Rice Council (MDRC) met in Can Tho. Later the MDRC issued a statement.",
			[]string{"Mekong Delta Rice Council (MDRC)"}, []string{"MDRC"}},
		{"photo credit names nothing before it",
			"Deputy Minister Le Van Tam speaks at the event (Photo: VNA)",
			[]string{"Vietnam News Agency (VNA)"}, []string{"Le Van Tam (VNA)", "event (VNA)"}},
		{"caption markers are no acronyms",
			"Minister Le Van Tam (R) and Ambassador John Carter (L) at the talks.",
			nil, []string{"Le Van Tam (R)", "John Carter (L)", "R", "L"}},
		{"local time is no acronym",
			"The ceremony opened at 9am (local time) in Hanoi.",
			nil, []string{"local time"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := orgsOf(t, tt.text)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q; got %q", w, got)
				}
			}
			for _, n := range tt.notWant {
				if slices.Contains(got, n) {
					t.Errorf("found %q; got %q", n, got)
				}
			}
			if len(tt.want) == 0 && len(tt.notWant) > 0 && len(got) > 0 {
				for _, g := range got {
					if strings.Contains(g, "(R)") || strings.Contains(g, "(L)") {
						t.Errorf("caption marker taken as an acronym: %q", g)
					}
				}
			}
		})
	}
}

// TestOrganisationShapes checks the names that organisation shapes give,
// and that one organisation written two ways is one.
func TestOrganisationShapes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // exactly these, in order
	}{
		{"plural possessive before the head",
			"He greeted the chair of the Farmers' Union of Laos and Lao Prime Minister Sonexay Siphandone.",
			[]string{"Farmers' Union of Laos"}},
		{"possessive after of belongs to the organisation before it",
			"She chairs the Chamber of Deputies' Education Committee.",
			[]string{"Chamber of Deputies", "Education Committee"}},
		{"of inside a name before its head",
			"He thanked the Friends of Cambodia Association for its help.",
			[]string{"Friends of Cambodia Association"}},
		{"a place ends the complement before a person's name",
			"She met the Speaker of the Senate of Chile Maria Jose Alvarez in Santiago.",
			[]string{"Senate of Chile"}},
		{"nested organisation is its own",
			"The Plant Quarantine Department of the Ministry of Agriculture and Rural Development issued new rules.",
			[]string{"Plant Quarantine Department", "Ministry of Agriculture and Rural Development (MARD)"}},
		{"known organisation with a place complement",
			"He met the Security Council of Belarus delegation.",
			[]string{"Security Council of Belarus"}},
		{"demonym and of-country name one organisation",
			"The Chilean Chamber of Deputies voted on Monday. The Chamber of Deputies of Chile later published the result.",
			[]string{"Chamber of Deputies of Chile"}},
		{"but two countries' ministries stay two",
			"The Chilean Ministry of Foreign Affairs and the Peruvian Ministry of Foreign Affairs signed the note.",
			[]string{"Chilean Ministry of Foreign Affairs", "Peruvian Ministry of Foreign Affairs"}},
		{"a nationality before a known acronym is the same organisation",
			"The Vietnamese National Assembly approved the law. The Vietnamese NA also voted on the budget.",
			[]string{"Vietnamese National Assembly (NA)"}},
		{"spacing around a hyphen does not make two",
			"The Chile-Vietnam Friendship Association met. Members of the Chile - Vietnam Friendship Association spoke.",
			[]string{"Chile-Vietnam Friendship Association"}},
		{"the document's own form names a known organisation",
			"A delegation of the US Congress arrived in Hanoi.",
			[]string{"US Congress"}},
		{"company with a founder's name",
			"Police searched the offices of the Minh Phat Construction and Trading JSC last week.",
			[]string{"Minh Phat Construction and Trading JSC"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := orgsOf(t, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("got %q; want %q", got, tt.want)
			}
		})
	}
}

// TestWriteKey holds writeKey to text.Key, which it writes without a copy.
func TestWriteKey(t *testing.T) {
	for _, s := range []string{"", "Hanoi", "HANOI", "ministry", "McDonald", "iPhone", "aBcDe", "COVID-19s", "Mexico-Vietnam", "Nguyễn", "ĐÀ NẴNG", "Straße", "[UN]", "\xff"} {
		var b strings.Builder
		writeKey(&b, s)
		if got, want := b.String(), text.Key(s); got != want {
			t.Errorf("writeKey(%q) = %q, want text.Key's %q", s, got, want)
		}
	}
}

// TestOrgNameKey checks that the name key folds case, diacritics and spacing.
func TestOrgNameKey(t *testing.T) {
	x, err := orgExtractor()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"Mexico - Vietnam Friendship Group", "mexico - vietnam friendship group"},
		{"Mexico-Vietnam Friendship  Group", "mexico - vietnam friendship group"},
		{"Hội Hữu nghị", "hoi huu nghi"},
		{"", ""},
	}
	for _, tt := range tests {
		a := newAnalysis(context.Background(), x, tt.text)
		// Each key is written after what the builder already holds.
		var names strings.Builder
		names.WriteString("before ")
		if got := a.nameKey(span{0, len(a.toks)}, &names); got != tt.want {
			t.Errorf("nameKey(%q) = %q, want %q", tt.text, got, tt.want)
		}
		a.release()
	}
}

// TestBareAcronyms checks that every later bare use of a learned acronym
// joins its organisation, in text order, among other organisations' mentions.
func TestBareAcronyms(t *testing.T) {
	x, err := orgExtractor()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string // the mentions of the first organisation
	}{
		{"The Mekong Delta Rice Council (MDRC) met the Ministry of Finance in Can Tho. " +
			"Later the MDRC and the Ministry of Finance signed a plan, and MDRC staff left. The MDRC closed.",
			[]string{"Mekong Delta Rice Council", "MDRC", "MDRC", "MDRC", "MDRC"}},
		{"The Mekong Delta Rice Council (MDRC) met. The MDR and the MDRCs did not.",
			[]string{"Mekong Delta Rice Council", "MDRC"}},
	}
	for _, tt := range tests {
		doc := x.Extract(tt.text)
		if len(doc.Organisations) == 0 {
			t.Errorf("%q: no organisations", tt.text)
			continue
		}
		var got []string
		last := -1
		for _, m := range doc.Organisations[0].Mentions {
			got = append(got, m.Text)
			if m.Start < last {
				t.Errorf("%q: mention %q out of order", tt.text, m.Text)
			}
			last = m.Start
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: mentions %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestRuleOrder checks that every rule a phase runs has its own position,
// and that a phase's rules keep the order in which they were defined.
func TestRuleOrder(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	a := &analysis{x: x}
	seen := map[int]string{}
	for phase, rs := range x.phases {
		if len(rs) == 0 {
			t.Errorf("phase %s has no rules", phase)
		}
		last := -1
		for _, r := range rs {
			if _, ok := x.ruleIndex[r]; !ok {
				t.Fatalf("rule %s of phase %s has no position", r.ID, phase)
			}
			i := a.ruleOrder(r)
			if id, dup := seen[i]; dup {
				t.Errorf("rules %s and %s share position %d", id, r.ID, i)
			}
			seen[i] = r.ID
			if i <= last {
				t.Errorf("phase %s: rule %s at %d after %d", phase, r.ID, i, last)
			}
			last = i
		}
	}
}
