package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// emailProblem says why addr is not an email address Webex can use as a
// user's id, or "" when it is one. Webex takes the address as the user id
// and mails it: the check is that of a deliverable mailbox address
// (RFC 5321/5322 dot-atom local part, a host name with a dot), not every
// form RFC 5322 allows: quoted local parts, domain literals, comments and
// display names are refused, as are non-ASCII characters, which SMTP
// carries only with extensions. users_email_valid_unique reports the users
// it finds a problem for; template_flags and pslog_provisioning name those
// users as the cause of the bridge's refusals.
func emailProblem(addr string) string {
	switch {
	case strings.TrimSpace(addr) == "":
		return "it is empty"
	case strings.TrimSpace(addr) != addr:
		return "it has spaces around it"
	case strings.ContainsFunc(addr, unicode.IsSpace):
		return "it holds a space"
	}
	at := strings.Count(addr, "@")
	switch {
	case at == 0:
		return "it has no @"
	case at > 1:
		return fmt.Sprintf("it has %d @ signs", at)
	case len(addr) > 254:
		return fmt.Sprintf("it is %d characters long, more than 254", len(addr))
	}
	local, domain, _ := strings.Cut(addr, "@")
	if p := localPartProblem(local); p != "" {
		return p
	}
	return domainProblem(domain)
}

// atextSpecials are the characters besides letters and digits that an
// unquoted local part may hold (RFC 5322 atext).
const atextSpecials = "!#$%&'*+/=?^_`{|}~-"

func localPartProblem(local string) string {
	switch {
	case local == "":
		return "nothing stands before the @"
	case len(local) > 64:
		return fmt.Sprintf("the part before the @ is %d characters long, more than 64", len(local))
	case strings.HasPrefix(local, ".") || strings.HasSuffix(local, "."):
		return "the part before the @ starts or ends with a dot"
	case strings.Contains(local, ".."):
		return "the part before the @ holds two dots in a row"
	}
	for _, r := range local {
		if !isASCIIAlnum(r) && r != '.' && !strings.ContainsRune(atextSpecials, r) {
			return fmt.Sprintf("the part before the @ holds %s", describeRune(r))
		}
	}
	return ""
}

func domainProblem(domain string) string {
	switch {
	case domain == "":
		return "nothing stands after the @"
	case strings.HasPrefix(domain, "["):
		return "its domain is an address literal, not a host name"
	case len(domain) > 253:
		return fmt.Sprintf("its domain is %d characters long, more than 253", len(domain))
	case !strings.Contains(domain, "."):
		return fmt.Sprintf("its domain %q has no dot", domain)
	}
	labels := strings.Split(domain, ".")
	for _, l := range labels {
		switch {
		case l == "":
			return fmt.Sprintf("its domain %q has an empty label (two dots in a row, or a dot at an end)", domain)
		case len(l) > 63:
			return fmt.Sprintf("its domain %q has a label longer than 63 characters", domain)
		case strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-"):
			return fmt.Sprintf("its domain %q has a label that starts or ends with a hyphen", domain)
		}
		for _, r := range l {
			if !isASCIIAlnum(r) && r != '-' {
				if r >= utf8.RuneSelf {
					return fmt.Sprintf("its domain %q holds %s; write an internationalised domain in its ASCII (xn--) form", domain, describeRune(r))
				}
				return fmt.Sprintf("its domain %q holds %s", domain, describeRune(r))
			}
		}
	}
	if tld := labels[len(labels)-1]; strings.Trim(tld, "0123456789") == "" {
		return fmt.Sprintf("its domain %q ends in a number, not a top-level domain", domain)
	}
	return ""
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// describeRune names a character for a message, printable or not.
func describeRune(r rune) string {
	if unicode.IsPrint(r) {
		return fmt.Sprintf("%q", string(r))
	}
	return fmt.Sprintf("the character %U", r)
}

// emailKey is the form in which two addresses are the same mailbox to
// Webex: case does not matter.
func emailKey(addr string) string { return strings.ToLower(strings.TrimSpace(addr)) }
