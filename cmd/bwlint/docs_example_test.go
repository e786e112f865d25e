package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// The marked examples of a document: finding them, reading their
// specification (ARGS and stages) and rendering the output they show.

const (
	docMarkerOpen  = "<!-- bwlint-output:"
	docMarkerClose = "<!-- /bwlint-output -->"
)

// docExample is one marked block of a document.
type docExample struct {
	line       int    // of the opening marker, from 1
	spec       string // the marker's text
	fence      string // the fence's backticks
	body       string // the block's text between the fence lines
	start, end int    // byte offsets of body in the document
	args       []string
	stages     [][]string
}

// parseDocExamples finds every marked block: the marker line, a fenced
// code block right after it, and the closing marker right after the fence.
func parseDocExamples(doc string) ([]*docExample, error) {
	var lines []string // with their line ends
	for rest := doc; rest != ""; {
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			lines = append(lines, rest)
			break
		}
		lines = append(lines, rest[:i+1])
		rest = rest[i+1:]
	}
	var out []*docExample
	offset := 0
	for i := 0; i < len(lines); i++ {
		text := strings.TrimSpace(lines[i])
		offset += len(lines[i])
		if strings.HasPrefix(text, docMarkerClose) {
			return nil, fmt.Errorf("line %d: %s without an opening marker", i+1, docMarkerClose)
		}
		if !strings.HasPrefix(text, docMarkerOpen) {
			continue
		}
		spec, ok := strings.CutSuffix(strings.TrimPrefix(text, docMarkerOpen), "-->")
		if !ok {
			return nil, fmt.Errorf("line %d: the marker must end with --> on the same line", i+1)
		}
		ex := &docExample{line: i + 1, spec: strings.TrimSpace(spec)}
		if err := ex.parseSpec(); err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		if i+1 >= len(lines) {
			return nil, fmt.Errorf("line %d: no fenced code block after the marker", i+1)
		}
		open := strings.TrimRight(lines[i+1], "\r\n")
		ex.fence = open[:len(open)-len(strings.TrimLeft(open, "`"))]
		if len(ex.fence) < 3 {
			return nil, fmt.Errorf("line %d: the marker must be followed by a fenced code block (```), found %q", i+2, open)
		}
		offset += len(lines[i+1])
		ex.start = offset
		j := i + 2
		for ; j < len(lines) && strings.TrimRight(lines[j], " \r\n") != ex.fence; j++ {
			offset += len(lines[j])
		}
		if j >= len(lines) {
			return nil, fmt.Errorf("line %d: code block not closed by %s", i+2, ex.fence)
		}
		ex.end = offset
		ex.body = doc[ex.start:ex.end]
		offset += len(lines[j])
		if j+1 >= len(lines) || strings.TrimSpace(lines[j+1]) != docMarkerClose {
			return nil, fmt.Errorf("line %d: the code block must be followed by %s", j+1, docMarkerClose)
		}
		offset += len(lines[j+1])
		i = j + 1
		out = append(out, ex)
	}
	return out, nil
}

// parseSpec splits the marker's text into bwlint's arguments and stages.
func (ex *docExample) parseSpec() error {
	words, err := splitWords(ex.spec)
	if err != nil {
		return err
	}
	var stage []string
	for _, w := range append(words, "|") {
		if w != "|" {
			stage = append(stage, w)
			continue
		}
		if len(stage) == 0 {
			return fmt.Errorf("empty stage in %q", ex.spec)
		}
		if ex.args == nil {
			ex.args = stage
		} else {
			ex.stages = append(ex.stages, stage)
		}
		stage = nil
	}
	for _, s := range ex.stages {
		want, ok := map[string]int{"exit": 1, "stderr": 0, "file": 1, "head": 1, "from": 1, "json-at": 1, "json-cut": 2, "json-set": 1, "json-drop": 1}[s[0]]
		switch {
		case s[0] == "json-keep":
			if len(s) < 2 {
				return fmt.Errorf("json-keep needs at least one PATH[SEL]")
			}
		case !ok:
			return fmt.Errorf("unknown stage %q: use exit, stderr, file, head, from, json-at, json-keep, json-cut, json-set or json-drop", s[0])
		case len(s)-1 != want:
			return fmt.Errorf("stage %s takes %d arguments, got %d", s[0], want, len(s)-1)
		}
	}
	return nil
}

// splitWords splits at spaces; double quotes group words and are removed;
// an unquoted | is a word of its own.
func splitWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord, quoted := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
		case !quoted && (r == ' ' || r == '\t'):
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if quoted {
		return nil, fmt.Errorf("unterminated quote in %q", s)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// render runs the example's command in the current directory and applies
// its stages.
func (ex *docExample) render() (string, error) {
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"bwlint"}, ex.args...), &stdout, &stderr)
	wantCode, showStderr := 0, false
	text := stdout.String()
	for _, s := range ex.stages {
		switch s[0] {
		case "exit":
			n, err := strconv.Atoi(s[1])
			if err != nil {
				return "", fmt.Errorf("exit %q: not a number", s[1])
			}
			wantCode = n
		case "stderr":
			showStderr = true
		case "file":
			b, err := os.ReadFile(s[1])
			if err != nil {
				return "", fmt.Errorf("the command did not write %s: %w", s[1], err)
			}
			text = string(b)
		}
	}
	if code != wantCode {
		return "", fmt.Errorf("exit code %d, want %d (add or correct the marker's `| exit N`); stderr: %s", code, wantCode, stderr.String())
	}
	if showStderr {
		text += stderr.String()
	} else if stderr.Len() > 0 {
		return "", fmt.Errorf("unexpected stderr (add `| stderr` to show it): %s", stderr.String())
	}
	for _, s := range ex.stages {
		var err error
		switch s[0] {
		case "head":
			text, err = headLines(text, s[1])
		case "from":
			text, err = fromLine(text, s[1])
		case "json-at", "json-keep", "json-cut", "json-set", "json-drop":
			text, err = filterJSON(text, s)
		}
		if err != nil {
			return "", fmt.Errorf("%s: %w", strings.Join(s, " "), err)
		}
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	for _, l := range strings.Split(text, "\n") {
		trimmed := strings.TrimLeft(l, " ")
		if len(l)-len(trimmed) < 4 && strings.HasPrefix(trimmed, ex.fence) {
			return "", fmt.Errorf("the output holds the line %q, which would close the %s fence: use a longer fence", l, ex.fence)
		}
	}
	return text, nil
}

func headLines(text, n string) (string, error) {
	count, err := strconv.Atoi(n)
	if err != nil || count < 1 {
		return "", fmt.Errorf("want a positive number of lines, got %q", n)
	}
	lines := strings.SplitAfter(text, "\n")
	if count >= len(lines) {
		return "", fmt.Errorf("the output has only %d lines: drop the stage", len(lines))
	}
	return strings.Join(lines[:count], ""), nil
}

func fromLine(text, prefix string) (string, error) {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return strings.Join(lines[i:], ""), nil
		}
	}
	return "", fmt.Errorf("no line starts with %q", prefix)
}
