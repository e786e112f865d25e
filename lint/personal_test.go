package lint

import (
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/google/go-cmp/cmp"
)

func TestMaskPersonal(t *testing.T) {
	r := &Result{
		Findings: []Finding{{
			Check:    "users_email_valid_unique",
			Message:  `email address "Li.Wen@acme.example" of user jdoe is also the address of user wen (group "Sales")`,
			Logical:  Logical{Context: "user/jdoe", Key: "emailAddress"},
			Related:  []Related{{Message: "user wen has the same address"}},
			Expected: "li.wen@acme.example",
			Value:    "duplicate li.wen@acme.example",
			Personal: []string{"jdoe", "Li.Wen@acme.example", "wen"},
		}},
		NotEvaluated: []NotEvaluated{{Check: "c", Reason: "user k.tanaka@example.jp, phone +81 3 5555 0100: not captured"}},
		Problems:     []source.Problem{{Message: `user "anna.berg@acme.example" appears twice`}},
	}
	m := MaskPersonal(r, nil)
	f := m.Findings[0]
	email, jdoe, wen := PersonalMask("li.wen@acme.example"), PersonalMask("jdoe"), PersonalMask("wen")
	want := `email address "` + email + `" of user ` + jdoe + ` is also the address of user ` + wen + ` (group "Sales")`
	if diff := cmp.Diff(want, f.Message); diff != "" {
		t.Errorf("message (-want +got):\n%s", diff)
	}
	if f.Logical.Context != "user/"+jdoe || f.Expected != email || f.Related[0].Message != "user "+wen+" has the same address" {
		t.Errorf("context %q, expected %q, related %q", f.Logical.Context, f.Expected, f.Related[0].Message)
	}
	if f.Value != r.Findings[0].Value || f.Personal != nil {
		t.Errorf("the hashed value must stay as it was and the list of personal data go: %q, %v", f.Value, f.Personal)
	}
	for _, s := range []string{m.NotEvaluated[0].Reason, m.Problems[0].Message} {
		if strings.Contains(s, "@") || strings.Contains(s, "5555") {
			t.Errorf("not masked: %q", s)
		}
	}
	// The input is not modified.
	if !strings.Contains(r.Findings[0].Message, "jdoe") || r.Findings[0].Personal == nil || !strings.Contains(r.Problems[0].Message, "anna") {
		t.Error("MaskPersonal modified its input")
	}
	// Case does not make another mask; another value does.
	if PersonalMask("Li.Wen@ACME.example") != email || PersonalMask("li.wen2@acme.example") == email {
		t.Error("masks do not follow the values")
	}
}
