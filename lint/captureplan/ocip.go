package captureplan

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/bwlint/bwlint/lint"
)

// OCIP writes the OCI-P requests of the plan as request documents
// (docs/inputs-ocip.md), one per capture, each after a comment that says
// where its response belongs and which checks read it.
func OCIP(w io.Writer, p *Plan, _ Meta) error {
	t := &textWriter{w: w}
	n := 0
	for _, s := range p.Deployment {
		if s.Source == lint.FromOCIP {
			n++
		}
	}
	if n == 0 {
		t.line("<!-- bwlint capture plan: no enabled check reads an OCI-P response; there is nothing to request. -->")
		return t.err
	}
	t.line("<!-- bwlint capture plan: %s. Send each document to one Application Server of", plural(n, "OCI-P request"))
	t.line("     each AS cluster with any OCI-P client, logged in as a system or reseller")
	t.line("     administrator, and save the response where its comment says")
	t.line("     (docs/inputs-ocip.md). Replace the values in capitals. -->")
	for i := range p.Deployment {
		s := &p.Deployment[i]
		if s.Source != lint.FromOCIP {
			continue
		}
		t.line("")
		what := "save the response as " + s.File + ", " + forChecks(s.Needs)
		if s.Host != "" {
			what += " (" + s.Host + ")"
		}
		t.line("<!-- %s -->", xmlComment(what))
		t.line(`<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
		t.line(`  <sessionId xmlns="">bwlint-capture</sessionId>`)
		if len(s.Params) == 0 {
			t.line(`  <command xsi:type="%s" xmlns=""/>`, xmlText(s.Text))
		} else {
			t.line(`  <command xsi:type="%s" xmlns="">`, xmlText(s.Text))
			for _, prm := range s.Params {
				t.line("    <%s>%s</%s>", prm.Name, xmlText(prm.Value), prm.Name)
			}
			t.line("  </command>")
		}
		t.line("</BroadsoftDocument>")
	}
	return t.err
}

// xmlText escapes text for XML content and attribute values.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// xmlComment keeps text inside an XML comment, which may hold no "--".
func xmlComment(s string) string {
	s = commentSafe(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	if strings.HasSuffix(s, "-") {
		s += " "
	}
	return s
}
