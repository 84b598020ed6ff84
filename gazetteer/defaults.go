package gazetteer

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sync"
)

// data holds the default gazetteer files. They are compiled into the
// binary so that the engine works without any file on disk.
//
//go:embed data/*.yaml
var data embed.FS

// defaultDir is the prefix given to embedded file names in errors, so that
// an error points at the file in the repository.
const defaultDir = "gazetteer/"

// loadDefault parses every embedded file once, in file name order.
var loadDefault = sync.OnceValues(func() ([]Entry, error) {
	names, err := fs.Glob(data, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var all []Entry
	var errs ErrorList
	where := make(map[string]*Entry)
	for _, n := range names {
		b, err := data.ReadFile(n)
		if err != nil {
			errs.Add(defaultDir+n, 0, "", err.Error())
			continue
		}
		entries, err := Parse(defaultDir+n, b)
		if err != nil {
			if l, ok := err.(ErrorList); ok {
				errs = append(errs, l...)
			} else {
				errs.Add(defaultDir+n, 0, "", err.Error())
			}
		}
		all = append(all, entries...)
	}
	// IDs are unique across the default files: an override is something a
	// user does on purpose, two default files defining one ID is a mistake.
	for i := range all {
		e := &all[i]
		if prev, ok := where[e.ID]; ok {
			errs.Add(e.File, e.Line, e.ID, fmt.Sprintf("duplicate ID: already defined at %s:%d", prev.File, prev.Line))
			continue
		}
		where[e.ID] = e
	}
	return all, errs.Err()
})

// Default returns the embedded default entries, parsed once. The slice is
// a fresh copy for each caller. If a file has errors, the error lists them
// all and the entries returned are those that loaded.
func Default() ([]Entry, error) {
	all, err := loadDefault()
	return slices.Clone(all), err
}
