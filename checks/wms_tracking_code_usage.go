package checks

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs/wms"
	"github.com/bwlint/bwlint/lint"
)

// trackingCodeUsage is the evidence wms_tracking_code_usage reads.
var trackingCodeUsage = wmsSettingsFile.Reading("the usage of each tracking code (TC1 to TC10)")

var wmsTrackingCodeUsage = &lint.Check{
	Name:  "wms_tracking_code_usage",
	Title: "tracking codes are not required, as the Meetings Server guide recommends",
	Doc: `Cisco WebEx Meetings Server's troubleshooting guide ("Auto Account Creation or Auto Account Update
Has Failed") recommends not configuring tracking codes as required at Users > Tracking Codes. A
required tracking code becomes a required attribute of every SSO assertion and a required column
of every import: one user whose identity provider entry lacks it cannot have an account created
or updated.

This is advice: a note for each tracking code whose usage ` + "`wms/settings.hcl`" + ` gives as
` + "`required`" + `. Whether the required codes are actually mapped is judged by
` + "`wms_sso_attribute_mapping`" + ` and ` + "`wms_user_import_file`" + `.`,
	Fix: `At Users > Tracking Codes of the administration site, set the tracking code's Usage to
Optional (or Not used), then update its ` + "`usage`" + ` in ` + "`wms/settings.hcl`" + `. If the code must stay
required, map it in the identity provider for every user and waive this note with the reason.`,
	Severity: lint.Note,
	Applies: `Every tracking code ` + "`wms/settings.hcl`" + ` describes. Without the file, or a code's usage, there
is nothing to judge (not evaluated).`,
	Evidence: []lint.Evidence{trackingCodeUsage},
	Tags:     []string{"wms", "sso", "advice"},
	Run:      runWMSTrackingCodeUsage,
}

func runWMSTrackingCodeUsage(p *lint.Pass) error {
	codes, ok := wmsDescribedCodes(p)
	if !ok {
		return nil
	}
	for _, tc := range codes {
		code := strings.ToUpper(tc.Code.Text)
		switch {
		case !tc.Usage.Present():
			p.NotEvaluatedPart("", "%s: %s does not give its usage (required, optional or not_used)", code, wmsSettingsPath)
		case tc.Usage.Text == wms.UsageRequired:
			p.Report(lint.Finding{
				Message: fmt.Sprintf("%s is required at Users > Tracking Codes; the guide recommends not making tracking codes required: every SSO assertion must then carry it, or Meetings Server can neither create nor update the user's account",
					wmsCodeLabel(tc)),
				Location: tc.Usage.Range(),
				Logical:  lint.Logical{Context: wmsCodesContext + "/" + code, Key: "usage"},
				Expected: wms.UsageOptional,
				Actual:   tc.Usage.Text,
				Fix: trackingCodeFix(tc, "Usage", "Optional (or Not used)", "usage", wms.UsageOptional,
					"if the code must stay required, map it in the identity provider for every user and waive this note with the reason"),
			})
		}
	}
	return nil
}
