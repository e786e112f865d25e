// Package browser opens pages in a real headless Chromium for the tests
// of the HTML reports: the document as the browser holds it once the
// page's script has run, a screenshot, and the page printed to PDF. It
// runs Debian's chromium package (or any chromium or google-chrome on
// the PATH) from its command line, one process per page, each with a
// profile of its own.
package browser
