package checks

import (
	"context"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwlint/bwlint/checks/codes"
	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/pslog"
	"github.com/bwlint/bwlint/lint"
)

// The evidence pslog_provisioning reads.
var pslogExcerpts = lint.Shell(inputs.RoleAS, `sed -n 'FIRST,LASTp' /var/broadworks/logs/appserver/PSLog<time>.txt`, "logs/pslog/<name>.log").
	Reading("the HTTP exchanges of flow-through provisioning: the request's target and subscriberProfile, the bridge's status and message (docs/inputs-pslog.md says how to cut the excerpt)").
	AsOptional()

// causeLimit bounds the causes a finding lists as related locations.
const causeLimit = 10

var pslogProvisioning = &lint.Check{
	Name:  "pslog_provisioning",
	Title: "the provisioning bridge accepted every request a PSLog excerpt records",
	Doc: `Reads the HTTP exchanges between the Application Server and the Webex provisioning bridge in
the PSLog excerpts of ` + "`logs/pslog/`" + `, and reports each request the bridge refused, with what the
troubleshooting guide says its answer means ("Analyze PSLog for user provisioning issues" and
"User provisioning failures in response from provisioning bridge"; ` + "`bwlint explain 409`" + ` and the
like print the whole entry) and the configuration in the same snapshot that explains it:

| answer | meaning | cause looked for |
| --- | --- | --- |
| 200 | accepted; creation runs later and can still fail | a note only, when the user lacks a primary number or a valid address |
| 400 | the subscriber profile was refused; the message says why | "Can not trust BroadWorks email": ` + "`template_flags`" + ` (trusted email) and ` + "`users_email_valid_unique`" + `; "new org creation flag is not enabled": ` + "`template_flags`" + ` (new organisations off); otherwise ` + "`users_primary_number`" + ` and ` + "`users_email_valid_unique`" + ` for the user |
| 401 | the AS's provisioning credentials differ from the template's | ` + "`as_imp_matches_template`" + ` (provisioningUserId, provisioningPassword) |
| 403 | the request cannot succeed as sent, typically aimed at an IP address | ` + "`as_imp_url_is_fqdn`" + `, ` + "`as_required_patches`" + ` (ap373197 and the like), ` + "`as_imp_matches_template`" + ` (provisioningUrl) |
| 409 | Webex already has a user with the address | ` + "`users_email_valid_unique`" + ` (another user of the snapshot with the address) |
| other | a failed attempt all the same | none |

Checks run independently, so this check finds the causes by running the cause checks itself, with
their default options, on the same snapshot: a finding names the cause check and lists each of its
findings as a related location, and says so when no check finds a cause. A refusal with no cause in
the snapshot points outside it: a password the capture masks, an existing Webex account, the
bridge's side.

The user is the subscriber profile's ` + "`bwuserid`" + `; several attempts for one user are judged by
the last, and a later success clears earlier failures. AS-level causes are those of the AS the
excerpt comes from when its file name names one AS host of the snapshot (` + "`as1-pslog.log`" + `),
else of every AS. The request's ` + "`Authorization`" + ` header and any password are never shown.`,
	Fix: `Correct the cause the finding names (its own fix says how), then provision the user again:
remove and re-assign Integrated IM&P, and capture the PSLog of the new attempt. When no cause is
found, search Help Desk for the user's address (409: an existing or free account), and escalate
to Cisco with the request's time and tracking id.`,
	Severity: lint.Error,
	Applies: `Every exchange with the provisioning bridge that the PSLog excerpts of ` + "`logs/pslog/`" + ` hold.
PSLog excerpts are optional evidence: a snapshot without any is not evaluated.`,
	Evidence: []lint.Evidence{pslogExcerpts},
	Tags:     []string{"as", "pslog", "provisioning"},
	Run:      runPSLogProvisioning,
}

// causeChecks are the checks whose findings explain the bridge's answers.
func causeChecks() []*lint.Check {
	return []*lint.Check{asIMPMatchesTemplate, asIMPURLIsFQDN, asRequiredPatches, templateFlags, usersEmailValidUnique, usersPrimaryNumber}
}

// cause is a finding of a cause check: what explains a refusal.
type cause struct {
	lint.Finding
}

// attempt is the last exchange about one subject (a user, else a
// request), with how many failed before it.
type attempt struct {
	Log      *pslog.Log
	Exchange *pslog.Exchange
	Key      string
	Failed   int
}

func runPSLogProvisioning(p *lint.Pass) error {
	snap := p.Snapshot
	if len(snap.PSLogs) == 0 {
		p.NotEvaluated("", "the snapshot holds no PSLog excerpt in logs/pslog/ (optional evidence)")
		return nil
	}
	attempts, unanswered := lastAttempts(snap.PSLogs)
	for _, file := range slices.Sorted(maps.Keys(unanswered)) {
		p.NotEvaluatedPart("", "%s in %s %s no response in the excerpt, so the bridge's answer is not known",
			countNoun(unanswered[file], "request", "requests"), file, plural(unanswered[file], "has", "have"))
	}
	var found *causeIndex
	for _, a := range attempts {
		x := a.Exchange
		status := x.StatusCode()
		if found == nil && (status < 200 || status > 299 || x.Request != nil && x.Request.Profile.Present) {
			found = probeCauses(snap)
		}
		reportAttempt(p, a, found)
	}
	return nil
}

// lastAttempts keeps, for each subject, the last exchange that has a
// response, in the order of the excerpts and of their exchanges, and
// counts by file the requests that have none.
func lastAttempts(logs []*pslog.Log) ([]attempt, map[string]int) {
	unanswered := map[string]int{}
	index := map[string]int{}
	var out []attempt
	for _, l := range logs {
		for _, x := range l.Exchanges {
			if x.Response == nil {
				unanswered[l.Path]++
				continue
			}
			k := subjectKey(x)
			failed := 0
			if i, seen := index[k]; seen {
				failed = out[i].Failed
				if st := out[i].Exchange.StatusCode(); st < 200 || st > 299 {
					failed++
				}
				out[i] = attempt{Log: l, Exchange: x, Key: k, Failed: failed}
				continue
			}
			index[k] = len(out)
			out = append(out, attempt{Log: l, Exchange: x, Key: k})
		}
	}
	// A response without its request has no subject of its own: number
	// those of one status, so that each keeps an identity.
	seen := map[string]int{}
	for i := range out {
		if out[i].Exchange.Request == nil {
			seen[out[i].Key]++
			if n := seen[out[i].Key]; n > 1 {
				out[i].Key += fmt.Sprintf(" #%d", n)
			}
		}
	}
	return out, unanswered
}

// subjectKey identifies what an exchange is about: the user of its
// subscriber profile, else its request, else its status.
func subjectKey(x *pslog.Exchange) string {
	if r := x.Request; r != nil {
		if id := strings.TrimSpace(r.Profile.BWUserID.Text); id != "" {
			return "user=" + strings.ToLower(id)
		}
		target := r.Target.Text
		if i := strings.IndexAny(target, "?#"); i >= 0 {
			target = target[:i]
		}
		return "request=" + strings.ToUpper(r.Method.Text) + " " + target
	}
	return "status=" + x.Response.Status.Text
}

// causeIndex is what the cause checks found, with the findings about each
// user found by the user's id or address.
type causeIndex struct {
	all []cause
	// byPersonal maps a lower-cased personal value to the indexes in all
	// of the findings that quote it.
	byPersonal map[string][]int
}

// probeCauses runs the cause checks on the snapshot, alone and with their
// defaults, and returns their findings.
func probeCauses(snap *inputs.Snapshot) *causeIndex {
	res := lint.Run(context.Background(), snap, causeChecks(), lint.Settings{})
	ix := &causeIndex{byPersonal: map[string][]int{}}
	for _, f := range res.Findings {
		ix.all = append(ix.all, cause{f})
	}
	for i, c := range ix.all {
		for _, v := range c.Personal {
			k := strings.ToLower(strings.TrimSpace(v))
			if n := len(ix.byPersonal[k]); n == 0 || ix.byPersonal[k][n-1] != i {
				ix.byPersonal[k] = append(ix.byPersonal[k], i)
			}
		}
	}
	return ix
}

// about returns the findings that quote any of values, in the order the
// checks reported them.
func (ix *causeIndex) about(values ...string) []cause {
	var at []int
	for _, v := range values {
		if v = strings.ToLower(strings.TrimSpace(v)); v != "" {
			at = append(at, ix.byPersonal[v]...)
		}
	}
	slices.Sort(at)
	var out []cause
	for _, i := range slices.Compact(at) {
		out = append(out, ix.all[i])
	}
	return out
}

// pslogHost returns the AS an excerpt comes from, when its file name
// names exactly one AS host of the snapshot ("as1-pslog.log",
// "PSLog_as1.example.net.txt"), else nil.
func pslogHost(snap *inputs.Snapshot, file string) *inputs.Host {
	base := strings.ToLower(path.Base(file))
	var found *inputs.Host
	for _, h := range snap.Hosts {
		if h.Role != inputs.RoleAS || !containsToken(base, strings.ToLower(h.Name)) {
			continue
		}
		if found != nil {
			return nil
		}
		found = h
	}
	return found
}

// containsToken reports whether name stands in s between separators (or
// at an end), so that as1 is not found in as10.
func containsToken(s, name string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], name)
		if j < 0 || name == "" {
			return false
		}
		start, end := i+j, i+j+len(name)
		before, after := rune(' '), rune(' ')
		if start > 0 {
			before, _ = utf8.DecodeLastRuneInString(s[:start])
		}
		if end < len(s) {
			after, _ = utf8.DecodeRuneInString(s[end:])
		}
		if !isNameRune(before) && !isNameRune(after) {
			return true
		}
		i = start + 1
	}
}

func isNameRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func reportAttempt(p *lint.Pass, a attempt, found *causeIndex) {
	x := a.Exchange
	resp := x.Response
	status := x.StatusCode()
	entry := codes.BridgeAnswer(resp.Status.Text, resp.Message.Text)
	subject, personal := describeSubject(x)
	var defects []string
	if x.Request != nil && x.Request.Profile.Present {
		defects = profileDefects(x.Request.Profile)
	}
	causes := causesOf(p.Snapshot, a, entry.ID, found)
	if status >= 200 && status <= 299 {
		if len(defects) == 0 && len(causes) == 0 {
			return // accepted, and nothing says it will fail upstream
		}
	}
	answer := resp.Status.Text
	if resp.Reason.Text != "" {
		answer += " " + resp.Reason.Text
	}
	if resp.Message.Text != "" {
		answer += fmt.Sprintf(" (%q)", resp.Message.Text)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "the provisioning bridge answered %s to %s: %s", answer, subject, clause(entry.Meaning))
	if x.Request != nil && targetsAddress(x.Request.Host.Text) && status != 200 {
		fmt.Fprintf(&b, "; the request went to IP address %s, not to the bridge's host name", x.Request.Host.Text)
	}
	if len(defects) > 0 {
		fmt.Fprintf(&b, "; the request's subscriberProfile %s", joinAnd(defects))
	}
	b.WriteString("; ")
	b.WriteString(causeSummary(causes, entry.ID))
	if a.Failed > 0 {
		fmt.Fprintf(&b, " (%s for the same subject failed before)", countNoun(a.Failed, "earlier attempt", "earlier attempts"))
	}
	var related []lint.Related
	if r := x.Request; r != nil {
		related = append(related, lint.Related{Location: r.Target.Range(), Message: "the request, paired by " + string(x.Pairing)})
	}
	for i, c := range causes {
		if i == causeLimit {
			break
		}
		related = append(related, lint.Related{Location: c.Location, Message: fmt.Sprintf("cause found by %s: %s", c.Check, c.Message)})
		personal = append(personal, c.Personal...)
	}
	f := lint.Finding{
		Message:  b.String(),
		Location: resp.Status.Range(),
		Logical:  lint.Logical{Context: "logs/pslog", Key: a.Key},
		Related:  related,
		Value:    resp.Status.Text + "\n" + resp.Message.Text,
		Personal: personal,
	}
	if status >= 200 && status <= 299 {
		f.Severity = lint.Note
	}
	p.Report(f)
}

// describeSubject names what a request was about, and the personal data
// that naming quotes.
func describeSubject(x *pslog.Exchange) (string, []string) {
	r := x.Request
	if r == nil {
		return "a request the excerpt does not hold", nil
	}
	pr := r.Profile
	id := strings.TrimSpace(pr.BWUserID.Text)
	if id == "" {
		return fmt.Sprintf("the request %s %s", r.Method.Text, r.Target.Text), nil
	}
	s := "the request for user " + id
	personal := []string{id}
	if e := strings.TrimSpace(pr.Email.Text); e != "" {
		s += fmt.Sprintf(" (email %s)", e)
		personal = append(personal, e)
	}
	if ph := strings.TrimSpace(pr.PrimaryPhoneNumber.Text); ph != "" {
		personal = append(personal, ph)
	}
	return s, personal
}

// profileDefects says what a subscriber profile lacks that the bridge
// needs, judged as users_primary_number and users_email_valid_unique
// judge a user.
func profileDefects(pr pslog.Profile) []string {
	var out []string
	if pr.Complete && strings.TrimSpace(pr.PrimaryPhoneNumber.Text) == "" {
		out = append(out, "has no primaryPhoneNumber")
	}
	switch e := pr.Email.Text; {
	case pr.Complete && strings.TrimSpace(e) == "":
		out = append(out, "has no email")
	case pr.Email.Present() && emailProblem(e) != "":
		out = append(out, fmt.Sprintf("has an email Webex cannot use (%s)", emailProblem(e)))
	}
	return out
}

// causesOf picks, among the cause checks' findings, those that explain an
// answer: for an answer about the AS, the findings of its checks on the AS
// the excerpt comes from (every AS when it is not known); for an answer
// about the user, the findings that quote the user's id or address.
func causesOf(snap *inputs.Snapshot, a attempt, entryID string, found *causeIndex) []cause {
	if found == nil {
		return nil
	}
	x := a.Exchange
	var as string
	if h := pslogHost(snap, a.Log.Path); h != nil {
		as = h.Name
	}
	onAS := func(c cause) bool { return as == "" || c.Host == "" || strings.EqualFold(c.Host, as) }
	var id, email string
	var orgs []string
	if r := x.Request; r != nil && r.Profile.Present {
		id, email = r.Profile.BWUserID.Text, r.Profile.Email.Text
		orgs = []string{orgName(r.Profile.Group.Text), orgName(r.Profile.ServiceProvider.Text)}
	}
	candidates := found.about(id, email)
	var want func(cause) bool
	switch entryID {
	case "http-401":
		candidates = found.all
		want = func(c cause) bool {
			return c.Check == asIMPMatchesTemplate.Name && (c.Logical.Key == "provisioningUserId" || c.Logical.Key == "provisioningPassword") && onAS(c)
		}
	case "http-403":
		candidates = found.all
		want = func(c cause) bool {
			switch c.Check {
			case asIMPURLIsFQDN.Name, asRequiredPatches.Name:
				return onAS(c)
			case asIMPMatchesTemplate.Name:
				return c.Logical.Key == "provisioningUrl" && onAS(c)
			}
			return false
		}
	case "http-409":
		want = func(c cause) bool { return c.Check == usersEmailValidUnique.Name }
	case "http-400-untrusted-email":
		want = func(c cause) bool {
			return c.Check == templateFlags.Name && c.Logical.Key == "emailTrust" || c.Check == usersEmailValidUnique.Name
		}
	case "http-400-new-org-disabled":
		candidates = found.all
		want = func(c cause) bool {
			return c.Check == templateFlags.Name && c.Logical.Key == "autoCreateOrgs" &&
				slices.ContainsFunc(strings.Split(c.Value, "\n"), func(org string) bool { return org != "" && slices.Contains(orgs, org) })
		}
	case "http-400", "http-200":
		want = func(c cause) bool {
			return c.Check == usersPrimaryNumber.Name || c.Check == usersEmailValidUnique.Name || c.Check == templateFlags.Name
		}
	default:
		return nil
	}
	var out []cause
	for _, c := range candidates {
		if want(c) {
			out = append(out, c)
		}
	}
	return out
}

// causeSummary says which checks found a cause, or that none did and
// which were asked.
func causeSummary(causes []cause, entryID string) string {
	if len(causes) == 0 {
		looked := map[string]string{
			"http-401":                  asIMPMatchesTemplate.Name + " finds no differing account name or password (a masked password cannot be compared)",
			"http-403":                  asIMPURLIsFQDN.Name + ", " + asRequiredPatches.Name + " and " + asIMPMatchesTemplate.Name + " find nothing wrong",
			"http-409":                  "no other user of the snapshot has the address, so the existing user is outside it (a free or another organisation's account)",
			"http-400-untrusted-email":  templateFlags.Name + " and " + usersEmailValidUnique.Name + " find nothing about the user",
			"http-400-new-org-disabled": templateFlags.Name + " finds no template that lists the organisations and misses this one",
			"http-400":                  usersPrimaryNumber.Name + ", " + usersEmailValidUnique.Name + " and " + templateFlags.Name + " find nothing about the user",
			"http-200":                  "no check finds a reason for it to fail upstream",
		}[entryID]
		if looked == "" {
			return "no check of this snapshot explains it"
		}
		return "no cause in this snapshot: " + looked
	}
	var names []string
	for _, c := range causes {
		n := c.Check
		if c.Host != "" {
			n += " on " + c.Host
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return "cause in this snapshot: " + joinAnd(names)
}

// clause makes a sentence of the codes table a clause of a message:
// lower-case start, no final period.
func clause(s string) string {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	first, rest, _ := strings.Cut(s, " ")
	switch first {
	case "The", "A", "An", "Any":
		// An article: lower-case it. A name ("Webex") keeps its case.
		return strings.ToLower(first) + " " + rest
	}
	return s
}
