package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/linttest"
	"github.com/google/go-cmp/cmp"
)

// TestDocs keeps the command output shown in the documentation real. Every
// example block in docsWithOutput is generated: a marker names the command
// that produced it, and this test runs the command in-process and compares
// the block with its output (go test ./cmd/bwlint -run Docs -update
// rewrites the blocks). The syntax, in the Markdown:
//
//	<!-- bwlint-output: ARGS [| STAGE]... -->
//	```text
//	...output of bwlint ARGS...
//	```
//	<!-- /bwlint-output -->
//
// ARGS are bwlint's arguments as a user types them at the repository root
// (double quotes group words). Stages, applied in order:
//
//	exit N             the command exits N (without it: 0)
//	stderr             show stderr after stdout (without it stderr must be empty)
//	file NAME          show the file NAME the command wrote instead of stdout
//	head N             keep the first N lines
//	from TEXT          keep the lines from the first one starting with TEXT
//	json-at P          show only the value at path P
//	json-keep P[SEL]…  keep only the elements of the array at path P that SEL selects
//	json-cut P N       cut strings under path P to N characters, ending them with …
//	json-set P=VALUE   replace the value at path P with the string VALUE
//	json-drop P        remove the object member at path P
//
// A path P is dot-separated object keys and array indexes from the
// document's root ("" is the root itself, as in "[0]"). SEL is a
// comma-separated list of array indexes, FIELD=VALUE (the element's field
// at a dotted path equals VALUE) and FIELD^=PREFIX; an element is kept
// when any of them matches it.
//
// The markers of one document run in order in one scratch directory that
// holds a copy of the repository's testdata, so that commands writing files
// (--output, --report, --write-baseline) never touch the checkout, and a
// later example can read a file an earlier one wrote (a baseline). Paths
// therefore print as a user running from the repository root sees them.
func TestDocs(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("NO_COLOR", "1")
	t.Setenv("FORCE_COLOR", "")
	t.Setenv(config.EnvVar, "")
	for _, doc := range docsWithOutput {
		t.Run(filepath.Base(doc), func(t *testing.T) {
			path := filepath.Join(root, filepath.FromSlash(doc))
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			examples, err := parseDocExamples(string(src))
			if err != nil {
				t.Fatalf("%s: %v", doc, err)
			}
			if len(examples) == 0 {
				t.Fatalf("%s: no <!-- bwlint-output: --> marker: the test would check nothing", doc)
			}
			scratch := t.TempDir()
			if err := os.CopyFS(filepath.Join(scratch, "testdata"), os.DirFS(filepath.Join(root, "testdata"))); err != nil {
				t.Fatal(err)
			}
			t.Chdir(scratch)
			var out strings.Builder
			last := 0
			for _, ex := range examples {
				got, err := ex.render()
				if err != nil {
					t.Errorf("%s:%d: %s: %v", doc, ex.line, ex.spec, err)
					got = ex.body
				}
				if got != ex.body && !*linttest.Update {
					t.Errorf("%s:%d: the output of `bwlint %s` has changed; run go test ./cmd/bwlint -run Docs -update and review the diff (-doc +real):\n%s",
						doc, ex.line, ex.spec, cmp.Diff(ex.body, got))
				}
				out.WriteString(string(src[last:ex.start]))
				out.WriteString(got)
				last = ex.end
			}
			out.WriteString(string(src[last:]))
			if *linttest.Update && out.String() != string(src) {
				if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("rewrote %s", doc)
			}
		})
	}
}

// docsWithOutput are the documents, relative to the repository root, whose
// command-output examples TestDocs generates.
var docsWithOutput = []string{"docs/output.md", "docs/review.md", "docs/inputs.md", "docs/config.md"}

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

// jsonNode is a JSON value that keeps its members' order and its scalars'
// text, so that an excerpt prints exactly as bwlint printed it.
type jsonNode struct {
	kind byte // '{', '[', or 0 for a scalar
	raw  string
	keys []string // decoded, for objects
	vals []*jsonNode
}

// filterJSON applies one json-* stage to a JSON document.
func filterJSON(text string, stage []string) (string, error) {
	p := &jsonParser{s: text}
	root, err := p.value()
	if err != nil {
		return "", err
	}
	if p.skipSpace(); p.i != len(p.s) {
		return "", fmt.Errorf("text after the JSON value at byte %d", p.i)
	}
	if got := root.String(); got != text {
		return "", fmt.Errorf("cannot reproduce bwlint's JSON layout:\n%s", cmp.Diff(text, got))
	}
	switch stage[0] {
	case "json-at":
		if root, err = root.lookup(stage[1]); err != nil {
			return "", err
		}
	case "json-keep":
		for _, spec := range stage[1:] {
			if err := jsonKeep(root, spec); err != nil {
				return "", err
			}
		}
	case "json-cut":
		n, err := strconv.Atoi(stage[2])
		if err != nil || n < 1 {
			return "", fmt.Errorf("want a positive length, got %q", stage[2])
		}
		at, err := root.lookup(stage[1])
		if err != nil {
			return "", err
		}
		cut := 0
		at.walk(func(v *jsonNode) {
			var s string
			if v.kind != 0 || json.Unmarshal([]byte(v.raw), &s) != nil || utf8.RuneCountInString(s) <= n {
				return
			}
			v.raw, cut = jsonString(string([]rune(s)[:n])+"…"), cut+1
		})
		if cut == 0 {
			return "", fmt.Errorf("no string under %q is longer than %d: drop the stage", stage[1], n)
		}
	case "json-set":
		path, value, ok := strings.Cut(stage[1], "=")
		if !ok {
			return "", fmt.Errorf("want PATH=VALUE")
		}
		at, err := root.lookup(path)
		if err != nil {
			return "", err
		}
		*at = jsonNode{raw: jsonString(value)}
	case "json-drop":
		parentPath, key := "", stage[1]
		if i := strings.LastIndexByte(key, '.'); i >= 0 {
			parentPath, key = key[:i], key[i+1:]
		}
		parent, err := root.lookup(parentPath)
		if err != nil {
			return "", err
		}
		i := slices.Index(parent.keys, key)
		if parent.kind != '{' || i < 0 {
			return "", fmt.Errorf("no object member %q", stage[1])
		}
		parent.keys = slices.Delete(parent.keys, i, i+1)
		parent.vals = slices.Delete(parent.vals, i, i+1)
	}
	return root.String(), nil
}

// jsonKeep applies one PATH[SEL] of json-keep.
func jsonKeep(root *jsonNode, spec string) error {
	path, sel, ok := strings.Cut(spec, "[")
	sel, closed := strings.CutSuffix(sel, "]")
	if !ok || !closed {
		return fmt.Errorf("%q: want PATH[SEL]", spec)
	}
	arr, err := root.lookup(path)
	if err != nil {
		return err
	}
	if arr.kind != '[' {
		return fmt.Errorf("%q: not an array", path)
	}
	keep := make([]bool, len(arr.vals))
	for _, cond := range strings.Split(sel, ",") {
		matched := false
		if i, err := strconv.Atoi(cond); err == nil {
			if i < 0 || i >= len(arr.vals) {
				return fmt.Errorf("%q: index %d out of range (%d elements)", spec, i, len(arr.vals))
			}
			keep[i], matched = true, true
		} else {
			field, want, ok := strings.Cut(cond, "=")
			if !ok {
				return fmt.Errorf("%q: %q is neither an index nor FIELD=VALUE", spec, cond)
			}
			field, prefix := strings.CutSuffix(field, "^")
			for i, v := range arr.vals {
				f, err := v.lookup(field)
				if err != nil || f.kind != 0 {
					continue
				}
				got := f.raw
				_ = json.Unmarshal([]byte(f.raw), &got)
				if got == want || prefix && strings.HasPrefix(got, want) {
					keep[i], matched = true, true
				}
			}
		}
		if !matched {
			return fmt.Errorf("%q: %q selects nothing", spec, cond)
		}
	}
	var vals []*jsonNode
	for i, v := range arr.vals {
		if keep[i] {
			vals = append(vals, v)
		}
	}
	arr.vals = vals
	return nil
}

// lookup follows a dot-separated path of keys and indexes.
func (n *jsonNode) lookup(path string) (*jsonNode, error) {
	if path == "" {
		return n, nil
	}
	at := n
	for _, seg := range strings.Split(path, ".") {
		next := (*jsonNode)(nil)
		switch at.kind {
		case '{':
			for i, k := range at.keys {
				if k == seg {
					next = at.vals[i]
				}
			}
		case '[':
			if i, err := strconv.Atoi(seg); err == nil && i >= 0 && i < len(at.vals) {
				next = at.vals[i]
			}
		}
		if next == nil {
			return nil, fmt.Errorf("path %q: no %q", path, seg)
		}
		at = next
	}
	return at, nil
}

func (n *jsonNode) walk(f func(*jsonNode)) {
	f(n)
	for _, v := range n.vals {
		v.walk(f)
	}
}

// String prints the value as bwlint's JSON encoders do: two-space indent,
// no HTML escaping, and a final newline.
func (n *jsonNode) String() string {
	var b strings.Builder
	n.write(&b, "")
	b.WriteString("\n")
	return b.String()
}

func (n *jsonNode) write(b *strings.Builder, indent string) {
	if n.kind == 0 {
		b.WriteString(n.raw)
		return
	}
	closer := map[byte]string{'{': "}", '[': "]"}[n.kind]
	b.WriteByte(n.kind)
	if len(n.vals) == 0 {
		b.WriteString(closer)
		return
	}
	b.WriteString("\n")
	for i, v := range n.vals {
		b.WriteString(indent + "  ")
		if n.kind == '{' {
			b.WriteString(jsonString(n.keys[i]) + ": ")
		}
		v.write(b, indent+"  ")
		if i < len(n.vals)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString(indent + closer)
}

// jsonString encodes s as bwlint does, without HTML escaping.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// jsonParser reads JSON into jsonNodes.
type jsonParser struct {
	s string
	i int
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
		p.i++
	}
}

func (p *jsonParser) value() (*jsonNode, error) {
	p.skipSpace()
	if p.i >= len(p.s) {
		return nil, fmt.Errorf("unexpected end of JSON")
	}
	switch c := p.s[p.i]; c {
	case '{', '[':
		p.i++
		n := &jsonNode{kind: c}
		end := map[byte]byte{'{': '}', '[': ']'}[c]
		for first := true; ; first = false {
			p.skipSpace()
			if p.i < len(p.s) && p.s[p.i] == end {
				p.i++
				return n, nil
			}
			if !first {
				if p.i >= len(p.s) || p.s[p.i] != ',' {
					return nil, fmt.Errorf("want , or %c at byte %d", end, p.i)
				}
				p.i++
			}
			if c == '{' {
				k, err := p.value()
				if err != nil {
					return nil, err
				}
				var key string
				if err := json.Unmarshal([]byte(k.raw), &key); err != nil {
					return nil, fmt.Errorf("object key at byte %d: %w", p.i, err)
				}
				if p.skipSpace(); p.i >= len(p.s) || p.s[p.i] != ':' {
					return nil, fmt.Errorf("want : at byte %d", p.i)
				}
				p.i++
				n.keys = append(n.keys, key)
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, v)
		}
	case '"':
		j := p.i + 1
		for j < len(p.s) && p.s[j] != '"' {
			if p.s[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(p.s) {
			return nil, fmt.Errorf("unterminated string at byte %d", p.i)
		}
		n := &jsonNode{raw: p.s[p.i : j+1]}
		p.i = j + 1
		return n, nil
	default:
		j := p.i
		for j < len(p.s) && strings.IndexByte(",]}: \t\r\n", p.s[j]) < 0 {
			j++
		}
		n := &jsonNode{raw: p.s[p.i:j]}
		if !json.Valid([]byte(n.raw)) {
			return nil, fmt.Errorf("invalid JSON %q at byte %d", n.raw, p.i)
		}
		p.i = j
		return n, nil
	}
}
