package report

import (
	"strings"
	"testing"
)

func TestGitHubGolden(t *testing.T) {
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			goldenTestdata(t, fx.name+".github.txt", render(t, GitHub, fx))
		})
	}
}

func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"50% done", "50%25 done", "50%25 done"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"x: y, z", "x: y, z", "x%3A y%2C z"},
		{"%0A", "%250A", "%250A"},
	} {
		if got := escapeData(tc.in); got != tc.data {
			t.Errorf("escapeData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := escapeProperty(tc.in); got != tc.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

// TestGitHubOneCommandPerLine: whatever a message holds, each annotation
// stays one line, so the runner, which reads commands at the start of a
// line, cannot be fed a second command.
func TestGitHubOneCommandPerLine(t *testing.T) {
	fx := mixedFixture(t)
	fx.res.Findings[0].Message = "evil\n::error::injected"
	for _, line := range strings.Split(strings.TrimSuffix(render(t, GitHub, fx), "\n"), "\n") {
		if strings.HasPrefix(line, "::error::injected") {
			t.Errorf("message injected a command: %s", line)
		}
	}
}
