package lint

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Finding is one problem a check found.
type Finding struct {
	Check    string
	Severity Severity
	// Host is the host the finding is about; empty for findings about
	// Partner Hub files or the configuration.
	Host string
	// Message names the actual and the expected value: lower-case start,
	// no final period.
	Message string
	// Location is the tight range of the offending token; its Filename is
	// relative to the snapshot root. A zero Start.Line means the finding
	// concerns evidence that is absent, located at the file or not at all.
	Location hcl.Range
	// Logical locates the finding in BroadWorks terms.
	Logical Logical
	// Expected and Actual are the values compared, when the finding is a
	// mismatch. Secret values are never stored here.
	Expected string
	Actual   string
	// Related are the other places involved, such as peer hosts holding
	// the majority value.
	Related []Related
	// Secret marks a finding about a secret value: reports show neither
	// its values nor the source lines around it.
	Secret bool
	// Value is the offending value whose hash tells a baseline whether a
	// known finding changed. Checks leave it empty when Actual says it;
	// it is never printed.
	Value string
	// Personal lists the personal data the finding quotes (user ids,
	// names, email addresses, phone numbers), wherever they stand in its
	// message, logical location, values or related messages, so that a
	// report for readers outside the organisation can mask them
	// (judge.Result.MaskPersonal).
	Personal []string
	// Fix, when the check can say it, is how to fix this finding with
	// its values filled in: the steps in order, each a command typed at
	// a CLI context or a step done by hand. Reports show it in place of
	// the check's Fix, which stays the general instructions; it never
	// repeats a setting the capture already shows right. Optional.
	Fix []FixStep
}

// FixStep is one step of a finding's fix.
type FixStep struct {
	// Context is the CLI context the command is typed in, with its server
	// prefix as Logical.Context has it
	// ("XSP_CLI/System/CommunicationUtility/…"); "" for a command typed
	// at a shell (Command) or a step done by hand (Comment alone).
	Context string
	// Command is exactly what is typed: "set allowClientApp true".
	Command string
	// Comment says what the step does, or what to do by hand when there
	// is no command: "apply AP.as.24.0.944.ap384177 with NFM or
	// bwPatchTool".
	Comment string
}

// CLIPath is the context without its server prefix, as "cd" takes it:
// "/System/CommunicationUtility/…"; "" for a step typed elsewhere.
func (s FixStep) CLIPath() string {
	if s.Context == "" {
		return ""
	}
	_, rest, found := strings.Cut(strings.TrimPrefix(s.Context, "/"), "/")
	if !found || !strings.HasSuffix(strings.ToUpper(s.Context[:len(s.Context)-len(rest)-1]), "_CLI") {
		rest = strings.TrimPrefix(s.Context, "/")
	}
	return "/" + strings.Trim(rest, "/")
}

// Server is the CLI of a step's context: "XSP_CLI"; "" for a shell step.
func (s FixStep) Server() string {
	first, _, _ := strings.Cut(strings.TrimPrefix(s.Context, "/"), "/")
	if strings.HasSuffix(strings.ToUpper(first), "_CLI") {
		return first
	}
	return ""
}

// Logical is where a finding lies in BroadWorks terms.
type Logical struct {
	Host string
	// Context is the CLI context path including the server prefix, such as
	// "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication",
	// or a Partner Hub object such as "partnerhub/templates/smb".
	Context string
	// Key is the attribute, table row or field, such as "allowUserApp" or
	// "Patch Name=AP.as.24.0.944.ap384177".
	Key string
}

// Related is a secondary location of a finding.
type Related struct {
	Location hcl.Range
	Message  string
}

// Diff renders Expected and Actual as a line diff, "" when the finding is
// not a mismatch.
func (f Finding) Diff() string {
	if f.Expected == "" && f.Actual == "" {
		return ""
	}
	return LineDiff(f.Expected, f.Actual)
}

// Key is the finding's semantic identity: check, host, context and key.
// It never holds line numbers, which move with every re-capture, nor
// values, so a finding keeps its identity when its value changes. Context
// and key compare case-insensitively, as the CLIs read them: a capture
// that spells "allowuserapp" is the same setting.
func (f Finding) Key() string {
	return strings.Join([]string{f.Check, f.Logical.Host, strings.ToLower(f.Logical.Context), strings.ToLower(f.Logical.Key)}, "\x1f")
}

// Fingerprint is a stable hash of Key, for SARIF partialFingerprints,
// code-quality reports and baselines.
func (f Finding) Fingerprint() string {
	sum := sha256.Sum256([]byte(f.Key()))
	return hex.EncodeToString(sum[:16])
}

// ValueHash hashes the offending value (Value, else Actual) so that a
// baseline can tell a changed finding from a known one without storing the
// value, which may be sensitive. A finding about something absent (a
// missing patch, an unset key) hashes the empty value: its message may
// mention other evidence ("lists 2 other patches"), and an unrelated change
// to that evidence must not make a known finding count again. Secret
// findings have no Actual, so a changed secret never shows through the
// hash.
func (f Finding) ValueHash() string {
	v := f.Value
	if v == "" {
		v = f.Actual
	}
	sum := sha256.Sum256([]byte(f.Check + "\x1f" + v))
	return hex.EncodeToString(sum[:16])
}

// SortFindings orders findings as every report shows them (see
// CompareFindings).
func SortFindings(fs []Finding) { slices.SortStableFunc(fs, CompareFindings) }

// CompareFindings orders findings by host, file, position, check, key
// and message.
func CompareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Host, b.Host),
		cmp.Compare(a.Location.Filename, b.Location.Filename),
		cmp.Compare(a.Location.Start.Byte, b.Location.Start.Byte),
		cmp.Compare(a.Check, b.Check),
		cmp.Compare(a.Logical.Key, b.Logical.Key),
		cmp.Compare(a.Message, b.Message),
	)
}
