package extract

import (
	"fmt"
	"os"
	"time"
)

// Option configures an Extractor.
type Option func(*options) error

type source struct {
	name string
	data []byte
}

type options struct {
	gazetteers  []source
	rules       []source
	reference   time.Time
	ruleTimeout time.Duration
}

// WithGazetteer adds gazetteer files (YAML, see package gazetteer) on top of
// the embedded defaults. An entry whose ID is already known replaces it.
func WithGazetteer(paths ...string) Option {
	return func(o *options) error {
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				return fmt.Errorf("gazetteer: %w", err)
			}
			o.gazetteers = append(o.gazetteers, source{p, data})
		}
		return nil
	}
}

// WithGazetteerYAML adds a gazetteer held in memory; name is used in errors.
func WithGazetteerYAML(name string, data []byte) Option {
	return func(o *options) error {
		o.gazetteers = append(o.gazetteers, source{name, data})
		return nil
	}
}

// WithRules adds rule files (YAML, see package rules) after the embedded
// defaults. A rule whose ID is already known replaces it.
func WithRules(paths ...string) Option {
	return func(o *options) error {
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				return fmt.Errorf("rules: %w", err)
			}
			o.rules = append(o.rules, source{p, data})
		}
		return nil
	}
}

// WithRulesYAML adds a rule file held in memory; name is used in errors.
func WithRulesYAML(name string, data []byte) Option {
	return func(o *options) error {
		o.rules = append(o.rules, source{name, data})
		return nil
	}
}

// WithReferenceDate sets the date the articles were published. A date
// without a year then takes the year that puts it nearest before or on the
// reference date. Without it, such dates keep an unknown year ("--01-06"),
// unless the article's dateline gives one.
func WithReferenceDate(t time.Time) Option {
	return func(o *options) error {
		o.reference = t
		return nil
	}
}

// WithRuleTimeout bounds the time one rule may spend on one sentence. A rule
// that runs out of time is reported in Document.Warnings and the rest of the
// document is still extracted. The default is two seconds.
func WithRuleTimeout(d time.Duration) Option {
	return func(o *options) error {
		if d <= 0 {
			return fmt.Errorf("rule timeout must be positive, got %v", d)
		}
		o.ruleTimeout = d
		return nil
	}
}
