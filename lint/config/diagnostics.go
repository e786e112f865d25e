package config

import (
	"bytes"
	"fmt"
	"io"

	"github.com/hashicorp/hcl/v2"
)

// WriteDiagnostics prints diagnostics for people: each starts with a
// compiler-style "file:line:column: error: summary" line, which editors
// and terminals turn into a link, followed by HCL's own rendering of the
// source snippet and the detail. files are the parsed files
// (Config.Files) that snippets are cut from.
func WriteDiagnostics(w io.Writer, diags hcl.Diagnostics, files map[string]*hcl.File, color bool) error {
	for _, d := range diags {
		if _, err := fmt.Fprintf(w, "%s: %s: %s\n", position(d), severity(d), d.Summary); err != nil {
			return err
		}
		body := []byte(d.Detail + "\n\n")
		if d.Subject != nil && d.Subject.Start.Line > 0 {
			var buf bytes.Buffer
			if err := hcl.NewDiagnosticTextWriter(&buf, files, 0, color).WriteDiagnostic(d); err != nil {
				return err
			}
			// HCL starts with "Error: summary" and a blank line, which
			// the header above already says, with the position.
			body = buf.Bytes()
			if i := bytes.Index(body, []byte("\n\n")); i >= 0 {
				body = body[i+2:]
			}
		}
		if _, err := w.Write(body); err != nil {
			return err
		}
	}
	return nil
}

// position is "file:line:column", or the file alone for a problem with
// the whole file (it cannot be read).
func position(d *hcl.Diagnostic) string {
	s := d.Subject
	switch {
	case s == nil:
		return "bwlint"
	case s.Start.Line == 0:
		return s.Filename
	}
	return fmt.Sprintf("%s:%d:%d", s.Filename, s.Start.Line, s.Start.Column)
}

func severity(d *hcl.Diagnostic) string {
	if d.Severity == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}
