package pslog

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// pair matches each response with a request still unanswered before it,
// by the strongest tie found: a correlation header value both carry, the
// URL the response's line names, the thread both lines name; without any,
// the most recent unanswered request. A response whose thread matches no
// request while requests do name threads stays unpaired: its request lies
// outside the excerpt.
func (p *parser) pair() {
	var open []*event
	for _, e := range p.events {
		if !e.response {
			open = append(open, e)
			continue
		}
		i, how := match(e, open)
		if i < 0 {
			continue
		}
		req := open[i]
		req.pair, e.pair = e, req
		req.pairing, e.pairing = how, how
		open = slices.Delete(open, i, i+1)
	}
}

// match returns the index in open of the request e answers, and how it
// was found; -1 when none.
func match(e *event, open []*event) (int, Pairing) {
	latest := func(ok func(*event) bool) int {
		for i := len(open) - 1; i >= 0; i-- {
			if ok(open[i]) {
				return i
			}
		}
		return -1
	}
	for _, h := range e.headers {
		if h.secret || !isCorrelation(h.name.text) {
			continue
		}
		i := latest(func(r *event) bool {
			for _, rh := range r.headers {
				if strings.EqualFold(rh.name.text, h.name.text) && rh.value.text == h.value.text {
					return true
				}
			}
			return false
		})
		if i >= 0 {
			return i, ByCorrelation
		}
	}
	if e.url.ok {
		if i := latest(func(r *event) bool { return r.target.text == e.url.text }); i >= 0 {
			return i, ByURL
		}
	}
	if e.thread.ok {
		if i := latest(func(r *event) bool { return r.thread.text == e.thread.text }); i >= 0 {
			return i, ByThread
		}
		if latest(func(r *event) bool { return r.thread.ok }) >= 0 {
			return -1, Unpaired
		}
	}
	if len(open) == 0 {
		return -1, Unpaired
	}
	return len(open) - 1, ByOrder
}

func isCorrelation(name string) bool {
	for _, c := range correlationHeaders {
		if strings.EqualFold(c, name) {
			return true
		}
	}
	return false
}

// build assembles the log. Positions are computed in one sweep over the
// text for all offsets at once, so that a long line with many values
// costs no more than a short one: assemble runs first to collect the
// offsets, then to build the model with their positions.
func (p *parser) build(path string, lines int) *Log {
	slices.SortFunc(p.secrets, func(a, b span) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
	var offs []int
	p.assemble(path, lines, func(s, e int) hcl.Range { offs = append(offs, s, e); return hcl.Range{} })
	res := newResolver(p.ix, offs)
	return p.assemble(path, lines, res.rng)
}

func (p *parser) assemble(path string, lines int, rng func(start, end int) hcl.Range) *Log {
	log := &Log{Path: path, Lines: lines}
	val := func(s span) source.Value {
		if !s.ok {
			return source.Value{}
		}
		return source.Value{Text: p.hide(s), Loc: p.ix.File().Loc(s.start, s.end)}
	}
	headers := func(hs []rawHeader) []Header {
		var out []Header
		for _, h := range hs {
			hd := Header{Name: val(h.name), Value: val(h.value), Secret: h.secret}
			if h.secret {
				hd.Value.Text = ""
			}
			out = append(out, hd)
		}
		return out
	}
	request := func(e *event) *Request {
		r := &Request{Range: rng(e.at, e.end), Method: val(e.method), Target: val(e.target), Host: val(e.host), Thread: val(e.thread), Headers: headers(e.headers)}
		if pr := e.profile; pr.started {
			r.Profile = Profile{
				Present: true, Range: rng(pr.start, pr.end), Complete: pr.complete, Format: pr.format,
				BWUserID:           val(pr.nodes["bwuserid"]),
				Group:              val(pr.nodes["group"]),
				ServiceProvider:    val(pr.nodes["serviceprovider"]),
				PrimaryPhoneNumber: val(pr.nodes["primaryphonenumber"]),
				Email:              val(pr.nodes["email"]),
			}
		}
		return r
	}
	response := func(e *event) *Response {
		return &Response{Range: rng(e.at, e.end), Status: val(e.status), Reason: val(e.reason), Message: val(e.message), URL: val(e.url), Thread: val(e.thread), Headers: headers(e.headers)}
	}
	for _, e := range p.events {
		switch {
		case !e.response:
			x := &Exchange{Request: request(e), Pairing: e.pairing}
			if e.pair != nil {
				x.Response = response(e.pair)
			}
			log.Exchanges = append(log.Exchanges, x)
		case e.pair == nil:
			log.Exchanges = append(log.Exchanges, &Exchange{Response: response(e)})
		}
	}
	for _, s := range p.secrets {
		log.secrets = append(log.secrets, rng(s.start, s.end))
	}
	log.ExchangeLines = p.exchangeLines()
	log.OtherLines = lines - log.ExchangeLines
	return log
}

// hide returns the text of s with each secret within it replaced by
// source.Redacted ("?password=Fruehling2024" in a target, a password in
// a URL's user information); all of it when the text is not the bytes
// (it was unescaped) and a secret touches it. p.secrets are sorted.
func (p *parser) hide(s span) string {
	i := sort.Search(len(p.secrets), func(i int) bool { return p.secrets[i].end > s.start })
	if i == len(p.secrets) || p.secrets[i].start >= s.end {
		return s.text
	}
	if s.text != p.text[s.start:s.end] {
		return source.Redacted
	}
	var b strings.Builder
	at := s.start
	for ; i < len(p.secrets) && p.secrets[i].start < s.end; i++ {
		sec := p.secrets[i]
		if sec.start > at {
			b.WriteString(p.text[at:sec.start])
		}
		if sec.end > at {
			b.WriteString(source.Redacted)
			at = sec.end
		}
	}
	if at < s.end {
		b.WriteString(p.text[at:s.end])
	}
	return b.String()
}

// exchangeLines counts the lines from each event's first line to its
// last, each line once.
func (p *parser) exchangeLines() int {
	spans := make([][2]int, 0, len(p.events))
	for _, e := range p.events {
		spans = append(spans, [2]int{e.line, e.last})
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	count, upTo := 0, 0
	for _, s := range spans {
		from := max(s[0], upTo+1)
		if s[1] >= from {
			count += s[1] - from + 1
			upTo = s[1]
		}
	}
	return count
}

// resolver knows the positions of a set of offsets, computed in one pass.
type resolver struct {
	name string
	offs []int
	pos  []hcl.Pos
}

func newResolver(ix *source.Index, offs []int) *resolver {
	slices.Sort(offs)
	offs = slices.Compact(offs)
	r := &resolver{name: ix.Name(), offs: offs, pos: make([]hcl.Pos, len(offs))}
	text := ix.Text()
	line, prev, col := 1, 0, 1
	for i, off := range offs {
		for line < ix.Lines() && ix.LineStart(line+1) <= off {
			line++
			prev, col = ix.LineStart(line), 1
		}
		col += utf8.RuneCountInString(text[prev:off])
		prev = off
		r.pos[i] = hcl.Pos{Line: line, Column: col, Byte: off}
	}
	return r
}

func (r *resolver) rng(start, end int) hcl.Range {
	at := func(off int) hcl.Pos { return r.pos[sort.SearchInts(r.offs, off)] }
	return hcl.Range{Filename: r.name, Start: at(start), End: at(end)}
}
