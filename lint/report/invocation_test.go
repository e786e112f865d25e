package report

import "testing"

func TestCommandLine(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"bwlint", "lint", "--as-of", "2026-11-22", "snapshots/prod-east"}, "bwlint lint --as-of 2026-11-22 snapshots/prod-east"},
		{[]string{"./bin/bwlint", "lint", "--report", "sarif=out,1.sarif", "my snapshot"}, "./bin/bwlint lint --report sarif=out,1.sarif 'my snapshot'"},
		{[]string{"bwlint", "lint", "it's", ""}, `bwlint lint 'it'\''s' ''`},
		{[]string{"bwlint", "lint", "$HOME/x;rm"}, `bwlint lint '$HOME/x;rm'`},
	} {
		if got := (Invocation{Arguments: tc.args}).CommandLine(); got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.args, got, tc.want)
		}
	}
}
