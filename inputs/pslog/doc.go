// Package pslog reads excerpts of an Application Server's PSLog
// (logs/pslog/*) for the HTTP exchanges of flow-through provisioning: the
// requests the AS sends to the Webex provisioning bridge when Integrated
// IM&P is assigned, and the bridge's answers.
//
// # No grammar of PSLog lines
//
// How PSLog frames its lines is not public, and logging configurations
// differ, so the reader assumes no framing. It looks in each line, at any
// position, for what HTTP itself looks like:
//
//   - a request line: a method and an absolute URL, or a path followed by
//     the HTTP version ("POST https://broadworks-provisioning-bridge-a.wbx2.com/...",
//     "POST /api/v1/subscribers HTTP/1.1", "POST to https://...");
//   - a status: a status line ("HTTP/1.1 409 Conflict"), or a status a log
//     message states in words ("Response code: 401", "status=403");
//   - header lines right after either, up to a blank line;
//   - in a request's body, the subscriberProfile structure, XML or JSON,
//     and its nodes bwuserid, group, serviceProvider, primaryPhoneNumber
//     and email (the first of each, at the profile's own level for JSON);
//   - in a response's body, its message node (XML <message> or JSON
//     "message").
//
// Lines that continue an exchange are recognised by their framing: a line
// that starts like the exchange's first line (digits aside: another time
// stamp) says what follows that framing; a wire log's ">> \"" arrow and
// "[\r][\n]" markers are skipped; an indented line continues the log entry
// above it, whose first line names the thread. A body must start within
// maxBodyDistance lines of its exchange and a subscriber profile end
// within maxProfileLines of its start; anything further belongs to
// something else.
//
// # Pairing
//
// A response is paired with a request still unanswered before it, by the
// strongest tie the excerpt shows: a correlation header value both carry
// (TrackingID, X-Request-Id, X-Correlation-Id, X-BroadSoft-Correlation-Id);
// the URL the response's line names; the thread both lines name
// (Thread-18, pool-7-thread-1); and failing all of these, the most recent
// unanswered request, since an excerpt cut from a larger log most often
// loses the start of an exchange rather than its end. Exchange.Pairing
// says which tie was used, so that a check can say how sure it is. A
// response whose thread matches no request while the requests do name
// threads stays alone: its request lies outside the excerpt. A request
// without a response, or a response without a request, is an exchange
// with the other half nil.
//
// # Secrets and accounting
//
// Authorization, Proxy-Authorization, Cookie and Set-Cookie values,
// headers named as secrets (X-Auth-Token), passwords in XML and JSON
// bodies, in query strings and forms, and in a URL's user information are
// never kept as text: Log.Secrets lists their ranges wherever they stand,
// secret header values have no text, and any other value that overlaps a
// secret shows source.Redacted in its place. A status that starts inside
// a secret is not read as one.
//
// Lines that are part of no exchange are counted (Log.OtherLines), not
// reported one by one: a PSLog records far more than provisioning. An
// excerpt without any HTTP traffic gets one warning.
//
// # Positions
//
// Ranges follow package source. They are computed in one sweep over the
// text after parsing, so a long line holding many values costs no more
// than a short one.
package pslog
