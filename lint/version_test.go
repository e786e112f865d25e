package lint

import (
	"runtime/debug"
	"testing"
)

func TestReadBuild(t *testing.T) {
	info := func(version string, settings ...string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/bwlint/bwlint", Version: version}}
			for i := 0; i+1 < len(settings); i += 2 {
				bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
			}
			return bi, true
		}
	}
	for _, tc := range []struct {
		name        string
		read        func() (*debug.BuildInfo, bool)
		want        string
		wantVersion string
		semantic    string
	}{
		{"go install of a release", info("v0.2.0"), "v0.2.0 (go1.26.8)", "v0.2.0", "0.2.0"},
		{"a build from a changed checkout", info("v0.2.1-0.20260301101500-0123456789ab+dirty",
			"vcs", "git", "vcs.revision", "0123456789abcdef", "vcs.time", "2026-03-01T10:15:00Z", "vcs.modified", "true"),
			"v0.2.1-0.20260301101500-0123456789ab+dirty (commit 0123456789abcdef of 2026-03-01T10:15:00Z, with local changes, go1.26.8)",
			"v0.2.1-0.20260301101500-0123456789ab+dirty", "0.2.1-0.20260301101500-0123456789ab+dirty"},
		{"-buildvcs=false", info("(devel)"), "0.0.0-devel (go1.26.8)", "0.0.0-devel", "0.0.0-devel"},
		{"no build information", func() (*debug.BuildInfo, bool) { return nil, false }, "0.0.0-devel", "0.0.0-devel", "0.0.0-devel"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := readBuild(tc.read)
			if got := b.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
			if b.Version != tc.wantVersion {
				t.Errorf("Version = %q, want %q", b.Version, tc.wantVersion)
			}
			if got := SemanticVersion(b.Version); got != tc.semantic {
				t.Errorf("SemanticVersion(%q) = %q, want %q", b.Version, got, tc.semantic)
			}
		})
	}
}

// TestReleaseLinkerValues checks that the values a release build sets
// with -ldflags -X win over what the toolchain recorded.
func TestReleaseLinkerValues(t *testing.T) {
	defer func(v, c, d string) { version, commit, date = v, c, d }(version, commit, date)
	version, commit, date = "v1.0.0", "fedcba9876543210", "2026-04-01T00:00:00Z"
	b := readBuild(func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0000"}}}, true
	})
	if want := "v1.0.0 (commit fedcba9876543210 of 2026-04-01T00:00:00Z, go1.26.8)"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
