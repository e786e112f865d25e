package report

import (
	"io"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/bwcli"
	"github.com/bwlint/bwlint/inputs/partnerhub"
	"github.com/bwlint/bwlint/inputs/redact"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
)

// ParseJSONVersion is the version of the parse command's JSON schema.
const ParseJSONVersion = 1

type parseReport struct {
	Version       int           `json:"version"`
	Kind          string        `json:"kind"`
	Tool          jsonTool      `json:"tool"`
	Hosts         []parseHost   `json:"hosts"`
	Templates     []parseObject `json:"templates"`
	Clusters      []parseObject `json:"clusters"`
	TagSets       []parseTagSet `json:"tag_sets"`
	Files         []parseFile   `json:"files"`
	InputProblems []jsonProblem `json:"input_problems"`
}

// parseValue is a value with its location.
type parseValue struct {
	Text     string        `json:"text"`
	Location *JSONLocation `json:"location"`
}

type parseHost struct {
	Name         string         `json:"name"`
	Role         string         `json:"role"`
	RoleEvidence *JSONLocation  `json:"role_evidence"`
	Release      *parseValue    `json:"release"`
	Applications []parseApp     `json:"applications"`
	Digests      []parseDigest  `json:"digests"`
	Commands     []parseCommand `json:"commands"`
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

type parseCommand struct {
	Server   string        `json:"server"`
	Context  string        `json:"context"`
	Resolved bool          `json:"resolved"`
	Input    parseValue    `json:"input"`
	Verb     string        `json:"verb"`
	Attrs    []parseAttr   `json:"attrs"`
	Tables   []parseTable  `json:"tables"`
	Text     []parseValue  `json:"text"`
	Location *JSONLocation `json:"location"`
}

type parseAttr struct {
	Key   string     `json:"key"`
	Value parseValue `json:"value"`
}

type parseTable struct {
	Columns  []string       `json:"columns"`
	Rows     [][]parseValue `json:"rows"`
	Footer   string         `json:"footer"`
	Location *JSONLocation  `json:"location"`
}

type parseObject struct {
	Path   string      `json:"path"`
	Name   string      `json:"name"`
	Fields []parseAttr `json:"fields"`
}

type parseTagSet struct {
	Path string     `json:"path"`
	Name string     `json:"name"`
	Tags []parseTag `json:"tags"`
}

type parseTag struct {
	Name        string     `json:"name"`
	Value       parseValue `json:"value"`
	Overridable string     `json:"overridable"`
}

type parseFile struct {
	Path     string `json:"path"`
	Kind     string `json:"kind"`
	Status   string `json:"status"`
	Encoding string `json:"encoding"`
	SHA256   string `json:"sha256"`
	Host     string `json:"host,omitempty"`
}

// parseValues renders values with the snapshot's redaction.
type parseValues struct{ src *redact.Source }

func (j parseValues) pv(v source.Value) parseValue {
	return parseValue{Text: j.src.Value(v), Location: Location(v.Range)}
}

// ParseJSON writes the parse command's JSON view of a snapshot. Secret
// values are redacted as in every output.
func ParseJSON(w io.Writer, s *inputs.Snapshot) error {
	j := parseValues{src: redact.New(s)}
	rep := parseReport{
		Version: ParseJSONVersion, Kind: KindParse, Tool: jsonTool{Name: lint.ToolName, Version: lint.Version},
		Hosts: []parseHost{}, Templates: []parseObject{}, Clusters: []parseObject{}, TagSets: []parseTagSet{},
		Files: []parseFile{}, InputProblems: problemsJSON(s.Problems),
	}
	for _, h := range s.Hosts {
		rep.Hosts = append(rep.Hosts, j.hostJSON(h))
	}
	for _, t := range s.Templates {
		rep.Templates = append(rep.Templates, parseObject{Path: t.Path, Name: t.Name.Text, Fields: j.fieldsJSON(t.Fields)})
	}
	for _, c := range s.Clusters {
		rep.Clusters = append(rep.Clusters, parseObject{Path: c.Path, Name: c.Name.Text, Fields: j.fieldsJSON(c.Fields)})
	}
	for _, ts := range s.TagSets {
		jt := parseTagSet{Path: ts.Path, Name: ts.Name, Tags: []parseTag{}}
		for _, tag := range ts.Tags {
			v := j.pv(tag.Value)
			if tag.Secret() {
				v.Text = source.Redacted
			}
			jt.Tags = append(jt.Tags, parseTag{Name: tag.Name.Text, Value: v, Overridable: j.src.Value(tag.Overridable)})
		}
		rep.TagSets = append(rep.TagSets, jt)
	}
	for _, f := range s.Files {
		rep.Files = append(rep.Files, parseFile{Path: f.Path, Kind: string(f.Kind), Status: string(f.Status), Encoding: string(f.Encoding), SHA256: f.SHA256, Host: f.Host})
	}
	return writeJSON(w, rep)
}

func (j parseValues) hostJSON(h *inputs.Host) parseHost {
	jh := parseHost{Name: h.Name, Role: string(h.Role), RoleEvidence: Location(h.RoleEvidence.Range),
		Applications: []parseApp{}, Digests: []parseDigest{}, Commands: []parseCommand{}}
	if h.Release.Present() {
		v := j.pv(h.Release)
		jh.Release = &v
	}
	if h.ShowVer != nil {
		for _, a := range h.ShowVer.Applications {
			jh.Applications = append(jh.Applications, parseApp{Name: a.Name.Text, Version: a.Version.Text, ContextPath: a.ContextPath.Text})
		}
	}
	for _, d := range h.Digests {
		jh.Digests = append(jh.Digests, parseDigest{Name: d.Name.Text, SHA256: j.pv(d.Hex)})
	}
	for _, c := range h.Commands {
		jh.Commands = append(jh.Commands, j.commandJSON(c))
	}
	return jh
}

func (j parseValues) commandJSON(c *bwcli.Command) parseCommand {
	jc := parseCommand{Server: c.Server.Text, Context: c.Path, Resolved: c.Known, Input: j.pv(c.Input), Verb: c.Verb,
		Attrs: []parseAttr{}, Tables: []parseTable{}, Text: []parseValue{}, Location: Location(c.Range)}
	for _, kv := range c.Attrs {
		jc.Attrs = append(jc.Attrs, parseAttr{Key: kv.Key.Text, Value: j.pv(kv.Value)})
	}
	for _, t := range c.Tables {
		jt := parseTable{Columns: []string{}, Rows: [][]parseValue{}, Footer: t.Footer.Text, Location: Location(t.Range)}
		for _, col := range t.Columns {
			jt.Columns = append(jt.Columns, col.Text)
		}
		for _, r := range t.Rows {
			row := []parseValue{}
			for _, cell := range r.Cells {
				row = append(row, j.pv(cell))
			}
			jt.Rows = append(jt.Rows, row)
		}
		jc.Tables = append(jc.Tables, jt)
	}
	for _, v := range c.Text {
		jc.Text = append(jc.Text, j.pv(v))
	}
	return jc
}

func (j parseValues) fieldsJSON(fs []partnerhub.Field) []parseAttr {
	out := []parseAttr{}
	for _, f := range fs {
		out = append(out, parseAttr{Key: f.Key.Text, Value: j.pv(f.Value)})
	}
	return out
}
