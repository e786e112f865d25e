package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestReleaseConfig holds .goreleaser.yaml to what the README promises
// (.ci/run also runs goreleaser check): the six platforms, checksums, and
// -X flags that set variables lint/version.go declares, which the linker
// would otherwise ignore in silence.
func TestReleaseConfig(t *testing.T) {
	cfg := readRepoFile(t, ".goreleaser.yaml")
	for _, want := range []string{"version: 2\n", "main: ./cmd/bwlint\n", "goos: [linux, darwin, windows]\n", "goarch: [amd64, arm64]\n",
		"checksum:\n", "algorithm: sha256\n", "CGO_ENABLED=0"} {
		if !strings.Contains(cfg, want) {
			t.Errorf(".goreleaser.yaml lacks %q", want)
		}
	}
	vars := packageStringVars(t, "../../lint/version.go")
	xs := regexp.MustCompile(`-X github\.com/bwlint/bwlint/lint\.(\w+)=`).FindAllStringSubmatch(cfg, -1)
	if len(xs) != 3 {
		t.Errorf(".goreleaser.yaml sets %d variables with -X, want version, commit and date", len(xs))
	}
	for _, x := range xs {
		if !slices.Contains(vars, x[1]) {
			t.Errorf(".goreleaser.yaml sets lint.%s, which lint/version.go does not declare as a string variable (it has %v)", x[1], vars)
		}
	}
	docker := readRepoFile(t, "Dockerfile")
	for _, x := range regexp.MustCompile(`-X github\.com/bwlint/bwlint/lint\.(\w+)=`).FindAllStringSubmatch(docker, -1) {
		if !slices.Contains(vars, x[1]) {
			t.Errorf("the Dockerfile sets lint.%s, which lint/version.go does not declare", x[1])
		}
	}
	for _, want := range []string{"FROM gcr.io/distroless/static-debian12:nonroot", "USER nonroot", "CGO_ENABLED=0"} {
		if !strings.Contains(docker, want) {
			t.Errorf("the Dockerfile lacks %q", want)
		}
	}
}

// packageStringVars lists the package-level string variables of a file
// declared without a value, which -X can set.
func packageStringVars(t *testing.T, file string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "string" && len(vs.Values) == 0 {
				for _, n := range vs.Names {
					names = append(names, n.Name)
				}
			}
		}
	}
	return names
}
