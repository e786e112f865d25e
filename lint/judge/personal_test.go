package judge_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

func TestMaskPersonal(t *testing.T) {
	run := &lint.Result{
		Findings: []lint.Finding{{
			Check:    "users_email_valid_unique",
			Message:  `email address "Li.Wen@acme.example" of user jdoe is also the address of user wen (group "Sales")`,
			Logical:  lint.Logical{Context: "user/jdoe", Key: "emailAddress"},
			Related:  []lint.Related{{Message: "user wen has the same address"}},
			Expected: "li.wen@acme.example",
			Value:    "duplicate li.wen@acme.example",
			Personal: []string{"jdoe", "Li.Wen@acme.example", "wen"},
			Fix:      []lint.FixStep{{Command: "set emailAddress li.wen+jdoe@acme.example", Comment: "give user jdoe an address of their own"}},
		}},
		NotEvaluated: []lint.NotEvaluated{{Check: "c", Reason: "user k.tanaka@example.jp, phone +81 3 5555 0100: not captured"}},
		Gaps:         []lint.Gap{{Check: "c", Reason: "no OCI-P detail of user anna.berg@acme.example"}},
		Problems:     []source.Problem{{Message: `user "anna.berg@acme.example" appears twice`}},
	}
	r := judge.New(run, notes)
	m := r.MaskPersonal(judge.NewMasker())
	f := m.Findings[0]
	email, jdoe, wen := judge.PersonalMask("li.wen@acme.example"), judge.PersonalMask("jdoe"), judge.PersonalMask("wen")
	want := `email address "` + email + `" of user ` + jdoe + ` is also the address of user ` + wen + ` (group "Sales")`
	if diff := cmp.Diff(want, f.Message); diff != "" {
		t.Errorf("message (-want +got):\n%s", diff)
	}
	if f.Logical.Context != "user/"+jdoe || f.Expected != email || f.Related[0].Message != "user "+wen+" has the same address" {
		t.Errorf("context %q, expected %q, related %q", f.Logical.Context, f.Expected, f.Related[0].Message)
	}
	if fix := f.Fix[0]; strings.Contains(fix.Command+fix.Comment, "jdoe") || run.Findings[0].Fix[0].Comment != "give user jdoe an address of their own" {
		t.Errorf("fix step %+v; the input's %+v", fix, run.Findings[0].Fix[0])
	}
	if f.Value != run.Findings[0].Value || f.Personal != nil {
		t.Errorf("the hashed value must stay as it was and the list of personal data go: %q, %v", f.Value, f.Personal)
	}
	for _, s := range []string{m.NotEvaluated[0].Reason, m.Gaps[0].Reason, m.Problems[0].Message} {
		if strings.Contains(s, "@") || strings.Contains(s, "5555") {
			t.Errorf("not masked: %q", s)
		}
	}
	// Neither the judged result nor the run it holds is modified.
	for _, s := range []string{r.Findings[0].Message, run.Findings[0].Message, r.Problems[0].Message, r.Gaps[0].Reason, run.NotEvaluated[0].Reason} {
		if !strings.Contains(s, "@") && !strings.Contains(s, "jdoe") {
			t.Errorf("MaskPersonal modified its input: %q", s)
		}
	}
	if r.Findings[0].Personal == nil {
		t.Error("MaskPersonal dropped the input's list of personal data")
	}
	// Case does not make another mask; another value does.
	if judge.PersonalMask("Li.Wen@ACME.example") != email || judge.PersonalMask("li.wen2@acme.example") == email {
		t.Error("masks do not follow the values")
	}
}

// TestMaskPersonalReview checks that a review's changed finding masks the
// earlier finding it holds, and that one masker masks a finding of both
// sides alike, so that the review still matches it.
func TestMaskPersonalReview(t *testing.T) {
	user := func(addr string) lint.Finding {
		f := finding("users_email_valid_unique", "as1", "user jdoe", addr, 3)
		f.Message = "user jdoe has the address " + addr
		f.Personal = []string{"jdoe", addr}
		return f
	}
	m := judge.NewMasker()
	before := run(user("jdoe@old.example")).MaskPersonal(m)
	after := run(user("jdoe@new.example")).MaskPersonal(m)
	review := judge.Compare(before.Findings, after.Findings, nil)
	if len(review) != 1 || review[0].State != judge.StateChanged || review[0].Before == nil {
		t.Fatalf("the masked findings are no longer one changed finding: %+v", review)
	}
	for _, s := range []string{review[0].Message, review[0].Actual, review[0].Before.Message, review[0].Before.Actual, review[0].Logical.Key} {
		if strings.Contains(s, "jdoe") {
			t.Errorf("not masked: %q", s)
		}
	}
	// A review compared unmasked and masked afterwards, as bwlint diff
	// does, hides the earlier finding too, and leaves the input as it was.
	unmasked := judge.Compare(run(user("jdoe@old.example")).Findings, run(user("jdoe@new.example")).Findings, nil)
	masked := m.Findings(unmasked)
	if b := masked[0].Before; b == nil || strings.Contains(b.Message, "jdoe") || unmasked[0].Before.Message != "user jdoe has the address jdoe@old.example" {
		t.Errorf("earlier finding %+v, input's %+v", b, unmasked[0].Before)
	}
}
