package main

import "testing"

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1024": 1024, "1KiB": 1024, "512MiB": 512 << 20, "2 GiB": 2 << 30, "1TiB": 1 << 40} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
		if got, _ := parseSize(formatSize(want)); got != want {
			t.Errorf("formatSize(%d) = %q does not read back", want, formatSize(want))
		}
	}
	for _, in := range []string{"", "0", "-1", "1GB", "1.5GiB", "99999999999TiB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) accepted", in)
		}
	}
}
