package codes

import (
	"slices"
	"strings"
	"unicode"
)

// Family groups the codes by where an operator meets them.
type Family string

// The families, in the order All lists them.
const (
	// EndUser codes appear in the Webex user activation portal.
	EndUser Family = "end-user"
	// DirectorySync codes report BroadWorks External Directory User Sync
	// and Phone List Sync in Partner Hub and Control Hub.
	DirectorySync Family = "directory-sync"
	// IMP errors are what BroadWorks shows when it assigns or changes the
	// Integrated IM&P service and the provisioning bridge fails it.
	IMP Family = "broadworks-imp"
	// Bridge codes are the HTTP statuses the provisioning bridge answers
	// the Application Server with, as its PSLog records them.
	Bridge Family = "provisioning-bridge"
	// MeetingsServer messages are shown by Cisco WebEx Meetings Server to
	// users signing in through SSO and to administrators importing users.
	MeetingsServer Family = "meetings-server"
)

// Documents the table cites.
const (
	// BroadWorksGuide is the Webex for Cisco BroadWorks troubleshooting
	// guide (help.webex.com).
	BroadWorksGuide = "Webex for Cisco BroadWorks troubleshooting guide"
	// MeetingsServerGuide is the Cisco WebEx Meetings Server
	// troubleshooting guide, chapter "User Management".
	MeetingsServerGuide = "Cisco WebEx Meetings Server troubleshooting guide, User Management"
)

// Source says where an entry is documented.
type Source struct {
	// Document is one of the document constants.
	Document string
	// Section is the table or section of the document, as titled there.
	Section string
}

// Entry is one code or message.
type Entry struct {
	// ID identifies the entry uniquely and stays stable: the numeric code
	// where it has one to itself ("200042", "18215"), otherwise a
	// lower-case name ("http-400-untrusted-email", "wms-no-user-account").
	ID string
	// Code is the code as the product shows it: "200042", "18215" (shown
	// as "[Error 18215]"), "409". Several entries share an HTTP status
	// when the guide explains its messages one by one. Empty for messages
	// that carry no code.
	Code string
	// Family says where the code is met.
	Family Family
	// Message is the text the product shows with the code, as the source
	// documents it; empty when the source gives none.
	Message string
	// Meaning says what went wrong, in bwlint's words.
	Meaning string
	// Action says what to do about it, in bwlint's words.
	Action string
	// Source is where the code is documented.
	Source Source
	// Checks are the bwlint checks that find a cause of the code in a
	// snapshot, most specific first; empty when no capture shows a cause
	// (a wrong password, a busy service).
	Checks []string
	// ReportedBy are the checks whose findings carry the code itself, from
	// a log that recorded it.
	ReportedBy []string
}

// All returns every entry: the families in the order of the Family
// constants, each in the order of its source. The slice is a copy.
func All() []Entry {
	return slices.Clone(table)
}

// Lookup returns the entries whose code or ID is query, in table order.
// The query may be written the way logs and portals print codes: "200042",
// "Error 18215", "[Error 18215]", "HTTP 409", "409 Conflict", "error code:
// 600014", or an ID such as "wms-no-user-account"; case does not matter.
// An HTTP status names every entry of that status (400 has three); a
// status the table does not list names the entry for any other status.
func Lookup(query string) []Entry {
	q := strings.ToLower(strings.TrimSpace(query))
	var out []Entry
	for _, e := range table {
		if e.ID == q {
			out = append(out, e)
		}
	}
	if len(out) > 0 {
		return out
	}
	code := codeOf(q)
	if code == "" {
		return nil
	}
	for _, e := range table {
		if e.Code == code {
			out = append(out, e)
		}
	}
	if len(out) == 0 && len(code) == 3 && code >= "100" && code <= "599" {
		// The guide explains the bridge's usual statuses one by one;
		// any other is a failed provisioning attempt all the same.
		out = Lookup(otherStatusID)
	}
	return out
}

// otherStatusID is the entry for a bridge status the table does not list.
const otherStatusID = "http-other"

// codeOf reads a code out of a query: the first run of digits, provided
// that nothing but the words of a code's usual framing stands before it
// and, after it, at most a reason phrase ("409 Conflict").
func codeOf(q string) string {
	i := strings.IndexFunc(q, unicode.IsDigit)
	if i < 0 {
		return ""
	}
	for _, w := range strings.FieldsFunc(q[:i], notAlnum) {
		switch w {
		case "error", "http", "code", "status", "err":
		default:
			return ""
		}
	}
	j := i
	for j < len(q) && q[j] >= '0' && q[j] <= '9' {
		j++
	}
	if j < len(q) && (isAlnum(rune(q[j]))) {
		return "" // "200ok" or "18215x" is not a code
	}
	return q[i:j]
}

// Match is one result of Search.
type Match struct {
	Entry Entry
	// Score orders the matches: higher is better. It is meaningful only
	// relative to other scores of the same search.
	Score int
}

// stopWords are too common in the table's text to tell entries apart.
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "be": true, "by": true,
	"for": true, "in": true, "is": true, "it": true, "of": true, "on": true, "or": true,
	"the": true, "to": true, "with": true, "your": true, "you": true, "this": true,
}

// Search finds the entries whose text holds fragment, best first. Case,
// punctuation and spacing do not matter, and the last word of the fragment
// may be cut short, as a fragment copied from a screen often is. An entry
// whose product message holds the whole fragment ranks first; then one
// whose meaning or action holds it; then entries holding all of its words,
// ranked by how many of them stand in the message; then entries holding
// at least half of them. Ties keep table order. A fragment that names a
// code also finds the entries Lookup finds, first.
func Search(fragment string) []Match {
	phrase := normalize(fragment)
	if phrase == "" {
		return nil
	}
	var words []string
	for _, w := range strings.Fields(phrase) {
		if !stopWords[w] {
			words = append(words, w)
		}
	}
	byCode := map[string]bool{}
	var out []Match
	for _, e := range Lookup(fragment) {
		byCode[e.ID] = true
		out = append(out, Match{Entry: e, Score: 1000})
	}
	var found []Match
	for _, e := range table {
		if byCode[e.ID] {
			continue
		}
		if s := score(e, phrase, words); s > 0 {
			found = append(found, Match{Entry: e, Score: s})
		}
	}
	slices.SortStableFunc(found, func(a, b Match) int { return b.Score - a.Score })
	return append(out, found...)
}

// score rates how well entry e matches: 0 for no match.
func score(e Entry, phrase string, words []string) int {
	msg := normalize(e.Message)
	rest := normalize(e.Meaning + " " + e.Action + " " + e.Code + " " + e.ID)
	switch {
	case msg != "" && containsPhrase(msg, phrase):
		return 500
	case containsPhrase(rest, phrase):
		return 400
	}
	if len(words) == 0 {
		return 0
	}
	msgWords, restWords := strings.Fields(msg), strings.Fields(rest)
	inMsg, anywhere := 0, 0
	for i, w := range words {
		last := i == len(words)-1
		m := hasWord(msgWords, w, last)
		if m {
			inMsg++
		}
		if m || hasWord(restWords, w, last) {
			anywhere++
		}
	}
	switch {
	case anywhere == len(words):
		return 200 + 10*inMsg
	case 2*anywhere >= len(words) && anywhere > 0:
		return 100*anywhere/len(words) + 10*inMsg
	}
	return 0
}

// containsPhrase reports whether phrase stands in text on word boundaries
// at its start; its end may cut a word short.
func containsPhrase(text, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return false
		}
		if i+j == 0 || text[i+j-1] == ' ' {
			return true
		}
		i += j + 1
	}
}

// hasWord reports whether words holds w, or, when prefix is set, a word
// that starts with w.
func hasWord(words []string, w string, prefix bool) bool {
	for _, x := range words {
		if x == w || prefix && strings.HasPrefix(x, w) {
			return true
		}
	}
	return false
}

// normalize lower-cases s and turns every run of characters other than
// letters and digits into one space, so that quotes, brackets and line
// breaks copied with a message do not matter.
func normalize(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), notAlnum), " ")
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func notAlnum(r rune) bool { return !isAlnum(r) }

// BridgeAnswer returns the entry that explains an answer of the provisioning
// bridge, as a PSLog records it: among the entries of the status, the one
// whose text the response's message matches best, when it matches it
// better than the status's general entry does ("Can not trust BroadWorks
// email …" is http-400-untrusted-email, any other 400 is http-400); a
// status the table does not list is the entry for any other status.
func BridgeAnswer(status, message string) Entry {
	var general *Entry
	var specific []Entry
	for _, e := range table {
		if e.Family != Bridge || e.Code != status {
			continue
		}
		if general == nil {
			general = &e
			continue
		}
		specific = append(specific, e)
	}
	if general == nil {
		return Lookup(otherStatusID)[0]
	}
	phrase := normalize(message)
	if phrase == "" {
		return *general
	}
	var words []string
	for _, w := range strings.Fields(phrase) {
		if !stopWords[w] {
			words = append(words, w)
		}
	}
	best, bestScore := *general, score(*general, phrase, words)
	for _, e := range specific {
		if s := score(e, phrase, words); s > bestScore {
			best, bestScore = e, s
		}
	}
	return best
}
