package rules

import (
	"embed"
	"io/fs"
	"path"
	"sync"
)

//go:embed data/*.yaml
var defaultFS embed.FS

// Default returns the embedded default rule files, parsed once, in name
// order. Pass them first to Compile, followed by a user's own files.
var Default = sync.OnceValues(func() ([]*File, error) {
	names, err := fs.Glob(defaultFS, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	var files []*File
	for _, name := range names {
		data, err := defaultFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := Parse(path.Join("rules", name), data)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
})
