package snapdiff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
)

// contextLines is how many unchanged lines a hunk shows around a change,
// as diff -u does.
const contextLines = 3

// Capture is one file whose text differs between the snapshots, as hunks
// of a line diff. Secret values are already replaced in every line.
type Capture struct {
	// Path is relative to both snapshot roots.
	Path string
	Host string
	// Status is Added, Removed or Changed.
	Status Kind
	Hunks  []Hunk
}

// Hunk is one run of changed lines with its context, numbered like a
// unified diff: Start is 1-based, or 0 when the side has no lines.
type Hunk struct {
	BeforeStart, BeforeLines int
	AfterStart, AfterLines   int
	Lines                    []Line
}

// Line is one line of a hunk; Op is ' ', '-' or '+'.
type Line struct {
	Op   byte
	Text string
}

// compareFiles diffs the text of every file that differs, except those
// of hosts added or removed, which are reported as hosts.
func compareFiles(before, after *inputs.Snapshot, red *redactor, skip map[string]bool) []Capture {
	paths := map[string]bool{}
	for _, f := range before.Files {
		paths[f.Path] = true
	}
	for _, f := range after.Files {
		paths[f.Path] = true
	}
	var out []Capture
	for _, p := range sortedKeys(paths) {
		b, a := before.File(p), after.File(p)
		host := hostOf(b, a)
		if skip[host] || (b != nil && a != nil && b.SHA256 == a.SHA256) {
			continue
		}
		status := Changed
		switch {
		case b == nil:
			status = Added
		case a == nil:
			status = Removed
		}
		lines := diffLines(red.text(beforeSide, b), red.text(afterSide, a))
		hunks := makeHunks(lines, contextLines)
		if len(hunks) == 0 {
			continue // differed only in what is redacted, or in line endings
		}
		out = append(out, Capture{Path: p, Host: host, Status: status, Hunks: hunks})
	}
	return out
}

func hostOf(b, a *inputs.File) string {
	if b != nil {
		return b.Host
	}
	return a.Host
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// diffLines takes lint.LineDiff's output apart into lines, so that hunks
// can be cut from it.
func diffLines(before, after string) []Line {
	if before == after {
		return nil
	}
	d := lint.LineDiff(before, after)
	var out []Line
	for _, l := range strings.SplitAfter(d, "\n") {
		if l == "" {
			continue
		}
		out = append(out, Line{Op: l[0], Text: strings.TrimRight(l[1:], "\r\n")})
	}
	return out
}

// makeHunks groups changed lines with up to n lines of context on each
// side; changes closer than 2n lines share a hunk.
func makeHunks(lines []Line, n int) []Hunk {
	var changed []int
	for i, l := range lines {
		if l.Op != ' ' {
			changed = append(changed, i)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	// Line numbers before each index, on both sides.
	bNo, aNo := make([]int, len(lines)+1), make([]int, len(lines)+1)
	for i, l := range lines {
		bNo[i+1], aNo[i+1] = bNo[i], aNo[i]
		if l.Op != '+' {
			bNo[i+1]++
		}
		if l.Op != '-' {
			aNo[i+1]++
		}
	}
	var hunks []Hunk
	start, end := -1, -1
	flush := func() {
		h := Hunk{Lines: slices.Clone(lines[start:end])}
		h.BeforeLines, h.AfterLines = bNo[end]-bNo[start], aNo[end]-aNo[start]
		h.BeforeStart, h.AfterStart = startLine(bNo[start], h.BeforeLines), startLine(aNo[start], h.AfterLines)
		hunks = append(hunks, h)
	}
	for _, i := range changed {
		lo, hi := max(i-n, 0), min(i+n+1, len(lines))
		if start >= 0 && lo > end {
			flush()
			start = -1
		}
		if start < 0 {
			start = lo
		}
		end = max(end, hi)
	}
	flush()
	return hunks
}

// startLine is the 1-based first line of a hunk side; diff -u writes 0
// for a side with no lines, the line before which it would be.
func startLine(before, count int) int {
	if count == 0 {
		return before
	}
	return before + 1
}

// sortCaptures orders captures by host, then path.
func sortCaptures(cs []Capture) {
	slices.SortStableFunc(cs, func(a, b Capture) int {
		return cmp.Or(cmp.Compare(a.Host, b.Host), cmp.Compare(a.Path, b.Path))
	})
}
