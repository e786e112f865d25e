package captureplan

import (
	"encoding/json"
	"io"

	"github.com/bwlint/bwlint/lint"
)

// JSONVersion is the version of the capture plan's JSON
// (docs/schemas/capture-plan.schema.json): it changes only when a field
// is removed or changes meaning.
const JSONVersion = 1

// JSONKind is the capture plan's kind, as every JSON bwlint writes names
// its own.
const JSONKind = "capture-plan"

type jsonPlan struct {
	Version     int        `json:"version"`
	Kind        string     `json:"kind"`
	Tool        jsonTool   `json:"tool"`
	Policy      Policy     `json:"policy"`
	Snapshot    string     `json:"snapshot"`
	OnlyMissing bool       `json:"only_missing"`
	Checks      []string   `json:"checks"`
	Roles       []jsonRole `json:"roles"`
	Hosts       []jsonHost `json:"hosts"`
	Deployment  []jsonStep `json:"deployment"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonRole struct {
	Role   string     `json:"role"`
	Server string     `json:"server"`
	Hosts  []string   `json:"hosts"`
	Steps  []jsonStep `json:"steps"`
}

type jsonHost struct {
	Name      string     `json:"name"`
	Role      string     `json:"role"`
	Server    string     `json:"server"`
	WholeRole bool       `json:"whole_role"`
	Steps     []jsonStep `json:"steps"`
}

type jsonStep struct {
	Source    string      `json:"source"`
	Context   string      `json:"context"`
	Command   string      `json:"command"`
	Params    []jsonParam `json:"params"`
	Line      string      `json:"line"`
	Confirms  bool        `json:"confirms"`
	Host      string      `json:"host"`
	File      string      `json:"file"`
	Prepares  []string    `json:"prepares"`
	Checks    []jsonNeed  `json:"checks"`
	Optional  bool        `json:"optional"`
	IfPresent bool        `json:"if_present"`
	Manual    bool        `json:"manual"`
	Reasons   []string    `json:"reasons"`
}

type jsonParam struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type jsonNeed struct {
	Check    string `json:"check"`
	Optional bool   `json:"optional"`
}

// JSON writes the plan for scripts (docs/schemas/capture-plan.schema.json).
// Lists are never null.
func JSON(w io.Writer, p *Plan, m Meta) error {
	out := jsonPlan{
		Version: JSONVersion, Kind: JSONKind, Tool: jsonTool{Name: lint.ToolName, Version: lint.Version},
		Policy: m.Policy, Snapshot: m.Snapshot, OnlyMissing: p.Missing,
		Checks: nonNil(p.Checks), Roles: []jsonRole{}, Hosts: []jsonHost{}, Deployment: jsonSteps(p.Deployment),
	}
	for _, r := range p.Roles {
		out.Roles = append(out.Roles, jsonRole{Role: string(r.Role), Server: r.Server, Hosts: nonNil(r.Hosts), Steps: jsonSteps(r.Steps)})
	}
	for _, h := range p.Hosts {
		out.Hosts = append(out.Hosts, jsonHost{Name: h.Name, Role: string(h.Role), Server: h.server(), WholeRole: h.WholeRole, Steps: jsonSteps(h.Steps)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func jsonSteps(steps []Step) []jsonStep {
	out := []jsonStep{}
	for _, s := range steps {
		j := jsonStep{
			Source: string(s.Source), Context: s.Context, Command: s.Text, Params: []jsonParam{}, Line: s.Line(),
			Confirms: s.Confirms, Host: s.Host, File: s.File, Prepares: nonNil(s.Prepares), Checks: []jsonNeed{},
			Optional: s.Optional(), IfPresent: s.IfPresent, Manual: s.Manual(), Reasons: nonNil(s.Reasons),
		}
		for _, p := range s.Params {
			j.Params = append(j.Params, jsonParam(p))
		}
		for _, n := range s.Needs {
			j.Checks = append(j.Checks, jsonNeed(n))
		}
		out = append(out, j)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
