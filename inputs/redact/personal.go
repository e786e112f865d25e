package redact

import (
	"regexp"
	"strings"
	"sync"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/users"
)

// Personal data: names, email addresses, phone numbers and the user ids
// that often are one of them. Reports for readers outside the
// organisation mask them (--mask-personal-data); the model says where the
// users' fields stand, and the text shows addresses, numbers and the
// elements of XML and JSON that hold personal data wherever they are.

// PersonalHidden replaces personal data in the source lines a report
// shows when it masks them.
const PersonalHidden = "(personal data)"

// MaskPersonal makes s hide personal data as well as secrets, in every
// line and value it returns, and returns s.
func (s *Source) MaskPersonal() *Source {
	s.personal = true
	return s
}

// personalOf returns the byte ranges of f that the model knows to hold
// personal data: the fields of the users it gave, and the subscriber
// profiles of its PSLog exchanges. Worked out once per file.
func (s *Source) personalOf(f *inputs.File) []span {
	if sp, ok := s.personalSpans[f.Path]; ok {
		return sp
	}
	var out []span
	add := func(vs ...source.Value) {
		for _, v := range vs {
			if a, b := v.Loc.Bytes(); v.Loc.Filename() == f.Path && b > a {
				out = append(out, span{Start: a, End: b})
			}
		}
	}
	forUsers := func(us []*users.User) {
		for _, u := range us {
			add(personalFields(u)...)
		}
	}
	for _, c := range s.snap.Captured.UserCSVs {
		if c.Path == f.Path {
			forUsers(c.Users)
		}
	}
	for _, o := range s.snap.Captured.OCIP {
		if o.Path == f.Path {
			forUsers(o.Users)
		}
	}
	add(personalWMS(s.snap, f.Path)...)
	for _, l := range s.snap.PSLogs {
		if l.Path != f.Path {
			continue
		}
		for _, x := range l.Exchanges {
			if r := x.Request; r != nil && r.Profile.Present {
				add(r.Profile.BWUserID, r.Profile.Email, r.Profile.PrimaryPhoneNumber)
			}
		}
	}
	out = source.MergeSpans(out)
	if s.personalSpans == nil {
		s.personalSpans = map[string][]span{}
	}
	s.personalSpans[f.Path] = out
	return out
}

// personalFields are the fields of a user that are personal data.
func personalFields(u *users.User) []source.Value {
	vs := []source.Value{u.UserID, u.FirstName, u.LastName, u.PhoneNumber, u.EmailAddress, u.IMPID, u.Extension}
	vs = append(vs, u.AlternateUserIDs...)
	for _, d := range u.Devices {
		vs = append(vs, d.LinePort)
	}
	return vs
}

// PersonalValues lists the personal data the snapshot's model holds, as
// written: every user's fields of every channel, and the subscriber
// profiles of the PSLog excerpts. A report masks them wherever they stand
// in a message.
func PersonalValues(snap *inputs.Snapshot) []string {
	if snap == nil {
		return nil
	}
	var out []string
	add := func(vs ...source.Value) {
		for _, v := range vs {
			if t := strings.TrimSpace(v.Text); t != "" {
				out = append(out, t)
			}
		}
	}
	all := [][]*users.User{snap.Users}
	for _, c := range snap.Captured.UserCSVs {
		all = append(all, c.Users)
	}
	for _, o := range snap.Captured.OCIP {
		all = append(all, o.Users)
	}
	for _, us := range all {
		for _, u := range us {
			add(personalFields(u)...)
		}
	}
	for _, l := range snap.PSLogs {
		for _, x := range l.Exchanges {
			if r := x.Request; r != nil && r.Profile.Present {
				add(r.Profile.BWUserID, r.Profile.Email, r.Profile.PrimaryPhoneNumber)
			}
		}
	}
	add(personalWMS(snap, "")...)
	return out
}

// personalElements are the XML elements and JSON members whose content is
// personal data, lower-cased: OCI-P's user fields and a subscriber
// profile's.
var personalElements = []string{
	"firstname", "lastname", "callinglineidfirstname", "callinglineidlastname",
	"hiraganafirstname", "hiraganalastname", "displayname", "email", "emailaddress",
	"phonenumber", "primaryphonenumber", "mobilephonenumber", "pagerphonenumber",
	"callinglineidphonenumber", "userid", "bwuserid", "defaultalias", "impid",
	"alternateuserid", "lineport",
}

// The patterns of PersonalText are compiled on first use: most runs mask
// no personal data, and compiling them cost every run about 0.3 ms.
var (
	personalXML = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)<(?:[\w.-]+:)?(` + strings.Join(personalElements, "|") + `)(?:\s[^<>]*)?>([^<]*)</`)
	})
	personalJSON = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)"(` + strings.Join(personalElements, "|") + `)"\s*:\s*"((?:[^"\\]|\\.)*)"`)
	})
	emailText = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
	})
)

// PersonalText returns the spans of text that hold personal data as text
// shows it, sorted and disjoint: email addresses, phone numbers (9 to 15
// digits, with an optional + and spaces, hyphens or parentheses between
// them, standing alone), and the content of XML elements and JSON members
// named like personal fields (firstName, callingLineIdLastName, bwuserid,
// primaryPhoneNumber …).
func PersonalText(text string) []source.Span {
	var out []source.Span
	for _, re := range []*regexp.Regexp{personalXML(), personalJSON()} {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			if m[4] < m[5] {
				out = append(out, source.Span{Start: m[4], End: m[5]})
			}
		}
	}
	for _, m := range emailText().FindAllStringIndex(text, -1) {
		out = append(out, source.Span{Start: m[0], End: m[1]})
	}
	out = append(out, phoneNumbers(text)...)
	return source.MergeSpans(out)
}

// phoneNumbers finds the phone numbers of text: a run of digits and the
// separators people write in numbers, holding 9 to 15 digits, that no
// letter, digit, dot, underscore, slash or @ touches (so that version
// numbers, dates, patch names and ids are left alone). A run that a space
// splits and that starts with neither + nor ( is taken for a number only
// when no part of it is longer than four digits ("212 555 0100"), so that
// two numbers side by side ("431 200042") are not.
func phoneNumbers(text string) []source.Span {
	var out []source.Span
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '+' && c != '(' && !isDigit(c) || i > 0 && touches(text[i-1]) {
			continue
		}
		j, digits, end, group, longest := i, 0, i, 0, 0
		space, spaced := false, false // a space since the last digit; one between digits
		if c == '+' || c == '(' {
			j++
		}
	scan:
		for ; j < len(text); j++ {
			switch d := text[j]; {
			case isDigit(d):
				spaced = spaced || space && digits > 0
				space = false
				digits++
				group++
				longest = max(longest, group)
				end = j + 1
			case d == ' ' || d == '-' || d == '(' || d == ')':
				space = space || d == ' '
				group = 0
			default:
				break scan
			}
		}
		if end > i && c == '(' && strings.IndexByte(text[i:end], ')') < 0 {
			continue // an opening parenthesis that closes nothing is no part of it
		}
		plain := spaced && c != '+' && c != '('
		if digits >= 9 && digits <= 15 && (end == len(text) || !touches(text[end])) && (!plain || longest <= 4) {
			out = append(out, source.Span{Start: i, End: end})
		}
		i = max(end, i)
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// touches reports whether c, next to a run of digits, makes it part of a
// word, a version, a path or an address rather than a number of its own.
func touches(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '_' || c == '/' || c == '@' || c >= 0x80
}
