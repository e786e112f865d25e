package source

import (
	"fmt"
	"strings"
)

// LineCounts says what became of every line of a file, so that nothing
// read is dropped without being counted: the fields sum to the file's
// number of lines (see Lines).
type LineCounts struct {
	// Commands are prompt lines with a command typed on them, at the CLI
	// or at a shell.
	Commands int `json:"commands"`
	// Values are lines that became values or table cells: "key = value"
	// lines, table headers, rules, rows and footers, bwshowver and digest
	// lines.
	Values int `json:"values"`
	// Noise is what terminals and the CLI print around the evidence:
	// blank lines, empty prompts, "...Done", confirmations, progress
	// messages, log headers of script(1), PuTTY or expect.
	Noise int `json:"noise"`
	// Help is help and banner text: help output, the CLI banner, "====="
	// banners and section titles.
	Help int `json:"help"`
	// Text is output kept as text: messages, and the output of commands
	// bwlint has no model for.
	Text int `json:"text"`
	// NotUnderstood are lines bwlint could not read; each is reported.
	NotUnderstood int `json:"not_understood"`
}

// Total returns the number of lines counted.
func (c LineCounts) Total() int {
	return c.Commands + c.Values + c.Noise + c.Help + c.Text + c.NotUnderstood
}

// Add adds the counts of o.
func (c *LineCounts) Add(o LineCounts) {
	c.Commands += o.Commands
	c.Values += o.Values
	c.Noise += o.Noise
	c.Help += o.Help
	c.Text += o.Text
	c.NotUnderstood += o.NotUnderstood
}

// String lists the non-zero counts: "12 lines: 2 commands, 9 values, 1
// noise".
func (c LineCounts) String() string {
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(c.Commands, "command", "commands")
	add(c.Values, "value", "values")
	add(c.Noise, "noise", "noise")
	add(c.Help, "help", "help")
	add(c.Text, "text", "text")
	add(c.NotUnderstood, "not understood", "not understood")
	lines := "lines"
	if c.Total() == 1 {
		lines = "line"
	}
	if len(parts) == 0 {
		return fmt.Sprintf("%d %s", c.Total(), lines)
	}
	return fmt.Sprintf("%d %s: %s", c.Total(), lines, strings.Join(parts, ", "))
}
