package lint

import (
	"runtime/debug"
	"strings"

	"golang.org/x/mod/semver"
)

// Set by the linker in release builds (-ldflags "-X
// github.com/bwlint/bwlint/lint.version=v1.2.3 -X …lint.commit=… -X
// …lint.date=…", see .goreleaser.yaml); empty otherwise, and then read
// from the build information the Go toolchain records in every binary.
var (
	version string
	commit  string
	date    string
)

// Build describes the running binary: what --version prints.
type Build struct {
	// Version is the module version: a release tag (v1.2.3) for a release
	// or `go install …@v1.2.3`, a pseudo-version for a build from a
	// checkout (Go 1.24 and later derive it from the commit, "+dirty"
	// when the work tree was changed), "0.0.0-devel" when nothing records one (a version that starts with a number, as SARIF consumers want).
	Version string
	// Commit and Date are the commit the binary was built from and the
	// commit's time (RFC 3339): the same source gives the same values,
	// where a time of building would not. Empty when the build recorded
	// none (go install from the module proxy, or -buildvcs=false).
	Commit, Date string
	// Modified is true when the work tree differed from the commit.
	Modified bool
	// GoVersion is the toolchain that built the binary.
	GoVersion string
}

// CurrentBuild is the running binary's Build.
var CurrentBuild = readBuild(debug.ReadBuildInfo)

// Version is bwlint's version as every report names it (JSON
// tool.version, SARIF driver version, the Markdown header, --version):
// CurrentBuild.Version. Tests set it to a fixed value, so that their
// golden files do not change from one build to the next.
var Version = CurrentBuild.Version

// Commit is the commit bwlint was built from, as every report records it
// beside Version (JSON tool.commit, the SARIF driver's properties, the
// Markdown and HTML headers): CurrentBuild.Commit, "" when the build
// recorded none. Tests pin it with Version.
var Commit = CurrentBuild.Commit

// readBuild fills a Build from the linker's values and, for what they
// leave empty, from the build information.
func readBuild(read func() (*debug.BuildInfo, bool)) Build {
	b := Build{Version: version, Commit: commit, Date: date}
	info, ok := read()
	if ok {
		b.GoVersion = info.GoVersion
		if b.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			b.Version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.Commit == "" {
					b.Commit = s.Value
				}
			case "vcs.time":
				if b.Date == "" {
					b.Date = s.Value
				}
			case "vcs.modified":
				b.Modified = b.Modified || s.Value == "true"
			}
		}
	}
	if b.Version == "" {
		b.Version = "0.0.0-devel"
	}
	return b
}

// String is what --version prints after "bwlint version ": the version,
// then what else the build recorded.
func (b Build) String() string {
	var extra []string
	if b.Commit != "" {
		c := "commit " + b.Commit
		if b.Date != "" {
			c += " of " + b.Date
		}
		if b.Modified {
			c += ", with local changes"
		}
		extra = append(extra, c)
	}
	if b.GoVersion != "" {
		extra = append(extra, b.GoVersion)
	}
	if len(extra) == 0 {
		return b.Version
	}
	return b.Version + " (" + strings.Join(extra, ", ") + ")"
}

// SemanticVersion is v as a SemVer 2.0 version without the leading "v"
// (SARIF's semanticVersion), or "" when v is not SemVer.
func SemanticVersion(v string) string {
	if !semver.IsValid("v" + strings.TrimPrefix(v, "v")) {
		return ""
	}
	return strings.TrimPrefix(v, "v")
}

// ToolName is the name reports give the tool.
const ToolName = "bwlint"

// InformationURI is where reports say the tool is documented.
const InformationURI = "https://github.com/bwlint/bwlint"
