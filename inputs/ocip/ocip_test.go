package ocip

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs/golden"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/hashicorp/hcl/v2"
)

func span(r hcl.Range) string {
	if r.Start.Line == 0 {
		return "(file)"
	}
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

func show(v source.Value) string {
	if !v.Present() {
		return "-"
	}
	return fmt.Sprintf("%q@%s", v.Text, span(v.Range()))
}

// hidden shows where a secret value is, never its text.
func hidden(v source.Value) string {
	if !v.Present() {
		return "-"
	}
	return "(secret)@" + span(v.Range())
}

// describe renders what Read returned as lines that show every position:
// the golden form of a fixture.
func describe(f *File, probs []source.Problem) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if f == nil {
		add("no file")
	} else {
		add("encoding %s, %d documents, %d commands", f.Encoding, len(f.Documents), len(f.Commands))
		for i, d := range f.Documents {
			add("document %d %s %s protocol %s", i+1, d.Wrapping(), span(d.Range()), show(d.Protocol()))
			for _, c := range d.Commands {
				line := fmt.Sprintf("  %s %s type %s", c.Name.Full, span(c.Range()), show(c.Type()))
				if c.Request != nil {
					line += fmt.Sprintf(" answers line %d", c.Request.Range().Start.Line)
				}
				if c.Contribution != "" {
					line += ": " + c.Contribution
				}
				out = append(out, line)
			}
		}
		for _, s := range f.TagSets {
			add("tag set %q default %v scope %s", s.Name, s.Scope.SystemDefault, describeScope(s.Scope))
			for _, t := range s.Tags {
				value, actual := show(t.Value), show(t.Actual)
				if t.Secret() {
					value, actual = hidden(t.Value), hidden(t.Actual)
				}
				add("  %s = %s overridable %s encrypted %s actual %s row %s", show(t.Name), value, show(t.Overridable), show(t.Encrypted), actual, span(t.Range))
			}
		}
		for _, t := range f.DeviceTypes {
			add("device type %s profile %s obsolete %s reseller %s at %s", show(t.Name), show(t.Profile), show(t.Obsolete), show(t.ResellerID), span(t.Range))
			if d := t.Detail; d != nil {
				add("  ports %s unlimited %s remote party info %s protocol %s uri %s context %s encoding %s tag mode %s tag set %s",
					show(d.Ports), show(d.UnlimitedPorts), show(d.SupportRemotePartyInfo), show(d.DeviceAccessProtocol), show(d.DeviceAccessURI),
					show(d.DeviceAccessContext), show(d.DefaultDeviceEncoding), show(d.TagMode), show(d.TagSet))
				secret := 0
				for _, a := range d.Attrs {
					if a.Secret {
						secret++
						add("  secret attribute %s key %s value %s", a.Path, show(a.Key), hidden(a.Value))
					}
				}
				add("  %d attributes", len(d.Attrs))
			}
		}
		for _, r := range f.Releases {
			add("release %s anchor %s", show(r.Version), show(r.ReleaseAnchor))
		}
		for _, u := range f.Users {
			add("user %s first %s last %s phone %s cc %s ext %s email %s group %s sp %s imp %s at %s",
				show(u.UserID), show(u.FirstName), show(u.LastName), show(u.PhoneNumber), show(u.CountryCode), show(u.Extension),
				show(u.EmailAddress), show(u.GroupID), show(u.ServiceProviderID), show(u.IMPID), span(u.Range))
			for _, a := range u.AlternateUserIDs {
				add("  alternate %s", show(a))
			}
			for _, s := range u.Services {
				add("  service %s", show(s))
			}
			for _, d := range u.Devices {
				add("  device %s %s type %s line %s shared %v", show(d.Level), show(d.Name), show(d.Type), show(d.LinePort), d.Shared)
			}
		}
		for _, d := range f.AccessDevices {
			add("access device %s sp %s group %s %s type %s", d.Level, show(d.ServiceProviderID), show(d.GroupID), show(d.Name), show(d.Type))
		}
		for _, imp := range f.IMP {
			add("Integrated IM&P %s reseller %s sp %s group %s url %s user %s use parent %s sync %s domain %s",
				imp.Level, show(imp.ResellerID), show(imp.ServiceProviderID), show(imp.GroupID), show(imp.ProvisioningURL),
				show(imp.ProvisioningUserID), show(imp.UseParent), show(imp.EnableSynchronization), show(imp.ServiceDomain))
		}
		var secrets []string
		for _, s := range f.Secrets {
			secrets = append(secrets, span(s))
		}
		add("secrets %s", strings.Join(secrets, " "))
	}
	for _, p := range probs {
		add("%s %s: %s", span(p.Range), p.Severity, p.Message)
	}
	return out
}

func describeScope(s tagset.Scope) string {
	if s.Kind == tagset.ScopeTagSet {
		return "tag set"
	}
	return fmt.Sprintf("%s sp %s group %s type %s device %s user %s", s.Kind, show(s.ServiceProviderID), show(s.GroupID), show(s.DeviceType), show(s.DeviceName), show(s.UserID))
}

// TestFixtures reads every fixture of testdata and compares what it gives
// with its golden file; go test -update rewrites them.
func TestFixtures(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.*")
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
			f, probs := Read(path, raw, Options{Name: name})
			checkInvariants(t, f, probs)
			got := strings.Join(describe(f, probs), "\n") + "\n"
			golden.File(t, filepath.Join("testdata", "golden", filepath.Base(path)+".golden"), got)
		})
	}
}

// checkInvariants checks what every reader promises: every range lies in
// the decoded text and agrees with source.Index, every value's range holds
// the bytes the value was written as, and no secret is quoted by a
// problem.
func checkInvariants(t *testing.T, f *File, probs []source.Problem) {
	t.Helper()
	if f == nil {
		if len(probs) == 0 {
			t.Error("no file and no problem")
		}
		for _, p := range probs {
			if p.Range.Filename == "" {
				t.Errorf("problem without a file: %v", p)
			}
		}
		return
	}
	ix := source.NewIndex(f.Path, f.Text)
	checkRange := func(r hcl.Range) bool {
		t.Helper()
		if r.Filename != f.Path || r.Start.Byte < 0 || r.Start.Byte > r.End.Byte || r.End.Byte > len(f.Text) {
			t.Errorf("range %+v lies outside %s (%d bytes)", r, f.Path, len(f.Text))
			return false
		}
		if got := ix.Pos(r.Start.Byte); got != r.Start {
			t.Errorf("start %+v, source.Index says %+v", r.Start, got)
		}
		if got := ix.Pos(r.End.Byte); got != r.End {
			t.Errorf("end %+v, source.Index says %+v", r.End, got)
		}
		return true
	}
	for _, p := range probs {
		if p.Range.Start.Line != 0 {
			checkRange(p.Range)
		}
	}
	wrapping := map[string]*view{}
	var values []source.Value
	for _, d := range f.Documents {
		checkRange(d.Range())
		walk(d.Element(), func(e Element) {
			checkRange(e.Range())
			if e.IsLeaf() {
				v := e.Value()
				values = append(values, v)
				wrapping[span(v.Range())] = d.view
			}
		})
	}
	values = append(values, valuesIn(reflect.ValueOf(f))...)
	for _, v := range values {
		if !v.Present() || v.Range().Start.Line == 0 || !checkRange(v.Range()) {
			continue
		}
		raw := f.Text[v.Range().Start.Byte:v.Range().End.Byte]
		if got := unwrap(wrapping[span(v.Range())], raw); got != v.Text {
			t.Errorf("value at %s: Text %q, the source bytes %q read %q", span(v.Range()), v.Text, raw, got)
		}
	}
	secretTexts := map[string]int{}
	for _, s := range f.Secrets {
		if checkRange(s) {
			secretTexts[f.Text[s.Start.Byte:s.End.Byte]]++
		}
	}
	for secret, n := range secretTexts {
		// A secret short enough, or written elsewhere in the file as
		// something else too, cannot be told apart in a message.
		if len(secret) < 4 || strings.Count(f.Text, secret) > n {
			continue
		}
		for _, p := range probs {
			if strings.Contains(p.Message, secret) {
				t.Errorf("problem %q quotes the secret %q", p.Message, secret)
			}
		}
	}
}

// unwrap reads the source bytes of a value the way its document was
// written: plain XML, XML escaped in XML, or a Python bytes literal.
func unwrap(v *view, raw string) string {
	if v == nil {
		return decodeText(raw)
	}
	switch v.kind {
	case XMLEscaped:
		return decodeText(decodeText(raw))
	case PythonBytes:
		lit := string(v.quote) + raw + string(v.quote)
		u, _, ok := unescapePython(lit, 0, len(lit), v.decodeByte)
		if !ok {
			return "(not a literal)"
		}
		return decodeText(u.buf)
	}
	return decodeText(raw)
}

func walk(e Element, visit func(Element)) {
	visit(e)
	for _, c := range e.Children() {
		walk(c, visit)
	}
}

// valuesIn finds every source.Value reachable from v through pointers,
// structs and slices, so the check covers fields added later too.
func valuesIn(v reflect.Value) []source.Value {
	if v.Kind() == reflect.Pointer && v.Type().Elem() == reflect.TypeFor[Command]() {
		return nil // commands are walked as documents
	}
	if sv, ok := v.Interface().(source.Value); ok {
		return []source.Value{sv}
	}
	var out []source.Value
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			out = valuesIn(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = append(out, valuesIn(v.Field(i))...)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			out = append(out, valuesIn(v.Index(i))...)
		}
	}
	return out
}

// FuzzRead checks, for any bytes, that Read never panics, that a file it
// refuses comes with a problem, and that every range it returns points
// back at the bytes its value was written as (see checkInvariants).
func FuzzRead(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.*")
	for _, path := range paths {
		if raw, err := os.ReadFile(path); err == nil && len(raw) < 16<<10 {
			f.Add(raw)
		}
	}
	f.Add([]byte(version(`a&amp;b<![CDATA[c]]>`)))
	f.Add([]byte(`x b'<?xml version=\'1.0\' encoding=\'ISO-8859-1\'?>\n` + strings.ReplaceAll(version(`Caf\xe9`), "'", `\'`) + `' y`))
	f.Add([]byte(`<r>` + strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(version("a&amp;b"), "&", "&amp;"), "<", "&lt;"), ">", "&gt;") + `</r>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		file, probs := Read("f.xml", raw, Options{Name: "n"})
		checkInvariants(t, file, probs)
		if file == nil {
			return
		}
		for i, c := range file.Commands {
			if c.Request != nil && c.Request.Range().Start.Byte >= c.Range().Start.Byte {
				t.Errorf("command %d answers a request that does not come before it", i)
			}
		}
		for _, s := range file.TagSets {
			for _, tag := range s.Tags {
				if tag.Secret() && tag.PrintableValue() == tag.Value.Text && tag.Value.Text != "" {
					t.Errorf("secret tag %q prints its value", tag.Name.Text)
				}
			}
		}
	})
}
