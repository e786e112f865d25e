package report

import (
	"context"
	"strconv"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
)

// The report tests' own checks. They use the API every check uses and
// find on testdata/example what the built-in checks find there — a value
// that differs from a template, a missing table row, a wrong flag, a
// masked value — so that every format has real findings to render, with
// source snippets, diffs and related locations. They are not the
// product's list: adding a check to bwlint changes no report golden.

const (
	fixtureMessaging = "Interface/Messaging"
	fixturePatching  = "Maintenance/Patching"
	fixtureCertAuth  = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
)

var (
	fixtureMessagingGet = lint.CLI(inputs.RoleAS, fixtureMessaging, "get", "hosts/<host>/interface-messaging.txt").Reading("provisioningUserId")
	fixturePatchList    = lint.CLI(inputs.RoleAS, fixturePatching, "listPatch", "hosts/<host>/patching.txt").Reading("the Patch Name column")
	fixtureDigest       = lint.Shell(inputs.RoleXSP, "sha256sum /var/broadworks/tmp/authService.keys", "hosts/<host>/authservice-keys.sha256")
	fixtureCertAuthGet  = lint.CLI(inputs.RoleXSP, fixtureCertAuth, "get", "hosts/<host>/certificate-auth.txt").Reading("allowUserApp")

	fixtureTemplateCheck = &lint.Check{
		Name: "as_fixture_template", Title: "AS provisioning account matches the template",
		Doc: "The fixture's template check.", Fix: "Set `provisioningUserId` to the template's value.",
		Severity: lint.Error, Evidence: []lint.Evidence{fixtureMessagingGet}, Tags: []string{"as", "provisioning"},
		Run: runFixtureTemplate,
	}
	fixturePatchCheck = &lint.Check{
		Name: "as_fixture_patch", Title: "AS has the required patch",
		Doc: "The fixture's patch check.", Fix: "Apply `AP.as.24.0.944.ap384177`.",
		Severity: lint.Error, Evidence: []lint.Evidence{fixturePatchList}, Tags: []string{"as", "patches"},
		Run: runFixturePatch,
	}
	fixtureDigestCheck = &lint.Check{
		Name: "xsp_fixture_digest", Title: "XSP key digests match",
		Doc: "The fixture's digest check; the report tests give it its findings.", Fix: "Copy the keys.",
		Severity: lint.Note, Evidence: []lint.Evidence{fixtureDigest}, Tags: []string{"xsp"},
		Run: func(*lint.Pass) error { return nil },
	}
	fixtureFlagCheck = &lint.Check{
		Name: "xsp_fixture_flag", Title: "XSP certificate authentication does not allow user apps",
		Doc: "The fixture's flag check.", Fix: "Set `allowUserApp` to false.",
		Severity: lint.Error, Evidence: []lint.Evidence{fixtureCertAuthGet}, Tags: []string{"xsp", "security"},
		SecuritySeverity: "7.5",
		Run:              runFixtureFlag,
	}
)

// fixtureChecks are the report tests' checks, sorted by name.
func fixtureChecks() []*lint.Check {
	return []*lint.Check{fixturePatchCheck, fixtureTemplateCheck, fixtureDigestCheck, fixtureFlagCheck}
}

// lintFixture runs the fixture checks on snap, judged by nothing.
func lintFixture(t *testing.T, snap *inputs.Snapshot) *judge.Result {
	t.Helper()
	if err := lint.Validate(fixtureChecks()); err != nil {
		t.Fatal(err)
	}
	return judge.New(lint.Run(context.Background(), snap, fixtureChecks(), lint.Settings{}), judge.Notes{})
}

// runFixtureTemplate compares provisioningUserId with the first
// template's provisioningAccountName, and says when the password is
// masked.
func runFixtureTemplate(p *lint.Pass) error {
	if len(p.Snapshot.Templates) == 0 {
		p.NotEvaluated("", "no template")
		return nil
	}
	tpl := p.Snapshot.Templates[0]
	want, ok := tpl.Field("provisioningAccountName")
	if !ok {
		return nil
	}
	for _, h := range p.HostsWithRole(inputs.RoleAS) {
		if pw, _, ok := h.Attr(fixtureMessaging, "provisioningPassword"); ok && pw.Value.Masked() {
			p.NotEvaluatedPart(h.Name, "provisioningPassword is masked in the capture (%s)", pw.Value.Loc.Filename())
		}
		kv, _, ok := h.Attr(fixtureMessaging, "provisioningUserId")
		if !ok {
			p.Gap(h.Name, fixtureMessagingGet, "AS_CLI/%s was not captured on %s", fixtureMessaging, h.Name)
			continue
		}
		if kv.Value.Text == want.Value.Text {
			continue
		}
		p.Report(lint.Finding{
			Host:     h.Name,
			Message:  "provisioningUserId on " + h.Name + " is " + strconv.Quote(kv.Value.Text) + " but template " + tpl.Name.Text + " has " + strconv.Quote(want.Value.Text),
			Location: kv.Value.Range(),
			Logical:  lint.Logical{Context: "AS_CLI/" + fixtureMessaging, Key: "provisioningUserId"},
			Expected: want.Value.Text, Actual: kv.Value.Text,
			Related: []lint.Related{{Location: want.Key.Range(), Message: "template " + tpl.Name.Text + " sets provisioningAccountName"}},
		})
	}
	return nil
}

// runFixturePatch reports an AS whose patch table lacks the patch, at the
// table's Patch Name column.
func runFixturePatch(p *lint.Pass) error {
	const patch = "AP.as.24.0.944.ap384177"
	for _, h := range p.HostsWithRole(inputs.RoleAS) {
		for _, t := range h.Tables(fixturePatching) {
			col := t.Column("Patch Name")
			if col < 0 {
				continue
			}
			found := false
			for _, r := range t.Rows {
				found = found || r.Cell(col).Text == patch
			}
			if !found {
				p.Report(lint.Finding{
					Host:     h.Name,
					Message:  "required patch " + patch + " is not applied on " + h.Name,
					Location: t.Columns[col].Range(),
					Logical:  lint.Logical{Context: "AS_CLI/" + fixturePatching, Key: "Patch Name=" + patch},
					Expected: patch + " installed",
				})
			}
		}
	}
	return nil
}

// runFixtureFlag reports an XSP whose allowUserApp is not false.
func runFixtureFlag(p *lint.Pass) error {
	for _, h := range p.HostsWithRole(inputs.RoleXSP) {
		kv, _, ok := h.Attr(fixtureCertAuth, "allowUserApp")
		if !ok {
			p.Gap(h.Name, fixtureCertAuthGet, "XSP_CLI/%s was not captured on %s", fixtureCertAuth, h.Name)
			continue
		}
		if kv.Value.Text != "false" {
			p.Report(lint.Finding{
				Host:     h.Name,
				Message:  "allowUserApp on " + h.Name + " is " + strconv.Quote(kv.Value.Text) + ", must be false",
				Location: kv.Value.Range(),
				Logical:  lint.Logical{Context: lint.ServerOf(h, inputs.RoleXSP) + "_CLI/" + fixtureCertAuth, Key: "allowUserApp"},
				Expected: "allowUserApp = false", Actual: "allowUserApp = " + kv.Value.Text,
			})
		}
	}
	return nil
}
