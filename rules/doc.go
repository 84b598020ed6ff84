// Package rules reads, checks and compiles extraction rules: regular
// expressions over a string of token tags. It is a generic engine; the
// knowledge of English lives in the rule files and in the gazetteer.
//
// # How rules see a sentence
//
// The engine turns each sentence into a tag string with exactly one ASCII
// byte per token. A token covered by a class match (a gazetteer entry, or an
// entity found by an earlier phase) gets the class's tag byte; a match of
// several tokens gets the tag on its first token and the lower-case of the
// tag on the others. With the tag T for titles, "Deputy Prime Minister" is
// "Ttt", so the pattern Tt* is one whole title.
//
// Tokens no class covers get a shape byte:
//
//	^   capitalised word            (Hanoi, Minister)
//	@   acronym-shaped word         (HCMA, MoHA: two or more capitals)
//	~   lower-case word             (visit)
//	1   number of 1 or 2 digits     (7, 25)
//	4   number of 4 digits          (2024)
//	0   any other number            (7.11, 1,000)
//	, ( ) - " : /   that punctuation, as itself
//	'   a possessive 's or '
//	.   a sentence end: . ! ? and ;
//	*   anything else
//
// In a pattern, some of these are regular expression metacharacters and must
// be escaped to stand for their tokens: \^ for a capitalised word, \. for a
// sentence end, \* for other punctuation, and \( \) for brackets. The others
// stand for themselves (inside [...], put - first or last).
//
// Because every token is one byte, a match's byte offsets are token offsets.
//
// # Rule files
//
// A rule file is a YAML mapping with three keys, all optional. Any other key,
// anywhere, is an error, so a typo never silently switches a rule off.
//
//	tags:
//	  - {class: title, tag: T}
//	  - {class: honorific, tag: H}
//	  - {class: name/family, tag: N}
//	macros:
//	  TITLE: 'Tt*'
//	  NAME: 'Nn*(?:Nn*)*'
//	rules:
//	  - id: person.title-name
//	    phase: people
//	    pattern: '(?<title>{TITLE})(?<person>{NAME})'
//	    description: a title directly before a name, as in "Minister Nguyen Van A"
//	  - id: relation.received
//	    phase: relations
//	    relation: received
//	    pattern: '(?<subject>P)(?<trigger>Rr*)(?<object>P)'
//
// tags is a list of {class, tag} entries in priority order: when two classes
// cover the same tokens, the earlier entry wins. The class names what the
// engine tags (a gazetteer type, "type/subtype", or an entity layer); this
// package does not interpret it. A tag is one visible ASCII character that is
// not a shape byte (^ % @ ~ 1 4 0 , ( ) - ' " : / . *) and not a lower-case
// letter (those mark the inner tokens of an upper-case tag's span). Several
// classes may share a tag ("word/for", "word/to" and "word/on" may all be
// prepositions to the rules). Upper-case letters are the natural choice,
// since they come with their lower-case continuation byte; a tag that is a
// regular expression metacharacter must be escaped in patterns.
//
// macros maps a NAME to a piece of pattern. NAME is an upper-case letter
// followed by upper-case letters, digits and _. A pattern or macro uses it as
// {NAME}; the reference is replaced by (?:piece), so a macro always acts as
// one unit under a quantifier: {TITLE}? makes the whole title optional.
// Macros may use other macros; an unknown macro or a macro that uses itself,
// directly or through others, is an error. Braces that do not hold an
// upper-case name, such as the quantifiers {2} and {1,3}, are left alone, and
// \{ is a literal brace. Macros are replaced everywhere else, including inside
// [...], where they make no sense: keep them out of character classes.
//
// rules is a list of rules with these fields:
//
//	id           required; unique within the file. A later file with the same
//	             ID replaces the rule, keeping its place in the order.
//	phase        required: people, organisations, dates, places or relations,
//	             run in that order.
//	pattern      required: a regular expression over the tag string.
//	relation     required in the relations phase, not allowed elsewhere:
//	             received, talks or met.
//	description  optional free text for the reader.
//
// # Patterns
//
// Patterns use the syntax of .NET regular expressions as implemented by
// github.com/dlclark/regexp2: backtracking, with lookahead (?=...),
// lookbehind (?<=...), their negations, lazy quantifiers, atomic groups and
// back-references. They run on this package's own backtracking matcher,
// which makes the same choices over the bytes of the tag string; the few
// constructs it does not model (back-references, conditionals, inline
// options, a named group inside a lookbehind) run on regexp2.
//
// Named groups, written (?<name>...), bind the roles the engine reads (person, title, org, date, subject, object, trigger and so
// on); their names must be lower-case identifiers ([a-z][a-z0-9_]*).
// Unnamed groups (...) are not reported to the engine (they still serve
// back-references such as \1); prefer (?:...). A named group inside a
// repetition keeps every capture, in order, so
//
//	(?:(?<part>N)n*)+
//
// reports each part separately while the group's value is the last one.
//
// A pattern must not contain white space, since tag strings never do (a YAML
// | block adds a final newline; use |- or a quoted string). To lay a long
// pattern out over several lines, start it with (?x), which makes white
// space insignificant (and # start a comment).
//
// Quote patterns in YAML with single quotes: backslashes then need no
// doubling, and a single quote inside is written twice.
//
// # Matching
//
// A rule finds its matches left to right without overlap; an empty match is
// skipped. Each attempt has a time budget (Options.Timeout, 2s by default),
// so that a pattern with catastrophic backtracking, such as (a+)+$, fails
// with ErrTimeout instead of hanging the engine.
//
// # Use
//
// Parse each file, then Compile them together in order: the defaults first,
// then the user's files, which can override tags, macros and rules by class,
// name and ID (an overriding tag or rule keeps the place, and so the priority,
// of the one it replaces; new ones come after). Both return an ErrorList holding every problem found, each
// with its file, line and rule ID. A compiled Set is immutable and safe for
// concurrent use.
package rules
