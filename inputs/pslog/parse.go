package pslog

import (
	"cmp"
	"net/url"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// Bounds of what belongs to an exchange: its body must start within
// maxBodyDistance lines of its first line, and a subscriber profile end
// within maxProfileLines of its start. A PSLog records much besides; a
// structure further away belongs to something else.
const (
	maxBodyDistance = 200
	maxProfileLines = 1000
)

// span is a piece of the text: bytes [start, end), their line, and the
// value they hold. ok is false for an absent piece.
type span struct {
	start, end int
	text       string
	ok         bool
}

// event is a request or a response found in the text.
type event struct {
	response bool
	// line is where it starts, last the last line holding a part of it.
	line, last int
	// at is the offset of its first byte, end of its last line's end.
	at, end int
	thread  span
	headers []rawHeader
	// inHeaders is set while the lines after the start may still be
	// header lines, bodyNext once a blank line has ended them.
	inHeaders, bodyNext bool
	// framing is the text before the event on its line: time stamp,
	// level, thread, a wire log's arrow. Lines that continue the event
	// start the same way, digits aside.
	framing string

	method, target, host span
	profile              profileState

	status, reason, message, url span

	pair    *event
	pairing Pairing
}

type rawHeader struct {
	name, value span
	secret      bool
}

// profileState follows a subscriberProfile structure over the lines.
type profileState struct {
	started, complete bool
	format            string
	line              int
	start, end        int
	// depth counts the open braces of a JSON profile.
	depth int
	nodes map[string]span
}

type parser struct {
	text    string
	ix      *source.Index
	events  []*event
	secrets []span
	// byThread maps each thread name to its latest event.
	byThread map[string]*event
	// horizon is the last line that may still continue an event: lines
	// after it are other lines without a look.
	horizon int
	re      *patterns
}

// Parse reads a PSLog excerpt. The framing of PSLog lines is not public,
// so Parse assumes none: it finds HTTP requests and responses, their
// headers and bodies by their own text wherever a line holds them, and
// pairs them (see Pairing). It returns the log, with the lines that are
// not part of any exchange counted, and a warning when the excerpt holds
// no HTTP traffic at all.
func Parse(path, text string) (*Log, []source.Problem) {
	p := &parser{text: text, ix: source.NewIndex(path, text), byThread: map[string]*event{}, re: compiledPatterns()}
	lines := p.ix.Lines()
	if lines > 1 && p.ix.LineStart(lines) == len(text) {
		lines-- // the final line ending
	}
	if text == "" {
		lines = 0
	}
	for n := 1; n <= lines; n++ {
		start := p.ix.LineStart(n)
		end := len(text)
		if n < p.ix.Lines() {
			end = p.ix.LineStart(n+1) - 1
		}
		if end > start && text[end-1] == '\r' {
			end--
		}
		p.line(n, start, end)
	}
	p.pair()
	log := p.build(path, lines)
	var probs []source.Problem
	if len(log.Exchanges) == 0 {
		probs = append(probs, source.Warnf(hcl.Range{Filename: path},
			"no HTTP request or response found in %d lines; capture the PSLog while provisioning a test user (see docs/inputs-pslog.md)", lines))
	}
	return log, probs
}

// line reads line n, the bytes [start, end).
func (p *parser) line(n, start, end int) {
	line := p.text[start:end]
	before := len(p.secrets)
	p.scanSecrets(start, line)
	found := p.findEvents(n, start, line, p.secrets[before:])
	if len(found) == 0 {
		if n > p.horizon {
			return
		}
		if e := p.current(line); e != nil {
			p.continueEvent(e, n, start, line)
		}
		return
	}
	for i, e := range found {
		to := len(line)
		if i+1 < len(found) {
			to = found[i+1].at - start
		}
		p.scanBody(e.event, n, start, line, e.bodyFrom-start, to)
	}
}

// found events carry where their body may start on their own line.
type foundEvent struct {
	*event
	bodyFrom int
}

// findEvents returns the requests and responses that start on the line,
// in order, and records them.
func (p *parser) findEvents(n, start int, line string, secrets []span) []foundEvent {
	var found []foundEvent
	if maybeRequest(line) {
		for _, m := range p.re.requestLine.FindAllStringSubmatchIndex(line, -1) {
			absolute := strings.HasPrefix(line[m[4]:m[5]], "http")
			if !absolute && m[6] < 0 {
				continue // a path without the HTTP version is no request line
			}
			e := &event{line: n, last: n, at: start + m[0], inHeaders: true}
			e.method = p.span(start+m[2], start+m[3])
			e.target = p.span(start+m[4], start+m[5])
			if absolute {
				e.host = p.hostOf(e.target)
			}
			found = append(found, foundEvent{e, start + m[1]})
		}
	}
	if strings.Contains(line, "HTTP/") {
		for _, m := range p.re.statusLine.FindAllStringSubmatchIndex(line, -1) {
			e := &event{response: true, line: n, last: n, at: start + m[0], inHeaders: true}
			e.status = p.span(start+m[2], start+m[3])
			if m[4] >= 0 {
				e.reason = p.span(start+m[4], start+m[5])
			}
			found = append(found, foundEvent{e, start + m[1]})
		}
	}
	if len(found) == 0 && maybeStatusWord(line) {
		cur := p.current(line)
		for _, m := range p.re.statusWord.FindAllStringSubmatchIndex(line, -1) {
			if cur != nil && cur.response && cur.status.text == line[m[2]:m[3]] {
				cur.last = n // the body or a later line repeats the status
				continue
			}
			e := &event{response: true, line: n, last: n, at: start + m[0], inHeaders: true}
			e.status = p.span(start+m[2], start+m[3])
			found = append(found, foundEvent{e, start + m[1]})
		}
	}
	slices.SortFunc(found, func(a, b foundEvent) int { return cmp.Compare(a.at, b.at) })
	// A match inside an earlier one ("POST https://HTTP/1.1 200") is part
	// of it.
	// So is a match that starts inside a secret: a credential is no
	// request.
	kept := found[:0]
	for _, f := range found {
		if (len(kept) == 0 || f.at >= kept[len(kept)-1].bodyFrom) && !overlaps(secrets, f.at, f.at+1) {
			kept = append(kept, f)
		}
	}
	found = kept
	// Every event of the line runs in the thread its framing names, or,
	// for an indented line that continues a log entry, the thread of
	// the entry's first line.
	var th span
	if len(found) > 0 {
		prefix := p.text[start:found[0].at]
		th = p.threadIn(start, prefix)
		if strings.TrimSpace(prefix) == "" && prefix != "" {
			entry, entryTh := p.entryStart(n)
			if !th.ok {
				th = entryTh
			}
			for _, f := range found {
				f.line = entry
			}
		}
	}
	prev := start
	for i, f := range found {
		segEnd := start + len(line)
		if i+1 < len(found) {
			segEnd = found[i+1].at
		}
		f.thread = th
		f.framing = p.text[start:f.at]
		if f.response {
			// "Response code: 401 from https://...": the URL may stand
			// before or after the status.
			if m := p.re.absoluteURL.FindStringIndex(p.text[prev:segEnd]); m != nil {
				f.url = p.span(prev+m[0], prev+m[1])
			}
		}
		f.end = start + len(line)
		p.events = append(p.events, f.event)
		if th.ok {
			p.byThread[th.text] = f.event
		}
		p.horizon = max(p.horizon, n+maxBodyDistance)
		prev = f.bodyFrom
	}
	return found
}

// overlaps reports whether any of spans overlaps [start, end).
func overlaps(spans []span, start, end int) bool {
	for _, s := range spans {
		if s.start < end && start < s.end {
			return true
		}
	}
	return false
}

// maybeRequest and maybeStatusWord are quick tests that spare most lines
// the regular expressions.
func maybeRequest(line string) bool {
	return strings.Contains(line, "POST") || strings.Contains(line, "PUT") || strings.Contains(line, "GET") ||
		strings.Contains(line, "DELETE") || strings.Contains(line, "PATCH")
}

func maybeStatusWord(line string) bool {
	for i := 0; i+6 <= len(line); i++ {
		switch line[i] | 0x20 {
		case 's':
			if strings.EqualFold(line[i:i+6], "status") {
				return true
			}
		case 'r':
			if i+8 <= len(line) && strings.EqualFold(line[i:i+8], "response") {
				return true
			}
		}
	}
	return false
}

// current returns the event a line without a start of its own continues:
// the latest event of the line's thread, when the line names a thread
// that an event has; otherwise the latest event.
func (p *parser) current(line string) *event {
	if len(p.events) == 0 {
		return nil
	}
	f := framing(line)
	if s, e, ok := threadName(f); ok {
		if ev := p.byThread[f[s:e]]; ev != nil {
			return ev
		}
	}
	return p.events[len(p.events)-1]
}

// framing returns the part of a line before its payload: up to the first
// quote, angle bracket or brace, or a wire log's arrow.
func framing(line string) string {
	if i := strings.IndexAny(line, "\"<{"); i >= 0 {
		line = line[:i]
	}
	if i := strings.Index(line, ">>"); i >= 0 {
		line = line[:i]
	}
	return line
}

// threadIn finds a thread name in the framing text before an event.
func (p *parser) threadIn(at int, prefix string) span {
	s, e, ok := threadName(framing(prefix))
	if !ok {
		return span{}
	}
	return p.span(at+s, at+e)
}

// maxEntryLines bounds how far back entryStart looks for the first line
// of a log entry.
const maxEntryLines = 5

// entryStart finds the first line of the log entry that the indented
// line n continues: the nearest line above that is not indented and not
// blank, unless a blank line comes first. It returns that line and the
// thread it names; n itself when there is none.
func (p *parser) entryStart(n int) (int, span) {
	for k := n - 1; k >= 1 && k >= n-maxEntryLines; k-- {
		start := p.ix.LineStart(k)
		line := strings.TrimRight(p.text[start:p.ix.LineStart(k+1)-1], "\r")
		switch {
		case strings.TrimSpace(line) == "":
			return n, span{}
		case line[0] != ' ' && line[0] != '\t':
			return k, p.threadIn(start, line)
		}
	}
	return n, span{}
}

// continueEvent reads a line of e after its first: a header line while
// headers may follow, then the body.
func (p *parser) continueEvent(e *event, n, start int, line string) {
	if n-e.line > maxBodyDistance && !e.profile.started {
		return
	}
	from := 0
	ps, pe := e.payload(line)
	if e.inHeaders {
		if ps >= pe {
			e.inHeaders, e.bodyNext = false, true // the blank line before the body
			return
		}
		if m := p.re.header.FindStringSubmatchIndex(line[ps:pe]); m != nil {
			p.addHeader(e, start+ps+m[2], start+ps+m[3], start+ps+m[1], start+pe)
			e.last, e.end = n, start+len(line)
			return
		}
		e.inHeaders = false
		from = ps
	}
	if e.bodyNext && ps < pe {
		// The body's first line is the exchange's, whatever it holds.
		e.bodyNext = false
		e.last, e.end = n, start+len(line)
	}
	p.scanBody(e, n, start, line, from, len(line))
}

// payload bounds what a line of e says: after the framing of e's own
// line where the line repeats it, digits aside (another time stamp, the
// same thread and arrow); otherwise after a wire log's arrow or leading
// white space.
func (e *event) payload(line string) (start, end int) {
	k := len(e.framing)
	if k == 0 || len(line) < k || !sameShape(line[:k], e.framing) {
		return payload(line)
	}
	end = max(k, tailEnd(line))
	start = k
	for start < end && (line[start] == ' ' || line[start] == '\t') {
		start++
	}
	return start, end
}

// sameShape reports whether a and b, of one length, are equal but for
// the digits they hold.
func sameShape(a, b string) bool {
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] && (!isDigit(a[i]) || !isDigit(b[i])) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// payload bounds what a line says, without a wire log's prefix up to its
// arrow and opening quote, its closing quote and line-end markers.
func payload(line string) (start, end int) {
	for _, arrow := range []string{`>> "`, `<< "`} {
		if k := strings.LastIndex(line, arrow); k >= 0 && k+len(arrow) > start {
			start = k + len(arrow)
		}
	}
	end = max(start, tailEnd(line))
	for start < end && (line[start] == ' ' || line[start] == '\t') {
		start++
	}
	return start, end
}

func (p *parser) addHeader(e *event, nameStart, nameEnd, valueStart, lineEnd int) {
	h := rawHeader{name: p.span(nameStart, nameEnd)}
	name := strings.ToLower(h.name.text)
	h.secret = slices.Contains(secretHeaderNames, name) || source.IsSecretName(name)
	h.value = span{start: valueStart, end: lineEnd, ok: true}
	if !h.secret {
		h.value = p.span(valueStart, lineEnd)
		if name == "host" && !e.host.ok && !e.response {
			e.host = h.value
		}
	}
	e.headers = append(e.headers, h)
}

// scanBody looks for the parts of a body in line[from:to].
func (p *parser) scanBody(e *event, n, start int, line string, from, to int) {
	if e.response {
		if e.message.ok || n-e.line > maxBodyDistance {
			return
		}
		seg := line[from:to]
		if m := p.re.messageXML.FindStringSubmatchIndex(seg); m != nil {
			s, t := trimSpaces(seg, m[2], m[3])
			e.message = span{start: start + from + s, end: start + from + t, text: xmlText(seg[s:t]), ok: true}
		} else if m := p.re.messageJSON.FindStringSubmatchIndex(seg); m != nil {
			if text, ok := jsonString(seg[m[2]:m[3]]); ok {
				e.message = span{start: start + from + m[2] + 1, end: start + from + m[3] - 1, text: text, ok: true}
			}
		}
		if e.message.ok {
			e.last, e.end = n, start+len(line)
		}
		return
	}
	pr := &e.profile
	if pr.complete {
		return
	}
	if !pr.started {
		seg := line[from:to]
		x, j := p.re.profileOpenXML.FindStringIndex(seg), p.re.profileOpenJSON.FindStringIndex(seg)
		switch {
		case x != nil && (j == nil || x[0] < j[0]):
			*pr = profileState{started: true, format: "xml", line: n, start: start + from + x[0], nodes: map[string]span{}}
			from += x[1]
			p.horizon = max(p.horizon, n+maxProfileLines)
		case j != nil:
			*pr = profileState{started: true, format: "json", line: n, start: start + from + j[0], depth: 1, nodes: map[string]span{}}
			from += j[1]
			p.horizon = max(p.horizon, n+maxProfileLines)
		default:
			return
		}
	}
	if n-pr.line > maxProfileLines {
		return
	}
	end, depth := to, pr.depth
	if pr.format == "xml" {
		if m := p.re.profileCloseXML.FindStringIndex(line[from:to]); m != nil {
			end, pr.complete, pr.end = from+m[0], true, start+from+m[1]
		}
	} else {
		for k := from; k < to; k++ {
			switch line[k] {
			case '{':
				pr.depth++
			case '}':
				pr.depth--
			}
			if pr.depth == 0 {
				end, pr.complete, pr.end = k, true, start+k+1
				break
			}
		}
	}
	if !pr.complete {
		pr.end = start + to
	}
	p.scanNodes(pr, start, line, from, end, depth)
	e.last, e.end = n, start+len(line)
}

// scanNodes records the profile's nodes found in line[from:to], the first
// of each name. A JSON profile's members count only at its own level:
// depth is the brace depth at from, 1 inside the profile's own braces.
func (p *parser) scanNodes(pr *profileState, start int, line string, from, to, depth int) {
	seg := line[from:to]
	if pr.format == "json" {
		at := 0
		for _, m := range p.re.nodeJSON.FindAllStringSubmatchIndex(seg, -1) {
			depth += strings.Count(seg[at:m[0]], "{") - strings.Count(seg[at:m[0]], "}")
			at = m[0]
			name := strings.ToLower(seg[m[2]:m[3]])
			if _, seen := pr.nodes[name]; seen || depth != 1 {
				continue
			}
			lit := seg[m[4]:m[5]]
			switch {
			case lit == "null":
				continue
			case lit[0] == '"':
				if text, ok := jsonString(lit); ok {
					pr.nodes[name] = span{start: start + from + m[4] + 1, end: start + from + m[5] - 1, text: text, ok: true}
				}
			default:
				pr.nodes[name] = p.span(start+from+m[4], start+from+m[5])
			}
		}
		return
	}
	for _, m := range p.re.nodeXML.FindAllStringSubmatchIndex(seg, -1) {
		name := strings.ToLower(seg[m[2]:m[3]])
		if _, seen := pr.nodes[name]; seen {
			continue
		}
		if m[5] > m[4] { // <email/>
			pr.nodes[name] = span{start: start + from + m[1], end: start + from + m[1], ok: true}
			continue
		}
		closing := strings.IndexByte(seg[m[1]:], '<')
		if closing < 0 || !strings.HasPrefix(seg[m[1]+closing:], "</") {
			continue // the value may not hold '<': no closing tag here
		}
		closeName := seg[m[1]+closing+2:]
		if k := strings.IndexByte(closeName, '>'); k >= 0 {
			closeName = closeName[:k]
		}
		if i := strings.IndexByte(closeName, ':'); i >= 0 {
			closeName = closeName[i+1:]
		}
		if !strings.EqualFold(strings.TrimSpace(closeName), name) {
			continue
		}
		s, t := trimSpaces(seg, m[1], m[1]+closing)
		pr.nodes[name] = span{start: start + from + s, end: start + from + t, text: xmlText(seg[s:t]), ok: true}
	}
}

func trimSpaces(s string, start, end int) (int, int) {
	for start < end && (s[start] == ' ' || s[start] == '\t') {
		start++
	}
	for end > start && (s[end-1] == ' ' || s[end-1] == '\t') {
		end--
	}
	return start, end
}

// span returns the piece [start, end) with its text as written.
func (p *parser) span(start, end int) span {
	return span{start: start, end: end, text: p.text[start:end], ok: true}
}

// hostOf returns the host of an absolute target, within the target's
// bytes.
func (p *parser) hostOf(target span) span {
	raw := p.text[target.start:target.end]
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return span{}
	}
	i := strings.Index(raw, "://") + 3
	if at := strings.IndexByte(raw[i:], '@'); at >= 0 && at < strings.IndexAny(raw[i:]+"/", "/?#") {
		i += at + 1
	}
	if !strings.HasPrefix(raw[i:], u.Host) {
		return span{}
	}
	return p.span(target.start+i, target.start+i+len(u.Host))
}

// scanSecrets records the secret values on a line.
func (p *parser) scanSecrets(start int, line string) {
	add := func(s, e int) {
		if e > s {
			p.secrets = append(p.secrets, span{start: start + s, end: start + e, ok: true})
		}
	}
	if !maybeSecret(line) {
		return
	}
	te := tailEnd(line)
	// next returns where the match after ms[k] starts, or the line's
	// end: a value written inline ends before the next one begins.
	next := func(ms [][]int, k int) int {
		if k+1 < len(ms) {
			return min(ms[k+1][0], te)
		}
		return te
	}
	ms := p.re.secretHeader.FindAllStringIndex(line, -1)
	for k, m := range ms {
		if strings.HasSuffix(strings.TrimRight(line[m[0]:m[1]], " \t"), "=") {
			add(m[1], cut(line, m[1], next(ms, k), `,;}"'&]`))
		} else {
			add(m[1], max(m[1], te))
		}
	}
	for _, m := range p.re.secretXML.FindAllStringIndex(line, -1) {
		add(m[1], cut(line, m[1], te, "<"))
	}
	for _, m := range p.re.secretJSON.FindAllStringIndex(line, -1) {
		end := max(m[1], te)
		for k := m[1]; k < end; k++ {
			if line[k] == '\\' {
				k++
				continue
			}
			if line[k] == '"' {
				end = k
				break
			}
		}
		add(m[1], end)
	}
	ms = p.re.secretPair.FindAllStringIndex(line, -1)
	for k, m := range ms {
		add(m[1], cut(line, m[1], next(ms, k), "& \t\"'<>,;"))
	}
	for _, m := range p.re.secretUser.FindAllStringSubmatchIndex(line, -1) {
		add(m[2], m[3])
	}
	// A header-shaped "X-Auth-Token: ..." names its own secret.
	ps, pe := payload(line)
	if m := p.re.header.FindStringSubmatchIndex(line[ps:pe]); m != nil && source.IsSecretName(line[ps+m[2]:ps+m[3]]) {
		add(ps+m[1], pe)
	}
}

// maybeSecret is a quick test that spares most lines the secret patterns:
// does the line hold "://" or a word that may start a secret's name.
func maybeSecret(line string) bool {
	if strings.Contains(line, "://") {
		return true
	}
	for i := 0; i+3 <= len(line); i++ {
		var w string
		switch line[i] | 0x20 {
		case 'a':
			w = "auth"
		case 'c':
			w = "cookie"
		case 'p':
			w = "passw"
		case 's':
			w = "secret"
		case 't':
			w = "token"
		case 'k':
			w = "key"
		default:
			continue
		}
		if len(line)-i >= len(w) && line[i+1]|0x20 == w[1] && strings.EqualFold(line[i:i+len(w)], w) {
			return true
		}
	}
	return false
}
