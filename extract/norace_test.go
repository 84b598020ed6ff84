//go:build !race

package extract_test

// raceEnabled is set when the tests run under the race detector, which
// slows the engine down ten times or more.
const raceEnabled = false
