package lint

// Version is bwlint's version, reported by --version and in every
// machine-readable report. Release builds set it with
// -ldflags "-X github.com/bwlint/bwlint/lint.Version=…".
var Version = "0.1.0"

// ToolName is the name reports give the tool.
const ToolName = "bwlint"

// InformationURI is where reports say the tool is documented.
const InformationURI = "https://github.com/bwlint/bwlint"
