package pslog

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// urlPattern is an absolute http or https URL, its host possibly an IPv6
// literal in brackets; it ends at white space, quotes, angle brackets and
// the other characters a URL cannot hold unescaped.
const urlPattern = `https?://(?:\[[0-9A-Fa-f:.]+\])?[^\s"'<>\[\]{}|\\^` + "`" + `]*`

// patterns are the regular expressions that find HTTP traffic in a line,
// wherever the log's own framing (time stamps, levels, thread names,
// wire-log arrows and quotes) puts it. None of them assumes a position in
// the line. They are compiled when the first log is read: most snapshots
// hold none, and compiling them cost every run of bwlint about half a
// millisecond.
type patterns struct {
	// requestLine is a method and its target: an absolute URL, or a path
	// followed by the HTTP version. "POST request to https://..." is read
	// too.
	requestLine *regexp.Regexp
	// statusLine is an HTTP status line's version, code and reason.
	statusLine *regexp.Regexp
	// statusWord is a status a log message states in words: "response
	// code: 409", "status=403", "StatusCode=200", "HTTP status 401".
	statusWord *regexp.Regexp
	// absoluteURL is any absolute URL.
	absoluteURL *regexp.Regexp
	// header is a header line's "Name: ", at the start of what the line
	// says.
	header *regexp.Regexp

	profileOpenXML, profileCloseXML, profileOpenJSON *regexp.Regexp
	// nodeXML is an element of a subscriber profile: its name and
	// whether it closes itself.
	nodeXML *regexp.Regexp
	// nodeJSON is a member of a subscriber profile with a string, number
	// or null value.
	nodeJSON *regexp.Regexp

	messageXML, messageJSON *regexp.Regexp

	// Secrets: header values (also written "Authorization=..." in
	// dumps of header maps), password elements and members, key=value
	// pairs of query strings and forms, and URL user information.
	secretHeader, secretXML, secretJSON, secretPair, secretUser *regexp.Regexp
}

var compiledPatterns = sync.OnceValue(func() *patterns {
	return &patterns{
		requestLine: regexp.MustCompile(`\b(GET|POST|PUT|DELETE|PATCH)\s+(?:(?:request|to)\s+)*(` + urlPattern + `|/[^\s"'<>\[\]]*)(\s+HTTP/\d(?:\.\d)?)?`),
		statusLine:  regexp.MustCompile(`\bHTTP/\d(?:\.\d)?\s+([1-5]\d\d)\b(?:[ \t]+([A-Za-z][A-Za-z' -]*[A-Za-z]))?`),
		statusWord:  regexp.MustCompile(`(?i)\b(?:(?:response|status)(?:[ _-]?code)?|http[ _-]?status)["']?(?:\s*[:=]\s*|\s+)["']?([1-5]\d\d)\b`),
		absoluteURL: regexp.MustCompile(urlPattern),
		header:      regexp.MustCompile(`^([A-Za-z][A-Za-z0-9-]{0,63}):[ \t]*`),

		profileOpenXML:  regexp.MustCompile(`<(?:[\w.-]+:)?subscriberProfile\b[^>]*>`),
		profileCloseXML: regexp.MustCompile(`</(?:[\w.-]+:)?subscriberProfile\s*>`),
		profileOpenJSON: regexp.MustCompile(`"subscriberProfile"\s*:\s*\{`),
		nodeXML:         regexp.MustCompile(`(?i)<(?:[\w.-]+:)?(bwuserid|group|serviceProvider|primaryPhoneNumber|email)(?:\s[^>]*)?(/?)>`),
		nodeJSON:        regexp.MustCompile(`(?i)"(bwuserid|group|serviceProvider|primaryPhoneNumber|email)"\s*:\s*("(?:[^"\\]|\\.)*"|null|-?[0-9]+)`),

		messageXML:  regexp.MustCompile(`<(?:[\w.-]+:)?message\s*>([^<]*)</(?:[\w.-]+:)?message\s*>`),
		messageJSON: regexp.MustCompile(`"message"\s*:\s*("(?:[^"\\]|\\.)*")`),

		secretHeader: regexp.MustCompile(`(?i)\b(proxy-authorization|authorization|set-cookie|cookie)\s*[:=]\s*`),
		secretXML:    regexp.MustCompile(`(?i)<(?:[\w.-]+:)?[\w.-]*(?:password|passwd|secret)[\w.-]*(?:\s[^>]*)?>`),
		secretJSON:   regexp.MustCompile(`(?i)"[\w.-]*(?:password|passwd|secret|token)[\w.-]*"\s*:\s*"`),
		secretPair:   regexp.MustCompile(`(?i)\b[\w.-]*(?:password|passwd|secret|token)=`),
		secretUser:   regexp.MustCompile(`://[^/\s:@"'<>]+:([^/\s@"'<>]+)@`),
	}
})

// correlationHeaders name headers whose value ties a response to its
// request, compared without regard to case.
var correlationHeaders = []string{"TrackingID", "X-Request-Id", "X-Correlation-Id", "X-BroadSoft-Correlation-Id"}

// secretHeaderNames are headers whose value is a credential whatever
// source.IsSecretName says of the name.
var secretHeaderNames = []string{"authorization", "proxy-authorization", "cookie", "set-cookie"}

// tailEnd returns where what a line says ends: before trailing spaces,
// a wire log's "[\r][\n]" markers and, on a wire log's line (one with a
// '>> "' or '<< "' arrow), the quote that closes it. Values that run to
// the end of their line end there; it is computed once a line, so that
// many values on a long line cost no more than one.
func tailEnd(line string) int {
	wire := strings.Contains(line, `>> "`) || strings.Contains(line, `<< "`)
	end := len(line)
	for {
		trimmed := strings.TrimRight(line[:end], " \t")
		switch {
		case wire && strings.HasSuffix(trimmed, `"`):
			trimmed = trimmed[:len(trimmed)-1]
			wire = false // only the one quote
		case strings.HasSuffix(trimmed, `[\r]`), strings.HasSuffix(trimmed, `[\n]`):
			trimmed = trimmed[:len(trimmed)-4]
		default:
			return len(trimmed)
		}
		end = len(trimmed)
	}
}

// cut returns where a value that starts at i and may not run past limit
// ends: at the first of stops, or at limit.
func cut(line string, i, limit int, stops string) int {
	if limit < i {
		return i
	}
	if k := strings.IndexAny(line[i:limit], stops); k >= 0 {
		return i + k
	}
	return limit
}

// jsonString decodes a JSON string literal, quotes included; ok is false
// for anything else (null, a number).
func jsonString(lit string) (string, bool) {
	if len(lit) >= 2 && lit[0] == '"' && lit[len(lit)-1] == '"' && !strings.Contains(lit, `\`) {
		return lit[1 : len(lit)-1], true // no escapes: the bytes as they are
	}
	var s string
	if err := json.Unmarshal([]byte(lit), &s); err != nil {
		return "", false
	}
	return s, true
}

// xmlText resolves the escapes of XML character data: the five entities
// XML predefines and character references; anything else stays as
// written, since nothing is ever declared.
func xmlText(raw string) string {
	if !strings.Contains(raw, "&") {
		return raw
	}
	var b strings.Builder
	for i := 0; i < len(raw); {
		j := strings.IndexByte(raw[i:], '&')
		if j < 0 {
			b.WriteString(raw[i:])
			break
		}
		b.WriteString(raw[i : i+j])
		i += j
		k := strings.IndexByte(raw[i:], ';')
		if k < 0 {
			b.WriteString(raw[i:])
			break
		}
		if r, ok := entity(raw[i+1 : i+k]); ok {
			b.WriteRune(r)
		} else {
			b.WriteString(raw[i : i+k+1])
		}
		i += k + 1
	}
	return b.String()
}

func entity(name string) (rune, bool) {
	switch name {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	num, ok := strings.CutPrefix(name, "#")
	if !ok {
		return 0, false
	}
	base := 10
	if hex, ok := strings.CutPrefix(num, "x"); ok {
		num, base = hex, 16
	}
	n, err := strconv.ParseUint(num, base, 32)
	if err != nil || n == 0 || n > unicode.MaxRune || n >= 0xD800 && n < 0xE000 {
		return 0, false
	}
	return rune(n), true
}

// threadName finds a thread or connection name in a line's framing: a
// word that starts with a letter and ends in a hyphen and digits
// ("Thread-18", "pool-2-thread-1", "http-nio-8080-exec-3"), or the value
// of "tid=", "thread=" or "threadId:" ("tid=42"). It returns the name's
// bounds in s; ok is false when there is none. It runs on every line that
// may continue an exchange, so it is written out rather than a regular
// expression.
func threadName(s string) (start, end int, ok bool) {
	for i := 0; i < len(s); {
		for i < len(s) && isThreadSeparator(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isThreadSeparator(s[j]) {
			j++
		}
		word := s[i:j]
		if k := strings.IndexAny(word, "=#"); k > 0 && isThreadKey(word[:k]) && k+1 < len(word) {
			return i + k + 1, j, true
		}
		if isThreadWord(word) {
			return i, i + len(strings.TrimSuffix(word, ":")), true
		}
		i = j
	}
	return 0, 0, false
}

func isThreadSeparator(c byte) bool {
	switch c {
	case ' ', '\t', '[', ']', '|', '(', ')', ',':
		return true
	}
	return false
}

func isThreadKey(k string) bool {
	switch strings.ToLower(k) {
	case "tid", "thread", "threadid", "thread-id":
		return true
	}
	return false
}

// isThreadWord reports a word made of letters, digits, '_', '.' and '-',
// starting with a letter and ending in '-' and digits; a trailing ':' is
// allowed, as in "Thread-18:".
func isThreadWord(w string) bool {
	w = strings.TrimSuffix(w, ":")
	if w == "" || !isLetter(w[0]) {
		return false
	}
	k := len(w)
	for k > 0 && isDigit(w[k-1]) {
		k--
	}
	if k == len(w) || k < 2 || w[k-1] != '-' {
		return false
	}
	for i := 0; i < k; i++ {
		c := w[i]
		if !isLetter(c) && !isDigit(c) && c != '_' && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' }
