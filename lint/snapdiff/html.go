package snapdiff

import (
	"fmt"
	"io"
	"strings"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/report"
)

// HTML writes the review as the HTML audit report does a lint run (one
// self-contained page, lint/report.HTML), the after snapshot's run with
// every finding's state, and the change itself after the summary: the
// verdict, the evidence the change lost, the findings by state, the
// settings changed per host, the captures that differ, and the before
// snapshot's evidence list and input problems.
func HTML(w io.Writer, r *Review, o Options) error {
	res := judge.New(&lint.Result{}, judge.Notes{})
	if r.After.Result != nil {
		c := *r.After.Result
		res = &c
	}
	res.Findings = byState(r.Findings)
	page := report.NewHTMLPage(res, report.Options{
		Snapshot: r.After.Snapshot, Threshold: o.Threshold, MissingEvidence: o.MissingEvidence, ExitCode: o.ExitCode,
		Policy: o.Policy, Invocation: o.Invocation, MaskPersonal: r.After.MaskPersonal,
	})
	page.Kind = "diff"
	page.Title = "bwlint review: " + source.Printable(r.Before.Snapshot.Root) + " → " + source.Printable(r.After.Snapshot.Root)
	for i, f := range res.Findings {
		hf := &page.Findings[i]
		switch {
		case r.introduces(f, o.Threshold):
			hf.Status, hf.Label = "counting", "introduced by the change"
		case f.State == judge.StateUnchanged && hf.Status == "counting":
			hf.Status, hf.Label = "unchanged", "there before the change"
		}
		if f.State == judge.StateFixed {
			hf.Position = "before: " + hf.Position
		}
	}
	s := Summarize(r, o)
	page.Verdict = VerdictLine(s)
	page.Review = htmlReview(r, s)
	return report.WriteHTML(w, page, reviewTemplate)
}

// htmlRev is what the review block shows.
type htmlRev struct {
	Before, After string
	Summary       Summary
	// Changes counts the changes in words.
	Changes     string
	Lost        []htmlLost
	Hosts       []htmlHostChanges
	Files       []htmlFile
	BeforeProbs []report.HTMLProblem
	BeforePack  report.EvidencePack
}

type htmlLost struct{ Check, Host, Status, Reasons string }

type htmlHostChanges struct {
	Title   string
	Changes []htmlChange
}

type htmlChange struct {
	Kind, Where, Before, After string
	// NoBefore and NoAfter mark the side where the thing does not exist.
	NoBefore, NoAfter bool
}

type htmlFile struct{ Path, Host, Status string }

func htmlReview(r *Review, s Summary) htmlRev {
	p := source.Printable
	h := htmlRev{Before: p(r.Before.Snapshot.Root), After: p(r.After.Snapshot.Root), Summary: s,
		BeforePack: report.NewEvidencePack(r.Before.Snapshot).Printable(),
		Changes: fmt.Sprintf("%d: %d added, %d removed, %d changed, in %s; %d hosts added, %d removed", s.Changes,
			s.ByKind[Added], s.ByKind[Removed], s.ByKind[Changed], plural(s.FilesChanged, "file"), s.ByKind[HostAdded], s.ByKind[HostRemoved])}
	for _, l := range r.LostEvidence {
		h.Lost = append(h.Lost, htmlLost{Check: l.Check, Host: p(l.Host), Status: strings.ReplaceAll(string(l.Status), "_", " "), Reasons: p(strings.Join(l.Reasons, "; "))})
	}
	for _, host := range hostsOf(r) {
		hc := htmlHostChanges{Title: p(hostTitle(host))}
		for _, c := range r.Changes {
			if c.Host != host {
				continue
			}
			ch := htmlChange{Kind: strings.ReplaceAll(string(c.Kind), "_", " "), Where: p(subject(c)), Before: p(c.Before), After: p(c.After),
				NoBefore: c.BeforeLocation.Filename == "", NoAfter: c.AfterLocation.Filename == ""}
			if c.Secret {
				ch.Before, ch.After = source.Redacted, source.Redacted
			}
			hc.Changes = append(hc.Changes, ch)
		}
		if len(hc.Changes) > 0 {
			h.Hosts = append(h.Hosts, hc)
		}
	}
	for _, c := range r.Captures {
		h.Files = append(h.Files, htmlFile{Path: p(c.Path), Host: p(c.Host), Status: string(c.Status)})
	}
	for _, pr := range r.Before.Snapshot.Problems {
		h.BeforeProbs = append(h.BeforeProbs, report.HTMLProblem{Severity: pr.Severity.String(), Position: p(position(pr.Range)), Message: p(pr.Message)})
	}
	return h
}

// reviewTemplate is the review block of the page; its dot is the page.
const reviewTemplate = `{{define "review"}}{{with .Review}}
<section id="review">
<h2>The change</h2>
<table class="kv">
<tr><th scope="row">Before</th><td><code>{{.Before}}</code>, manifest sha256 <code class="digest">{{.BeforePack.ManifestSHA256}}</code></td></tr>
<tr><th scope="row">After</th><td><code>{{.After}}</code></td></tr>
<tr><th scope="row">Changes</th><td>{{.Changes}}</td></tr>
<tr><th scope="row">Findings</th><td id="review-findings">{{index .Summary.Findings "new"}} new, {{index .Summary.Findings "changed"}} changed, {{index .Summary.Findings "fixed"}} fixed, {{index .Summary.Findings "unverified"}} unverified, {{index .Summary.Findings "unchanged"}} unchanged; {{.Summary.Introduced}} introduced at or above {{.Summary.FailOn}}</td></tr>
<tr><th scope="row">Lost evidence</th><td>{{.Summary.LostEvidence}}</td></tr>
<tr><th scope="row">Evidence gaps</th><td>{{.Summary.EvidenceGaps.Before}} before, {{.Summary.EvidenceGaps.After}} after</td></tr>
<tr><th scope="row">Input problems</th><td>{{.Summary.InputProblems.Before}} before, {{.Summary.InputProblems.After}} after</td></tr>
</table>
{{- if .Lost}}
<h3>Lost evidence</h3>
<p>Evaluated before the change, not after: what these checks found before is neither confirmed nor fixed.</p>
<table>
<thead><tr><th>Check</th><th>Host</th><th>After</th><th>Why</th></tr></thead>
<tbody>
{{- range .Lost}}
<tr data-filter data-host="{{.Host}}"><td><code>{{.Check}}</code></td><td>{{.Host}}</td><td>{{.Status}}</td><td>{{.Reasons}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
<h3>Settings changed</h3>
{{- if not .Hosts}}
<p class="none">No setting changed.</p>
{{- end}}
{{- range .Hosts}}
<h4>{{.Title}}</h4>
<table>
<thead><tr><th>Change</th><th>Where</th><th>Before</th><th>After</th></tr></thead>
<tbody>
{{- range .Changes}}
<tr data-filter><td>{{.Kind}}</td><td><code>{{.Where}}</code></td><td>{{if .NoBefore}}—{{else}}<code>{{.Before}}</code>{{end}}</td><td>{{if .NoAfter}}—{{else}}<code>{{.After}}</code>{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- if .Files}}
<h3>Captures that differ</h3>
<table>
<thead><tr><th>File</th><th>Host</th><th>Change</th></tr></thead>
<tbody>
{{- range .Files}}
<tr data-filter data-host="{{.Host}}"><td><code>{{.Path}}</code></td><td>{{.Host}}</td><td>{{.Status}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- if .BeforeProbs}}
<h3>Input problems of the before snapshot</h3>
<table>
<thead><tr><th>Severity</th><th>Where</th><th>Problem</th></tr></thead>
<tbody>
{{- range .BeforeProbs}}
<tr data-filter><td><span class="sev {{.Severity}}">{{.Severity}}</span></td><td><code>{{.Position}}</code></td><td>{{.Message}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
<h3>Evidence of the before snapshot</h3>
<div class="scroll">
<table class="evidence">
<thead><tr><th>File</th><th>Host</th><th>Captured</th><th>From</th><th>SHA-256</th></tr></thead>
<tbody>
{{- range .BeforePack.Files}}
<tr data-filter data-host="{{.Host}}"><td><code>{{.Path}}</code></td><td>{{.Host}}</td><td class="nowrap">{{.CapturedAt}}</td><td>{{if eq .CapturedFrom "file_time"}}file time{{else}}{{.CapturedFrom}} header{{end}}</td><td><code class="digest">{{or .SHA256 "not read"}}</code></td></tr>
{{- end}}
</tbody>
</table>
</div>
</section>
{{- end}}{{end}}`

// hostsOf lists the hosts that have changes or captures, in order; ""
// (Partner Hub and device management) first, as in the lint report.
func hostsOf(r *Review) []string {
	seen := map[string]bool{}
	for _, c := range r.Changes {
		seen[c.Host] = true
	}
	for _, c := range r.Captures {
		seen[c.Host] = true
	}
	return sortedKeys(seen)
}

func hostTitle(host string) string {
	if host == "" {
		return "Partner Hub and device management"
	}
	return "host " + host
}
