package pslog

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

// Log is one PSLog excerpt, read from logs/pslog/*.
type Log struct {
	Path string
	// Exchanges are the HTTP exchanges found, in the order their first
	// line appears.
	Exchanges []*Exchange
	// Lines counts the excerpt's lines; ExchangeLines those that are part
	// of an exchange (from its first line to the last that holds a part
	// of it), OtherLines the rest. Other lines are counted, not reported:
	// a PSLog records much besides provisioning.
	Lines, ExchangeLines, OtherLines int
	// secrets are the ranges no output may show.
	secrets []hcl.Range
}

// Secrets returns the ranges that no output may show: Authorization,
// Proxy-Authorization, Cookie and Set-Cookie header values, passwords in
// bodies, query strings and URLs, wherever they stand in the excerpt.
func (l *Log) Secrets() []hcl.Range {
	return append([]hcl.Range(nil), l.secrets...)
}

// Pairing says how a response was matched with its request.
type Pairing string

// The ways of pairing, strongest first.
const (
	// ByCorrelation: both carry the same correlation header value
	// (TrackingID, X-Request-Id, X-Correlation-Id,
	// X-BroadSoft-Correlation-Id).
	ByCorrelation Pairing = "correlation header"
	// ByURL: the response's line names the request's absolute URL.
	ByURL Pairing = "url"
	// ByThread: both lines carry the same thread name (Thread-18,
	// pool-2-thread-1) before the HTTP text.
	ByThread Pairing = "thread"
	// ByOrder: nothing ties them; the response follows the request, the
	// most recent one still unanswered.
	ByOrder Pairing = "order"
	// Unpaired: the excerpt holds only one half of the exchange.
	Unpaired Pairing = ""
)

// Exchange is an HTTP request and its response; either may be nil when
// the excerpt holds only the other.
type Exchange struct {
	Request  *Request
	Response *Response
	Pairing  Pairing
}

// Request is an HTTP request as the log shows it.
type Request struct {
	// Range covers the request from its request line to the last line
	// that holds a part of it.
	Range  hcl.Range
	Method source.Value
	// Target is the request target as written: an absolute URL or a path.
	Target source.Value
	// Host is the host (and port, if written) the request went to: from
	// an absolute target, else from a Host header; absent when neither
	// names one.
	Host source.Value
	// Thread is the thread name on the request line, if any.
	Thread  source.Value
	Headers []Header
	// Profile is the subscriberProfile of the body; Profile.Present
	// reports whether there is one.
	Profile Profile
}

// Response is an HTTP response as the log shows it.
type Response struct {
	// Range covers the response from its status to the last line that
	// holds a part of it.
	Range hcl.Range
	// Status holds the three digits of the status code.
	Status source.Value
	// Reason is the reason phrase after a status line's code, if any.
	Reason source.Value
	// Message is the text of the body's message node (XML <message> or
	// JSON "message"); absent when the body has none.
	Message source.Value
	// URL is an absolute URL on the status's line, if the log names one.
	URL     source.Value
	Thread  source.Value
	Headers []Header
}

// Header is an HTTP header line.
type Header struct {
	Name source.Value
	// Value is the header's value; a secret header (Authorization and
	// the like) keeps its range but no text.
	Value  source.Value
	Secret bool
}

// Profile is the subscriberProfile structure a provisioning request
// carries. Each node is absent when the profile lacks it; a node written
// empty is present with empty text.
type Profile struct {
	Present bool
	// Range covers the structure from its opening to its closing tag or
	// brace, or to the end of the request when it is cut short.
	Range hcl.Range
	// Complete reports that the structure's end was found.
	Complete bool
	// Format is "xml" or "json".
	Format             string
	BWUserID           source.Value
	Group              source.Value
	ServiceProvider    source.Value
	PrimaryPhoneNumber source.Value
	Email              source.Value
}

// StatusCode returns the response's status as a number; 0 without a
// response.
func (e *Exchange) StatusCode() int {
	if e.Response == nil {
		return 0
	}
	n, _ := strconv.Atoi(e.Response.Status.Text)
	return n
}

// Header returns the first header named name, compared without regard to
// case.
func (r *Request) Header(name string) (Header, bool) { return findHeader(r.Headers, name) }

// Header returns the first header named name, compared without regard to
// case.
func (r *Response) Header(name string) (Header, bool) { return findHeader(r.Headers, name) }

func findHeader(hs []Header, name string) (Header, bool) {
	for _, h := range hs {
		if strings.EqualFold(h.Name.Text, name) {
			return h, true
		}
	}
	return Header{}, false
}
