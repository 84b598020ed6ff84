module github.com/newsgraph/newsgraph

go 1.26.8

require (
	github.com/dlclark/regexp2 v1.12.0
	github.com/jdkato/prose/v2 v2.0.0
	golang.org/x/text v0.43.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/deckarep/golang-set v1.7.1 // indirect
	github.com/mingrammer/commonregex v1.0.1 // indirect
	gonum.org/v1/gonum v0.7.0 // indirect
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
)
