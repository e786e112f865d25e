package browser

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Chromium is a headless Chromium the tests start, a process per page.
type Chromium struct {
	path string
}

// names are the executables tried, in order: Debian's package first.
var names = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Find returns the Chromium on the PATH. Without one the test is
// skipped, except where the environment variable CI is set: there the
// test fails, since CI must run it (.ci/run installs the package).
func Find(t testing.TB) *Chromium {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return &Chromium{path: p}
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("no headless browser (%s) on the PATH, and CI must run the HTML report in one: apt-get install chromium", strings.Join(names, ", "))
	}
	t.Skipf("no headless browser (%s) on the PATH: apt-get install chromium", strings.Join(names, ", "))
	return nil
}

// timeout bounds one page: a browser that hangs fails the test instead
// of the whole run.
const timeout = 2 * time.Minute

// run loads the page at path (with the fragment, "" for none) with the
// extra flags and returns what the browser wrote on stdout.
func (c *Chromium) run(t testing.TB, path, fragment string, flags ...string) []byte {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), Fragment: fragment}
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--no-default-browser-check", "--disable-extensions",
		"--user-data-dir=" + t.TempDir(),
	}, flags...)
	args = append(args, u.String())
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.path, args...)
	// No session bus in a container: without this Chromium waits for one.
	cmd.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS=disabled:")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", c.path, strings.Join(args, " "), err, lastLines(stderr.String(), 20))
	}
	return stdout.Bytes()
}

// DOM is the document of the page at path, opened with the fragment
// (what follows '#' in its address), serialized once its script ran.
func (c *Chromium) DOM(t testing.TB, path, fragment string) *Document {
	t.Helper()
	out := c.run(t, path, fragment, "--dump-dom")
	if !bytes.Contains(out, []byte("</html>")) {
		t.Fatalf("the browser gave no document for %s:\n%s", path, lastLines(string(out), 20))
	}
	return &Document{HTML: string(out)}
}

// Screenshot writes a PNG of the top width × height pixels of the page.
func (c *Chromium) Screenshot(t testing.TB, path, png string, width, height int) {
	t.Helper()
	c.run(t, path, "", fmt.Sprintf("--window-size=%d,%d", width, height), "--hide-scrollbars", "--screenshot="+mustAbs(t, png))
	if _, err := os.Stat(png); err != nil {
		t.Fatalf("the browser wrote no screenshot of %s: %v", path, err)
	}
}

// PDF prints the page with its print stylesheet to the file pdf, without
// the browser's header and footer.
func (c *Chromium) PDF(t testing.TB, path, pdf string) {
	t.Helper()
	c.run(t, path, "", "--no-pdf-header-footer", "--print-to-pdf="+mustAbs(t, pdf))
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("the browser printed no PDF of %s: %v", path, err)
	}
}

func mustAbs(t testing.TB, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// Document is a page as the browser serialized it: elements in the
// order of the document, attributes quoted with ", and text escaped.
type Document struct {
	HTML string
}

// Element is an element's start tag: its name and attributes.
type Element struct {
	Name  string
	Attrs map[string]string
}

// Has reports whether the element carries the attribute.
func (e Element) Has(name string) bool {
	_, ok := e.Attrs[name]
	return ok
}

var (
	startTag = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*/?>`)
	attr     = regexp.MustCompile(`([^\s=>]+)(?:="([^"]*)")?`)
)

// Elements lists the start tags named name, in document order. The
// browser writes every attribute value in double quotes and escapes
// '"' and '&' inside it, so a tag ends at the first '>' outside quotes.
func (d *Document) Elements(name string) []Element {
	var out []Element
	for _, m := range startTag.FindAllStringSubmatch(d.HTML, -1) {
		if !strings.EqualFold(m[1], name) {
			continue
		}
		e := Element{Name: strings.ToLower(m[1]), Attrs: map[string]string{}}
		for _, a := range attr.FindAllStringSubmatch(m[2], -1) {
			e.Attrs[strings.ToLower(a[1])] = unescape(a[2])
		}
		out = append(out, e)
	}
	return out
}

// Text is the text of the element with the id, markup removed, up to
// the first end tag of its name (enough for the leaf elements the tests
// read: counts, a verdict, a status line); ok is false when there is
// none.
func (d *Document) Text(id string) (string, bool) {
	re := regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)[^>]*\sid="` + regexp.QuoteMeta(id) + `"[^>]*>`)
	loc := re.FindStringSubmatchIndex(d.HTML)
	if loc == nil {
		return "", false
	}
	name := d.HTML[loc[2]:loc[3]]
	rest := d.HTML[loc[1]:]
	end := strings.Index(rest, "</"+name+">")
	if end < 0 {
		return "", false
	}
	return unescape(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(rest[:end], "")), true
}

func unescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&nbsp;", "\u00a0", "&amp;", "&").Replace(s)
}
