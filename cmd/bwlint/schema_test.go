package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemas compiles the published JSON Schemas of docs/schemas, by the
// kind of document each describes.
func schemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	out := map[string]*jsonschema.Schema{}
	for _, kind := range []string{"lint", "diff", "parse", "checks", "config", "capture-plan"} {
		s, err := c.Compile(filepath.Join("..", "..", "docs", "schemas", kind+".schema.json"))
		if err != nil {
			t.Fatalf("docs/schemas/%s.schema.json: %v", kind, err)
		}
		out[kind] = s
	}
	return out
}

// validateJSON validates a JSON document against the schema its kind
// names, and returns the kind.
func validateJSON(t *testing.T, all map[string]*jsonschema.Schema, name string, data []byte) string {
	t.Helper()
	var head struct{ Kind string }
	if err := json.Unmarshal(data, &head); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	s := all[head.Kind]
	if s == nil {
		t.Errorf("%s: kind %q names no published schema", name, head.Kind)
		return head.Kind
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := s.Validate(doc); err != nil {
		t.Errorf("%s does not match docs/schemas/%s.schema.json: %v", name, head.Kind, err)
	}
	return head.Kind
}

// TestJSONGoldensMatchSchemas validates every JSON golden file against
// the schema of its kind.
func TestJSONGoldensMatchSchemas(t *testing.T) {
	all := schemas(t)
	goldens, err := filepath.Glob(filepath.Join("testdata", "*.golden"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("{")) {
			continue // not a JSON report
		}
		seen[validateJSON(t, all, g, data)]++
	}
	for kind := range all {
		if seen[kind] == 0 {
			t.Errorf("no %s golden was validated", kind)
		}
	}
}

// TestJSONReportsMatchSchemas validates what the goldens do not show:
// baselines and their states, secrets, input problems, lost evidence,
// every snapshot of testdata.
func TestJSONReportsMatchSchemas(t *testing.T) {
	all := schemas(t)
	t.Setenv("BWLINT_CONFIG", "")
	base := filepath.Join(t.TempDir(), "baseline.json")
	var stdout, stderr bytes.Buffer
	run([]string{"bwlint", "lint", "--write-baseline", base, "../../testdata/example"}, &stdout, &stderr)
	runs := [][]string{
		{"lint", "--format", "json", "--baseline", base, "../../testdata/example-after"},
		{"lint", "--format", "json", "--no-waivers", "--missing-evidence", "report", "../../testdata/incomplete"},
		{"diff", "--format", "json", "../../testdata/example", "../../testdata/incomplete"},
		{"diff", "--format", "json", "../../testdata/example-after", "../../testdata/example"},
		{"diff", "--format", "json", "testdata/canary/before", "testdata/canary/after"},
		{"lint", "--format", "json", "testdata/canary/after"},
		{"parse", "--format", "json", "testdata/canary/after"},
		{"parse", "--format", "json", "--config", "testdata/parse-inventory.hcl", "../../testdata/example"},
		{"checks", "--format", "json"},
		{"config", "--format", "json", "--config", "testdata/config-full.hcl"},
		{"config", "--format", "json", "../../testdata/incomplete"},
	}
	entries, err := os.ReadDir("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			dir := "../../testdata/" + e.Name()
			runs = append(runs, []string{"lint", "--format", "json", dir}, []string{"parse", "--format", "json", dir})
		}
	}
	for _, args := range runs {
		name := strings.Join(args, " ")
		stdout.Reset()
		stderr.Reset()
		code := run(append([]string{"bwlint"}, args...), &stdout, &stderr)
		if code == exitUsage || code == exitInternal {
			t.Errorf("bwlint %s: exit %d: %s", name, code, stderr.String())
			continue
		}
		validateJSON(t, all, "bwlint "+name, stdout.Bytes())
	}
}

// TestSchemasAreStrict checks that the schemas reject what they do not
// describe, so that a field added to a report without its schema fails
// the tests above.
func TestSchemasAreStrict(t *testing.T) {
	all := schemas(t)
	data, err := os.ReadFile(filepath.Join("testdata", "lint_example_json.golden"))
	if err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(map[string]any){
		"an unknown top-level field": func(m map[string]any) { m["extra"] = true },
		"no kind":                    func(m map[string]any) { delete(m, "kind") },
		"an unknown finding field": func(m map[string]any) {
			m["findings"].([]any)[0].(map[string]any)["extra"] = 1
		},
		"a severity that does not exist": func(m map[string]any) {
			m["findings"].([]any)[0].(map[string]any)["severity"] = "fatal"
		},
	} {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		edit(m)
		if err := all["lint"].Validate(m); err == nil {
			t.Errorf("%s: the lint schema accepts it", name)
		}
	}
}
