package lint

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
)

// Source is where a piece of evidence is captured: the prompt an operator
// types it at, or the place it is copied from.
type Source string

// Sources of evidence.
const (
	// FromCLI is a command typed at a bwcli prompt,
	// <SERVER>_CLI/<context>>.
	FromCLI Source = "cli"
	// FromShell is a command typed at the server's shell, as bwadmin.
	FromShell Source = "shell"
	// FromOCIP is an OCI-P request sent to the Application Server.
	FromOCIP Source = "ocip"
	// FromPartnerHub is copied from Partner Hub, which has no export.
	FromPartnerHub Source = "partnerhub"
	// FromMeetingsServer is taken from Cisco WebEx Meetings Server: a
	// user import file, a SAML response the browser captured on its way
	// to the site, what the administration site shows.
	FromMeetingsServer Source = "meetings-server"
	// FromPolicy is the policy file, .bwlint.hcl.
	FromPolicy Source = "policy"
	// FromBaseline is the baseline file given with --baseline.
	FromBaseline Source = "baseline"
)

// captured reports whether evidence of the source is captured from the
// deployment, rather than being a file given to bwlint itself.
func (s Source) captured() bool { return s != FromPolicy && s != FromBaseline }

// Captured reports whether evidence of the source is captured from the
// deployment (the CLI, the shell, OCI-P, Partner Hub, Meetings Server),
// rather than being a file given to bwlint itself: what a capture plan
// lists.
func (s Source) Captured() bool { return s.captured() }

// Command is one thing an operator types, or copies, to capture evidence.
type Command struct {
	Source Source
	// Context is the CLI context the command is typed in, without the
	// server prefix, as the CLI spells it ("Interface/Messaging"); "" at
	// the CLI's top level and for every other source.
	Context string
	// Text is exactly what is typed: at the CLI "get", "listPatch" or
	// `detail "Business Communicator - PC"`; at the shell "bwshowver" or
	// "sha256sum /var/broadworks/tmp/authService.keys"; for OCI-P the
	// request's name; for Partner Hub, Meetings Server, the policy and
	// the baseline, what to copy.
	Text string
	// Params are the elements of an OCI-P request, in the order its
	// schema defines them; a value in capitals ("TAG_SET") is a
	// placeholder the operator replaces (docs/inputs-ocip.md).
	Params []Param
	// Confirms says that the CLI asks before it prints the command's
	// output ("About to filter through N entries. Continue? Please
	// confirm (Yes, Y, No, N):"), a question answered yes. A capture
	// script that cannot see the question types the answer after the
	// command.
	Confirms bool
}

// Param is one element of an OCI-P request: its name and its value.
type Param struct{ Name, Value string }

// Line is the command as an operator sees it typed: after the CLI prompt
// of server ("AS", "XSP", "ADP") for the CLI, after "$ " for the shell.
func (c Command) Line(server string) string {
	switch c.Source {
	case FromCLI:
		prompt := server + "_CLI"
		if c.Context != "" {
			prompt += "/" + strings.Trim(c.Context, "/")
		}
		return prompt + "> " + c.Text
	case FromShell:
		return "$ " + c.Text
	case FromOCIP:
		s := "OCI-P " + c.Text
		for _, p := range c.Params {
			s += " " + p.Name + "=" + p.Value
		}
		return s
	case FromPartnerHub:
		return "Partner Hub: " + c.Text
	case FromMeetingsServer:
		return "Meetings Server: " + c.Text
	}
	return c.Text
}

// Evidence is one capture a check reads, declared exactly enough to say
// what to type, at which prompt, on which hosts and into which file of a
// snapshot: documentation, evidence gaps and capture plans are all made
// from it.
type Evidence struct {
	// Role is the role of the hosts the evidence is captured on;
	// inputs.RoleUnknown for evidence about the whole deployment
	// (Partner Hub, the policy) and for site rules that read any host.
	Role inputs.Role
	// Command captures the evidence.
	Command
	// Before are the commands to run first, in order, whose output is
	// not evidence: exportKeys before the digest of its export.
	Before []Command
	// File is where the capture belongs in a snapshot, relative to its
	// root, with "<host>" standing for the host's folder and "<name>"
	// for a name of the operator's choosing:
	// "hosts/<host>/interface-messaging.txt",
	// "partnerhub/templates/<name>.json".
	File string
	// Reads says what the check takes from the capture, for people.
	Reads string
	// Optional evidence may be absent from the whole snapshot (user
	// lists, PSLog, per-user device data): the check is then not
	// evaluated on it, and no evidence gap is reported. Once the snapshot
	// holds some of it, a host that lacks it has a gap like any other.
	Optional bool
}

// CLI declares evidence printed by a command typed at the CLI prompt of
// role's hosts, in context, saved in file.
func CLI(role inputs.Role, context, command, file string) Evidence {
	return Evidence{Role: role, Command: Command{Source: FromCLI, Context: context, Text: command}, File: file}
}

// Shell declares evidence printed by a command typed at the shell of
// role's hosts, saved in file.
func Shell(role inputs.Role, command, file string) Evidence {
	return Evidence{Role: role, Command: Command{Source: FromShell, Text: command}, File: file}
}

// OCIP declares evidence returned by an OCI-P request to the Application
// Servers, saved in file.
func OCIP(request, file string) Evidence {
	return Evidence{Role: inputs.RoleAS, Command: Command{Source: FromOCIP, Text: request}, File: file}
}

// PartnerHub declares evidence copied from Partner Hub into file.
func PartnerHub(what, file string) Evidence {
	return Evidence{Command: Command{Source: FromPartnerHub, Text: what}, File: file}
}

// MeetingsServer declares evidence taken from Meetings Server into file.
func MeetingsServer(what, file string) Evidence {
	return Evidence{Command: Command{Source: FromMeetingsServer, Text: what}, File: file}
}

// Policy declares that a check reads the policy file.
func Policy(what string) Evidence {
	return Evidence{Command: Command{Source: FromPolicy, Text: what}, File: ".bwlint.hcl"}
}

// Baseline declares that a check reads the baseline file.
func Baseline(what string) Evidence {
	return Evidence{Command: Command{Source: FromBaseline, Text: what}, File: "--baseline FILE"}
}

// After returns e with commands to run before its own.
func (e Evidence) After(cmds ...Command) Evidence {
	e.Before = append(slices.Clone(e.Before), cmds...)
	return e
}

// Reading returns e with what the check takes from it.
func (e Evidence) Reading(what string) Evidence {
	e.Reads = what
	return e
}

// With returns e with one more element of its OCI-P request.
func (e Evidence) With(name, value string) Evidence {
	e.Params = append(slices.Clone(e.Params), Param{Name: name, Value: value})
	return e
}

// Confirming returns e marked as a command the CLI asks to confirm
// before it prints.
func (e Evidence) Confirming() Evidence {
	e.Confirms = true
	return e
}

// AsOptional returns e marked optional.
func (e Evidence) AsOptional() Evidence {
	e.Optional = true
	return e
}

// Server is the CLI prompt prefix of a role's hosts, for commands written
// before a host's own prompt is known: XSP for XSP and ADP hosts, whose
// own captures say which they are.
func Server(role inputs.Role) string {
	if role == inputs.RoleUnknown {
		return "<SERVER>"
	}
	return strings.ToUpper(string(role))
}

// Lines are the commands that capture e on a host whose CLI prompt starts
// with server, in the order they are typed.
func (e Evidence) Lines(server string) []string {
	out := make([]string, 0, len(e.Before)+1)
	for _, c := range e.Before {
		out = append(out, c.Line(server))
	}
	return append(out, e.Line(server))
}

// FileFor is the file e belongs in on host.
func (e Evidence) FileFor(host string) string {
	if host == "" {
		return e.File
	}
	return strings.ReplaceAll(e.File, "<host>", host)
}

// Key identifies what is captured, whatever check needs it: two checks
// that declare the same Key need one capture.
func (e Evidence) Key() string {
	parts := []string{string(e.Role), string(e.Source), strings.ToLower(strings.Trim(e.Context, "/")), e.Text}
	for _, p := range e.Params {
		parts = append(parts, p.Name+"="+p.Value)
	}
	for _, b := range e.Before {
		parts = append(parts, string(b.Source), strings.ToLower(strings.Trim(b.Context, "/")), b.Text)
	}
	return strings.Join(parts, "\x1f")
}

// Markdown describes e for a check's documentation.
func (e Evidence) Markdown() string {
	var lines []string
	for _, l := range e.Lines(Server(e.Role)) {
		lines = append(lines, "`"+l+"`")
	}
	s := strings.Join(lines, ", then ")
	if e.Confirms {
		s += " (the CLI asks to confirm before it prints: answer `y`)"
	}
	switch {
	case !e.Source.captured():
	case e.Role != inputs.RoleUnknown:
		s += " on " + RolePhrase(e.Role)
	case e.Source == FromCLI:
		s += " on every host that has the context captured"
	}
	if e.Source.captured() {
		s += ", saved in `" + e.File + "`"
	}
	if e.Reads != "" {
		s += ": " + e.Reads
	}
	if e.Optional {
		s += " (optional: a snapshot may hold none)"
	}
	return s
}

// RolePhrase names the hosts of a role for documentation: "every
// Application Server", "every XSP and ADP host".
func RolePhrase(r inputs.Role) string {
	switch r {
	case inputs.RoleAS:
		return "every Application Server"
	case inputs.RoleXSP:
		return "every XSP and ADP host"
	}
	return "every " + strings.ToUpper(string(r)) + " host"
}

// validate reports what makes a declaration unusable for a capture plan.
func (e Evidence) validate() error {
	switch e.Source {
	case FromCLI, FromShell, FromOCIP, FromPartnerHub, FromMeetingsServer, FromPolicy, FromBaseline:
	default:
		return fmt.Errorf("evidence %q has no known source", e.Text)
	}
	if strings.TrimSpace(e.Text) == "" {
		return fmt.Errorf("%s evidence has no command", e.Source)
	}
	if e.Source != FromCLI && e.Context != "" {
		return fmt.Errorf("%s evidence %q has a CLI context", e.Source, e.Text)
	}
	if e.Source.captured() && !slices.ContainsFunc(snapshotFolders, func(dir string) bool { return strings.HasPrefix(e.File, dir) }) {
		return fmt.Errorf("evidence %q names no file of a snapshot (%s…): %q", e.Text, strings.Join(snapshotFolders, "…, "), e.File)
	}
	if len(e.Params) > 0 && e.Source != FromOCIP {
		return fmt.Errorf("%s evidence %q has OCI-P request elements", e.Source, e.Text)
	}
	for _, p := range e.Params {
		if !xmlName().MatchString(p.Name) || strings.ContainsFunc(p.Value, unicode.IsControl) {
			return fmt.Errorf("OCI-P evidence %q: element %q=%q is no XML element name with a value on one line", e.Text, p.Name, p.Value)
		}
	}
	if e.Source == FromOCIP && !xmlName().MatchString(e.Text) {
		return fmt.Errorf("OCI-P evidence %q: the request's name is its command type, such as SystemSoftwareVersionGetRequest", e.Text)
	}
	if e.Confirms && e.Source != FromCLI {
		return fmt.Errorf("%s evidence %q: only a CLI command asks to confirm", e.Source, e.Text)
	}
	if strings.HasPrefix(e.File, "hosts/") && e.Role == inputs.RoleUnknown && e.Source != FromCLI {
		return fmt.Errorf("evidence %q belongs in a host folder but names no role", e.Text)
	}
	for _, b := range e.Before {
		if b.Source != FromCLI && b.Source != FromShell || strings.TrimSpace(b.Text) == "" || len(b.Params) > 0 {
			return fmt.Errorf("evidence %q: a command before it must be typed at the CLI or the shell", e.Text)
		}
		if b.Confirms && b.Source != FromCLI {
			return fmt.Errorf("evidence %q: only a CLI command asks to confirm", e.Text)
		}
	}
	return nil
}

// snapshotFolders are where captured evidence lies in a snapshot
// (docs/inputs.md).
var snapshotFolders = []string{"hosts/<host>/", "partnerhub/", "devicemgmt/", "ocip/", "users/", "wms/", "logs/pslog/"}

// xmlName matches the element and command names of OCI-P requests.
var xmlName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`) })

// inHosts reports whether e is captured in host folders.
func (e Evidence) inHosts() bool { return strings.HasPrefix(e.File, "hosts/") }

// inSnapshot reports whether the snapshot holds e anywhere, which decides
// whether optional evidence that a host lacks is a gap.
func (e Evidence) inSnapshot(snap *inputs.Snapshot) bool {
	if !e.inHosts() {
		dir := path.Dir(e.File) + "/"
		for _, f := range snap.Files {
			if strings.HasPrefix(f.Path, dir) && f.Status != inputs.Failed {
				return true
			}
		}
		return false
	}
	for _, h := range snap.Hosts {
		if (e.Role == inputs.RoleUnknown || h.Role == e.Role) && e.capturedOn(h) {
			return true
		}
	}
	return false
}

// capturedOn reports whether a host holds e, as far as the snapshot's
// model tells: a CLI context that was printed, a bwshowver capture, a
// digest of the file a sha256sum names, else a readable file of the
// declared kind.
func (e Evidence) capturedOn(h *inputs.Host) bool {
	switch {
	case e.Source == FromCLI:
		return h.Captured(e.Context)
	case e.Source == FromShell && e.Text == "bwshowver":
		return h.ShowVer != nil
	case e.Source == FromShell && strings.HasPrefix(e.Text, "sha256sum "):
		_, ok := h.Digest(path.Base(strings.TrimSpace(strings.TrimPrefix(e.Text, "sha256sum "))))
		return ok
	}
	ext := path.Ext(e.File)
	for _, f := range h.Files {
		if path.Ext(f) == ext {
			return true
		}
	}
	return false
}

// unusable lists the files where e could have been on host but that
// could not be used: files bwlint does not know, files with the
// evidence's extension that failed to parse, and files of the evidence's
// own kind read with errors.
func (e Evidence) unusable(snap *inputs.Snapshot, host string) []string {
	var candidates []string
	if h := snap.Host(host); h != nil && e.inHosts() {
		candidates = h.Files
	} else if !e.inHosts() {
		dir := path.Dir(e.File) + "/"
		for _, f := range snap.Files {
			if strings.HasPrefix(f.Path, dir) {
				candidates = append(candidates, f.Path)
			}
		}
	}
	errs := map[string]bool{}
	for _, p := range snap.Problems {
		if p.Severity == source.Error {
			errs[p.Range.Filename] = true
		}
	}
	want, ext := e.kind(), path.Ext(e.File)
	var out []string
	for _, p := range candidates {
		f := snap.File(p)
		if f == nil {
			continue
		}
		switch {
		case f.Kind == inputs.KindUnknown, f.Status == inputs.Failed && path.Ext(p) == ext:
			out = append(out, p)
		case f.Kind == want && want != inputs.KindTranscript && errs[p]:
			out = append(out, p)
		}
	}
	return out
}

// kind is the kind of file e is read from.
func (e Evidence) kind() inputs.Kind {
	switch {
	case e.Source == FromCLI:
		return inputs.KindTranscript
	case e.Source == FromShell && e.Text == "bwshowver":
		return inputs.KindShowVer
	case path.Ext(e.File) == ".sha256":
		return inputs.KindDigest
	case strings.HasPrefix(e.File, "partnerhub/templates/"):
		return inputs.KindTemplate
	case strings.HasPrefix(e.File, "partnerhub/clusters/"):
		return inputs.KindCluster
	case strings.HasPrefix(e.File, "devicemgmt/tagsets/"):
		return inputs.KindTagSet
	}
	return inputs.KindUnknown
}
