package report

import (
	"io"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/redact"
	"github.com/bwlint/bwlint/inputs/source"
)

// ParseJSONVersion is the version of the parse command's JSON schema.
const ParseJSONVersion = 1

// parseValue is a value with its location.
type parseValue struct {
	Text     string        `json:"text"`
	Location *JSONLocation `json:"location"`
}

type parseApp struct {
	Name        string `json:"name"`
	Version     string `json:"version"`
	ContextPath string `json:"context_path"`
}

type parseDigest struct {
	Name   string     `json:"name"`
	SHA256 parseValue `json:"sha256"`
}

type parseAttr struct {
	Key   string     `json:"key"`
	Value parseValue `json:"value"`
}

type parseObject struct {
	Path   string      `json:"path"`
	Name   string      `json:"name"`
	Fields []parseAttr `json:"fields"`
}

type parseTagSet struct {
	Path  string     `json:"path"`
	Name  string     `json:"name"`
	Scope parseScope `json:"scope"`
	Tags  []parseTag `json:"tags"`
}

type parseTag struct {
	Name        string     `json:"name"`
	Value       parseValue `json:"value"`
	Overridable string     `json:"overridable"`
}

type parseFile struct {
	Path     string      `json:"path"`
	Kind     string      `json:"kind"`
	Status   string      `json:"status"`
	Encoding string      `json:"encoding"`
	SHA256   string      `json:"sha256"`
	Host     string      `json:"host,omitempty"`
	Lines    *parseLines `json:"lines"`
}

// parseLines says what became of a file's lines; see source.LineCounts.
type parseLines struct {
	Total int `json:"total"`
	source.LineCounts
}

// parseValues renders values with the snapshot's redaction.
type parseValues struct{ src *redact.Source }

func (j parseValues) pv(v source.Value) parseValue {
	return parseValue{Text: j.src.Value(v), Location: Location(v.Range())}
}

// ParseJSON writes the parse command's JSON view of a snapshot. Secret
// values are redacted as in every output. The document is written as it
// is built, command by command and row by row, so that a large capture
// costs no more memory to show than to read. "inventory" names the policy
// file whose host and cluster blocks were applied, when one was.
func ParseJSON(w io.Writer, s *inputs.Snapshot, o ParseOptions) error {
	j := parseValues{src: redact.New(s)}
	out := newJSONStream(w)
	out.beginObject()
	out.key("version")
	out.value(ParseJSONVersion)
	out.key("kind")
	out.value(KindParse)
	out.key("tool")
	out.value(CurrentTool())
	if o.Inventory != "" {
		out.key("inventory")
		out.value(o.Inventory)
	}
	out.key("hosts")
	out.beginArray()
	for _, h := range s.Hosts {
		out.next()
		j.writeHost(out, h)
	}
	out.endArray()
	out.key("templates")
	out.beginArray()
	for _, t := range s.Templates {
		out.elem(parseObject{Path: t.Path, Name: t.Name.Text, Fields: j.fieldsJSON(t.Fields)})
	}
	out.endArray()
	out.key("clusters")
	out.beginArray()
	for _, c := range s.Clusters {
		out.elem(parseObject{Path: c.Path, Name: c.Name.Text, Fields: j.fieldsJSON(c.Fields)})
	}
	out.endArray()
	out.key("tag_sets")
	out.beginArray()
	for _, ts := range s.TagSets {
		jt := parseTagSet{Path: ts.Path, Name: ts.Name, Scope: scopeOf(ts), Tags: []parseTag{}}
		for _, tag := range ts.Tags {
			v := j.pv(tag.Value)
			if tag.Secret() {
				v.Text = source.Redacted
			}
			jt.Tags = append(jt.Tags, parseTag{Name: tag.Name.Text, Value: v, Overridable: j.src.Value(tag.Overridable)})
		}
		out.elem(jt)
	}
	out.endArray()
	v := j.channels(s)
	for _, kv := range []struct {
		key   string
		value any
	}{{"device_types", v.DeviceTypes}, {"users", v.Users}, {"integrated_imp", v.IMP}, {"ocip", v.OCIP}, {"user_csvs", v.UserCSVs}, {"wms", v.WMS}, {"pslogs", v.PSLogs}, {"conflicts", v.Conflicts}} {
		out.key(kv.key)
		out.value(kv.value)
	}
	out.key("files")
	out.beginArray()
	for _, f := range s.Files {
		jf := parseFile{Path: f.Path, Kind: string(f.Kind), Status: string(f.Status), Encoding: string(f.Encoding), SHA256: f.SHA256, Host: f.Host}
		if f.Lines != nil {
			jf.Lines = &parseLines{Total: f.Lines.Total(), LineCounts: *f.Lines}
		}
		out.elem(jf)
	}
	out.endArray()
	out.key("input_problems")
	out.beginArray()
	for _, p := range problemsJSON(s.Problems) {
		out.elem(p)
	}
	out.endArray()
	out.endObject()
	return out.finish()
}

func (j parseValues) writeHost(out *jsonStream, h *inputs.Host) {
	out.beginObject()
	out.key("name")
	out.value(h.Name)
	out.key("role")
	out.value(string(h.Role))
	out.key("role_evidence")
	out.value(Location(h.RoleEvidence.Range()))
	out.key("release")
	if h.Release.Present() {
		out.value(j.pv(h.Release))
	} else {
		out.value(nil)
	}
	apps := []parseApp{}
	if h.ShowVer != nil {
		for _, a := range h.ShowVer.Applications {
			apps = append(apps, parseApp{Name: a.Name.Text, Version: a.Version.Text, ContextPath: a.ContextPath.Text})
		}
	}
	out.key("applications")
	out.value(apps)
	out.key("digests")
	out.beginArray()
	for _, d := range h.Digests {
		out.elem(parseDigest{Name: d.Name.Text, SHA256: j.pv(d.Hex)})
	}
	out.endArray()
	out.key("commands")
	out.beginArray()
	for _, c := range h.Commands {
		out.next()
		j.writeCommand(out, c)
	}
	out.endArray()
	out.endObject()
}

func (j parseValues) writeCommand(out *jsonStream, c *bwcli.Command) {
	out.beginObject()
	out.key("server")
	out.value(c.Server.Text)
	out.key("context")
	out.value(c.Path)
	out.key("resolved")
	out.value(c.Known)
	out.key("input")
	out.value(j.pv(c.Input))
	out.key("verb")
	out.value(c.Verb)
	out.key("attrs")
	out.beginArray()
	for _, kv := range c.Attrs {
		out.elem(parseAttr{Key: kv.Key.Text, Value: j.pv(kv.Value)})
	}
	out.endArray()
	out.key("tables")
	out.beginArray()
	for _, t := range c.Tables {
		out.next()
		out.beginObject()
		cols := make([]string, 0, len(t.Columns))
		for _, col := range t.Columns {
			cols = append(cols, col.Text)
		}
		out.key("columns")
		out.value(cols)
		out.key("rows")
		out.beginArray()
		for _, r := range t.Rows {
			row := make([]parseValue, 0, len(r.Cells))
			for _, cell := range r.Cells {
				row = append(row, j.pv(cell))
			}
			out.elem(row)
		}
		out.endArray()
		out.key("footer")
		out.value(t.Footer.Text)
		out.key("location")
		out.value(Location(t.Range()))
		out.endObject()
	}
	out.endArray()
	out.key("text")
	out.beginArray()
	for _, v := range c.Text {
		out.elem(j.pv(v))
	}
	out.endArray()
	out.key("location")
	out.value(Location(c.Range()))
	out.key("shell")
	out.value(c.Shell)
	out.key("superseded_by")
	if c.SupersededBy != nil {
		out.value(Location(c.SupersededBy.Input.Range()))
	} else {
		out.value(nil)
	}
	out.endObject()
}

func (j parseValues) fieldsJSON(fs []partnerhub.Field) []parseAttr {
	out := []parseAttr{}
	for _, f := range fs {
		out = append(out, parseAttr{Key: f.Key.Text, Value: j.pv(f.Value)})
	}
	return out
}
