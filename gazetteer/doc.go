// Package gazetteer holds the engine's knowledge of names: organisations,
// titles, honorifics, places, demonyms, name parts, months, trigger verbs
// and the other word lists the rules refer to. Entries are plain YAML, read
// strictly; the defaults are embedded from gazetteer/data/*.yaml and users
// add their own files or override default entries by ID.
//
// # File format
//
// A gazetteer file is a YAML list of entries:
//
//	# my-places.yaml
//	- id: country.fr            # required, unique; a later file may override it
//	  type: country             # required, one of Types (see below)
//	  subtype: capital          # optional free word, used by rule tag classes "type/subtype"
//	  name: France              # required, the canonical name
//	  aliases: [French Republic]  # optional other written forms
//	  acronym: FR               # optional short form, always matched exact-case
//	  match: cased              # optional: cased (default), fold or exact
//	  value: "01"               # optional machine value (month or weekday number ...)
//	  parent: country.fr        # optional ID of a related entry
//
// Any other field is an error, as are a missing id, type or name, an
// unknown type or match mode, an ID defined twice in one file and a parent
// that names no loaded entry. Every error gives the file and line, and a
// file's errors are reported together. Write values as they are written in
// text: scalars are taken as written, so `value: 01` is "01" and
// `acronym: NO` is "NO" (no YAML 1.1 booleans).
//
// The types are:
//
//   - organisation: named organisations; subtype party, state, ministry,
//     agency, academy, association, media, international, un, military,
//     company, university, parliament, court or other.
//   - orghead: generic head nouns of organisation names (Ministry, Council).
//   - title: titles and title heads (Minister, Ambassador); subtype military
//     for ranks.
//   - honorific: Mr, Mrs, Madam, Prof., Dr., His Excellency ...
//   - demonym: nationality adjectives (French); parent is the country.
//   - country, province, city, region: places; a city or province has its
//     country as parent; capitals have subtype capital.
//   - name: parts of person names; subtype family or given.
//   - person: full names of well-known people.
//   - month (value "01" to "12") and weekday (value "1" to "7", Monday 1).
//   - word: closed-class words; the subtype is the class.
//   - trigger: relation trigger phrases; subtype received, received-by,
//     courtesy, talks or met.
//   - abbreviation: abbreviations ending in a period that do not end a
//     sentence (Prof., No.).
//   - event: agreements, treaties, summits and conferences, known not to be
//     organisations.
//
// # Matching
//
// Names, aliases and acronyms are split into tokens exactly as text is
// (internal/text.Tokenize): "Prof." is the two tokens "Prof" and ".", a
// hyphen is a token of its own, and a possessive "'s" after a name is not
// part of it, so "Guterres's" finds the entry "Guterres". How a name or
// alias must be written in the text depends on match:
//
//   - cased (the default): case as in the entry; diacritics are ignored and
//     curly quotes and dashes count as straight ones, so "Nguyễn Văn An"
//     also finds "Nguyen Van An";
//   - fold: case ignored too, for common words ("minister", "Minister");
//   - exact: byte for byte as in the entry.
//
// An acronym is always matched exactly, so the acronym "US" does not match
// the word "us". A match never runs across a line break.
//
// # Overrides
//
// New takes lists of entries in order; an entry whose ID is already loaded
// replaces the earlier one in its place. To change a default entry, copy it
// to your own file with the same id and edit it; to add one, use a new id
// (IDs have no white space; the default files use a short prefix for the
// type and a key, as in "country.fr").
package gazetteer
