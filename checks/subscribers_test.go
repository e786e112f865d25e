package checks

import (
	"errors"
	"slices"
	"testing"

	"github.com/bwlint/bwlint/lint"
)

// contexts lists the logical contexts of a run's findings.
func contexts(res *lint.Result) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, f.Logical.Context)
	}
	return out
}

func TestSubscriberServicesOption(t *testing.T) {
	// The lobby phone has Shared Call Appearance and no number: reported
	// only when that service is the one that provisions users.
	res := runWith(t, usersPrimaryNumber, &subscriberOptions{Services: []string{"shared call appearance"}}, "users_primary_number", "example")
	if got := contexts(res); !slices.Equal(got, []string{"user/lobby.phone@voice.example.net"}) {
		t.Errorf("findings with services = [\"shared call appearance\"]: %v", got)
	}
	for _, o := range []*subscriberOptions{{}, {Services: []string{" "}}} {
		var oe *lint.OptionError
		if err := o.Validate(); !errors.As(err, &oe) || oe.Option != "services" {
			t.Errorf("Validate(%v) = %v, want an error at services", o.Services, err)
		}
	}
}

func TestEmailOptions(t *testing.T) {
	def := usersEmailValidUnique.Options().(*emailOptions)
	across := *def
	across.Scope = scopeSnapshot
	res := runWith(t, usersEmailValidUnique, &across, "users_email_valid_unique", "clusters")
	if got := contexts(res); !slices.Equal(got, []string{"user/anna.berg@voice.example.no"}) {
		t.Errorf("scope = snapshot: findings %v, want the second user of the shared address", got)
	}
	if res := runWith(t, usersEmailValidUnique, nil, "users_email_valid_unique", "clusters"); len(res.Findings) != 0 {
		t.Errorf("scope = cluster: two clusters may share an address, got %v", contexts(res))
	}
	optional := *def
	optional.RequireEmail = false
	res = runWith(t, usersEmailValidUnique, &optional, "users_email_valid_unique", "example")
	if slices.Contains(contexts(res), "user/kari.dahl@voice.example.net") || len(res.Findings) != 2 {
		t.Errorf("require_email = false still reports the user without an address, or lost others: %v", contexts(res))
	}
	bad := *def
	bad.Scope = "partner"
	var oe *lint.OptionError
	if err := bad.Validate(); !errors.As(err, &oe) || oe.Option != "scope" {
		t.Errorf("Validate(scope = partner) = %v, want an error at scope", err)
	}
}

func TestEmailProblem(t *testing.T) {
	for _, ok := range []string{
		"anna.berg@acme.example", "li.wen+webex@acme-corp.example.co.uk", "o'hara@example.ie",
		"x@a.io", "first_last-2@sub.domain.example", "Anna.Berg@ACME.Example", "a{b}c@xn--exmple-cua.se",
	} {
		if p := emailProblem(ok); p != "" {
			t.Errorf("emailProblem(%q) = %q, want none", ok, p)
		}
	}
	for addr, want := range map[string]string{
		"":                         "it is empty",
		"a@b.c d":                  "it holds a space",
		"a.example":                "it has no @",
		"@acme.example":            "nothing stands before the @",
		"a@":                       "nothing stands after the @",
		"a..b@acme.example":        "the part before the @ holds two dots in a row",
		"a.@acme.example":          "the part before the @ starts or ends with a dot",
		"a\"b@acme.example":        `the part before the @ holds "\""`,
		"a@acme.example.":          `its domain "acme.example." has an empty label (two dots in a row, or a dot at an end)`,
		"a@acme_corp.example":      `its domain "acme_corp.example" holds "_"`,
		"a@acme.123":               `its domain "acme.123" ends in a number, not a top-level domain`,
		"a\u200b@acme.example":     "the part before the @ holds the character U+200B",
		"a@" + long(64) + ".com":   `its domain "` + long(64) + `.com" has a label longer than 63 characters`,
		long(65) + "@acme.example": "the part before the @ is 65 characters long, more than 64",
	} {
		if got := emailProblem(addr); got != want {
			t.Errorf("emailProblem(%q) = %q, want %q", addr, got, want)
		}
	}
}

func long(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = 'a'
	}
	return string(b)
}
