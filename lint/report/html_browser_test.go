package report

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/judge"
	"github.com/bwlint/bwlint/lint/report/browser"
)

// TestHTMLInBrowser opens each golden report in a headless Chromium, as
// an auditor opens the file from a USB stick, and checks what they would
// see: the findings per severity the run had, each waived finding shown
// as waived with its waiver, no secret anywhere in the page, the filters
// working from the page's own script, and a screenshot and a PDF.
func TestHTMLInBrowser(t *testing.T) {
	chromium := browser.Find(t)
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			t.Parallel()
			golden := filepath.Join("testdata", fx.name+".html")
			dom := chromium.DOM(t, golden, "")
			articles := dom.Elements("article")

			want := map[string]int{}
			for _, f := range fx.res.Findings {
				want[f.Severity.String()]++
			}
			for _, sev := range []string{"error", "warning", "note"} {
				got := 0
				for _, a := range articles {
					if a.Attrs["data-severity"] == sev {
						got++
					}
				}
				if got != want[sev] {
					t.Errorf("%d %s findings on the page, the run has %d", got, sev, want[sev])
				}
				if n, _ := dom.Text("count-" + sev); n != fmt.Sprint(want[sev]) {
					t.Errorf("the summary counts %q %s findings, the run has %d", n, sev, want[sev])
				}
			}
			for _, a := range articles {
				if a.Has("hidden") {
					t.Errorf("finding %s is hidden on a page opened without a filter", a.Attrs["id"])
				}
			}
			if shown, _ := dom.Text("shown"); shown != fmt.Sprintf("%d of %d findings shown", len(fx.res.Findings), len(fx.res.Findings)) {
				t.Errorf("the filter line says %q", shown)
			}

			waived := 0
			for i, f := range fx.res.Findings {
				if f.Waiver == nil || f.State == judge.StateFixed {
					continue
				}
				waived++
				id := fmt.Sprintf("f%d", i+1)
				a := articleByID(articles, id)
				if a == nil || a.Attrs["data-status"] != "waived" {
					t.Errorf("waived finding %s (%s on %s) is not shown as waived: %v", id, f.Check, f.Host, a)
				}
				if !strings.Contains(dom.HTML, "waived by <a href=\"#waiver-"+f.Waiver.Name+"\">") {
					t.Errorf("the page does not say finding %s is waived by %s", id, f.Waiver.Name)
				}
			}
			if waived > 0 {
				filtered := chromium.DOM(t, golden, "status=waived")
				visible := 0
				for _, a := range filtered.Elements("article") {
					if !a.Has("hidden") {
						visible++
						if a.Attrs["data-status"] != "waived" {
							t.Errorf("filtered on waived, the page still shows %s (%s)", a.Attrs["id"], a.Attrs["data-status"])
						}
					}
				}
				if visible != waived {
					t.Errorf("filtered on waived, the page shows %d findings, want %d", visible, waived)
				}
				if shown, _ := filtered.Text("shown"); shown != fmt.Sprintf("%d of %d findings shown", waived, len(fx.res.Findings)) {
					t.Errorf("filtered on waived, the filter line says %q", shown)
				}
			}

			for _, secret := range []string{"hunter2", "w4b-secret"} {
				if strings.Contains(dom.HTML, secret) {
					t.Errorf("the page holds the secret %q", secret)
				}
			}

			dir := t.TempDir()
			shot := filepath.Join(dir, "report.png")
			chromium.Screenshot(t, golden, shot, 1280, 1600)
			assertPNG(t, shot, 1280, 1600)
			pdf := filepath.Join(dir, "report.pdf")
			chromium.PDF(t, golden, pdf)
			b, err := os.ReadFile(pdf)
			if err != nil {
				t.Fatal(err)
			}
			if pages := len(pdfPage.FindAll(b, -1)); !bytes.HasPrefix(b, []byte("%PDF-")) || pages < 2 {
				t.Errorf("the PDF (%d bytes, %d pages) is not the report printed", len(b), pages)
			}
		})
	}
}

// TestHTMLFilters: the page's script filters by host and severity and
// searches the findings' text, from a link that carries the filter.
func TestHTMLFilters(t *testing.T) {
	chromium := browser.Find(t)
	fx := mixedFixture(t)
	golden := filepath.Join("testdata", "mixed.html")
	for _, tc := range []struct {
		fragment string
		want     func(judge.Finding) bool
	}{
		{"host=as1&hide=note", func(f judge.Finding) bool { return f.Host == "as1" && f.Severity.String() != "note" }},
		{"q=provisioninguserid", func(f judge.Finding) bool {
			return strings.Contains(strings.ToLower(f.Message+" "+f.Logical.Key), "provisioninguserid")
		}},
	} {
		t.Run(tc.fragment, func(t *testing.T) {
			t.Parallel()
			var want []string
			for i, f := range fx.res.Findings {
				if tc.want(f) {
					want = append(want, fmt.Sprintf("f%d", i+1))
				}
			}
			if len(want) == 0 || len(want) == len(fx.res.Findings) {
				t.Fatalf("the filter %s keeps %d of %d findings: it tests nothing", tc.fragment, len(want), len(fx.res.Findings))
			}
			var got []string
			for _, a := range chromium.DOM(t, golden, tc.fragment).Elements("article") {
				if !a.Has("hidden") {
					got = append(got, a.Attrs["id"])
				}
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("filtered on %s, the page shows %v, want %v", tc.fragment, got, want)
			}
		})
	}
}

// pdfPage is a page object of a PDF (and not the /Pages tree above them).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

func articleByID(as []browser.Element, id string) *browser.Element {
	for i := range as {
		if as[i].Attrs["id"] == id {
			return &as[i]
		}
	}
	return nil
}

func assertPNG(t *testing.T, path string, width, height int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != width || b.Dy() != height {
		t.Errorf("the screenshot is %dx%d, want %dx%d", b.Dx(), b.Dy(), width, height)
	}
}
