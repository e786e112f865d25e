package report

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/lint/judge"
)

func TestHTMLGolden(t *testing.T) {
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			goldenTestdata(t, fx.name+".html", render(t, HTML, fx))
		})
	}
}

// TestHTMLIsSelfContained: the page loads nothing — no element that
// fetches, no style that imports — and allows itself nothing but its own
// style and script.
func TestHTMLIsSelfContained(t *testing.T) {
	page := render(t, HTML, mixedFixture(t))
	for _, re := range []string{`(?i)<(link|img|iframe|object|embed|audio|video|source)\b`, `(?i)\ssrc=`, `(?i)@import`, `(?i)url\(`, `(?i)<base\b`} {
		if m := regexp.MustCompile(re).FindString(page); m != "" {
			t.Errorf("the page holds %q, which would load something", m)
		}
	}
	if !strings.Contains(page, `content="default-src &#39;none&#39;; style-src &#39;sha256-`) &&
		!strings.Contains(page, `content="default-src 'none'; style-src 'sha256-`) {
		t.Errorf("no content security policy that forbids loading anything:\n%s", page[:min(len(page), 600)])
	}
}

// TestHTMLEscapesEverything: text from the captures and the policy is
// shown as text, never as markup.
func TestHTMLEscapesEverything(t *testing.T) {
	fx := mixedFixture(t)
	fx.res.Findings[0].Message = `<script>alert("x")</script> & <b>bold</b>`
	waived := slices.IndexFunc(fx.res.Findings, func(f judge.Finding) bool { return f.Waiver != nil })
	if waived < 0 {
		t.Fatal("the mixed fixture has no waived finding")
	}
	fx.res.Findings[waived].Waiver.Reason = `"><img src=x onerror=alert(1)>`
	page := render(t, HTML, fx)
	for _, raw := range []string{`<script>alert`, `<b>bold`, `<img src=x`, "\x1b"} {
		if strings.Contains(page, raw) {
			t.Errorf("the page holds %q unescaped", raw)
		}
	}
	if !strings.Contains(page, `&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;`) {
		t.Errorf("the message is not shown escaped")
	}
	if !strings.Contains(page, `&#34;&gt;&lt;img src=x onerror=alert(1)&gt;`) {
		t.Errorf("the waiver's reason is not shown escaped")
	}
}

// TestHTMLWithoutScript: the page as written, before any script runs,
// shows every finding and hides only the filter form, which needs the
// script; printed or opened with scripting off, nothing is missing.
func TestHTMLWithoutScript(t *testing.T) {
	fx := mixedFixture(t)
	page := render(t, HTML, fx)
	if !strings.Contains(page, `<form id="filters" class="filters" hidden>`) {
		t.Error("the filter form is not hidden until the script shows it")
	}
	if n := strings.Count(page, `<article class="finding `); n != len(fx.res.Findings) {
		t.Errorf("%d findings on the page, the run has %d", n, len(fx.res.Findings))
	}
	if regexp.MustCompile(`<(article|section|tr)\b[^>]*\shidden\b`).MatchString(page) {
		t.Error("the page hides content before any script runs")
	}
}
