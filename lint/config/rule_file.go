package config

import (
	"strings"
	"unicode"

	"github.com/bwlint/bwlint/lint"
)

// captureFileOf is where the "get" of a context belongs: the file a check
// the policy knows declares for it, else one named after the context.
func (c *Config) captureFileOf(context string) string {
	for _, ch := range c.checks {
		for _, e := range ch.Evidence {
			if e.Source == lint.FromCLI && e.Text == "get" && strings.EqualFold(strings.Trim(e.Context, "/"), context) {
				return e.File
			}
		}
	}
	return "hosts/<host>/" + captureFile(context)
}

// captureFile names the file a context's capture is saved in, from its
// last part: "ContainerOptions" → "container-options.txt".
func captureFile(context string) string {
	last := context[strings.LastIndex(context, "/")+1:]
	var b strings.Builder
	for i, c := range last {
		if unicode.IsUpper(c) && i > 0 && !unicode.IsUpper(rune(last[i-1])) {
			b.WriteByte('-')
		}
		b.WriteRune(unicode.ToLower(c))
	}
	if b.Len() == 0 {
		return "cli.txt"
	}
	return b.String() + ".txt"
}
