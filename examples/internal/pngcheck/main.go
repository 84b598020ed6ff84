// Command pngcheck fails when a screenshot is blank. The browser check of
// .ci/browser-check runs it on what headless Chromium drew: a page that did
// not render comes back as one flat colour, or nearly so.
//
// Usage:
//
//	go run ./examples/internal/pngcheck FILE.png...
package main

import (
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
)

// Thresholds a rendered page passes easily and a blank one does not.
const (
	minInk    = 0.01 // share of pixels that differ from the background
	minColors = 16   // distinct colours
)

func main() {
	status := 0
	for _, name := range os.Args[1:] {
		if err := checkFile(name); err != nil {
			fmt.Fprintf(os.Stderr, "pngcheck: %s: %v\n", name, err)
			status = 1
			continue
		}
		fmt.Printf("pngcheck: %s: not blank\n", name)
	}
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pngcheck FILE.png...")
		status = 2
	}
	os.Exit(status)
}

func checkFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return check(f)
}

// check decodes a PNG and reports an error if it looks blank: almost every
// pixel the colour of the background, or hardly any colours at all.
func check(r io.Reader) error {
	img, err := png.Decode(r)
	if err != nil {
		return err
	}
	ink, colors := measure(img)
	if ink < minInk || colors < minColors {
		return fmt.Errorf("looks blank: %.2f%% of pixels differ from the background, %d colours", ink*100, colors)
	}
	return nil
}

// measure returns the share of pixels that differ from the most common
// colour, and the number of distinct colours.
func measure(img image.Image) (ink float64, colors int) {
	counts := map[[4]uint32]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			counts[[4]uint32{r, g, bl, a}]++
		}
	}
	total, most := 0, 0
	for _, n := range counts {
		total += n
		most = max(most, n)
	}
	if total == 0 {
		return 0, 0
	}
	return float64(total-most) / float64(total), len(counts)
}
