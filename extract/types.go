package extract

// Document is everything extracted from one article. Every Mention's Start
// and End are byte offsets into the text given to Extract, end exclusive,
// and Text is exactly that slice of it.
type Document struct {
	Source        string         `json:"source,omitempty"`
	People        []Person       `json:"people,omitempty"`
	Organisations []Organisation `json:"organisations,omitempty"`
	Dates         []Date         `json:"dates,omitempty"`
	Places        []Place        `json:"places,omitempty"`
	Relations     []Relation     `json:"relations,omitempty"`
	// Warnings lists what went wrong without stopping the extraction: a rule
	// that ran out of time, invalid UTF-8 that was repaired.
	Warnings []Warning `json:"warnings,omitempty"`
}

// Mention is one place in the raw text where an entity is named.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Provenance says which rule or gazetteer entry produced an item, so that a
// user can ask why it was found.
type Provenance struct {
	Rule      string `json:"rule,omitempty"`      // ID of the rule that matched
	Gazetteer string `json:"gazetteer,omitempty"` // ID of the gazetteer entry that matched
}

// Person is a named human being.
type Person struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	Honorifics []string  `json:"honorifics,omitempty"`
	Titles     []Title   `json:"titles,omitempty"`
	Mentions   []Mention `json:"mentions"`
	Provenance
}

// Title is a role the article says a person holds.
type Title struct {
	Text string `json:"text"`
	// Role is the title's head ("President" in "President of the HCMA").
	Role string `json:"role,omitempty"`
	// Organisation is the ID of the organisation the title names, if any.
	Organisation string `json:"organisation,omitempty"`
	// Former is set for roles the person no longer holds ("former Minister").
	Former  bool    `json:"former,omitempty"`
	Mention Mention `json:"mention"`
	Provenance
}

// Organisation is a named organisation with its acronym, if the article or
// the gazetteer gives one.
type Organisation struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Acronym  string    `json:"acronym,omitempty"`
	Aliases  []string  `json:"aliases,omitempty"`
	Mentions []Mention `json:"mentions"`
	Provenance
}

// Date is a calendar expression with its ISO 8601 value: "2024-01-06",
// "--01-06" when the year is unknown, "--09" for a month alone, and ranges
// joined by "/" ("--01-05/--01-06", "1973/2023").
type Date struct {
	ID       string    `json:"id"`
	Text     string    `json:"text"`
	Value    string    `json:"value"`
	Mentions []Mention `json:"mentions"`
	Provenance
}

// Place is a named geopolitical entity or location.
type Place struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Mentions []Mention `json:"mentions"`
	Provenance
}

// Relation types.
const (
	Received = "received" // Subject (host) received Object (guest)
	Talks    = "talks"    // Subject and Object held talks
	Met      = "met"      // Subject and Object met
)

// Relation links two people or organisations of the document by their IDs.
type Relation struct {
	Type     string  `json:"type"`
	Subject  string  `json:"subject"`
	Object   string  `json:"object"`
	Date     string  `json:"date,omitempty"`  // ID of a Date
	Place    string  `json:"place,omitempty"` // ID of a Place
	Evidence Mention `json:"evidence"`
	Provenance
}

// Warning reports a problem met while extracting; the document still holds
// everything found.
type Warning struct {
	Rule    string `json:"rule,omitempty"`
	Message string `json:"message"`
}
