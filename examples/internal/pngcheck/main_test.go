package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

func encode(img image.Image) *bytes.Buffer {
	var b bytes.Buffer
	png.Encode(&b, img)
	return &b
}

func TestCheck(t *testing.T) {
	blank := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for i := range blank.Pix {
		blank.Pix[i] = 255
	}
	drawn := image.NewRGBA(blank.Rect)
	copy(drawn.Pix, blank.Pix)
	for x := 10; x < 190; x++ {
		for y := 10; y < 30; y++ {
			drawn.Set(x, y, color.RGBA{uint8(x), uint8(y * 4), 100, 255})
		}
	}
	speck := image.NewRGBA(blank.Rect)
	copy(speck.Pix, blank.Pix)
	speck.Set(5, 5, color.Black)

	tests := []struct {
		name    string
		data    *bytes.Buffer
		errHave string
	}{
		{"drawn page", encode(drawn), ""},
		{"blank page", encode(blank), "looks blank"},
		{"one speck is still blank", encode(speck), "looks blank"},
		{"not a PNG", bytes.NewBufferString("<html> and more text than a PNG header"), "png"},
	}
	for _, tt := range tests {
		err := check(tt.data)
		if tt.errHave == "" && err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
		if tt.errHave != "" && (err == nil || !strings.Contains(err.Error(), tt.errHave)) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.errHave)
		}
	}
}
