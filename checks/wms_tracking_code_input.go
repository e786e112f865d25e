package checks

import (
	"fmt"
	"strings"

	"github.com/bwlint/bwlint/inputs/wms"
	"github.com/bwlint/bwlint/lint"
)

// trackingCodeInput is the evidence wms_tracking_code_input reads.
var trackingCodeInput = wmsSettingsFile.Reading("the usage and input mode of each tracking code (TC1 to TC10)")

var wmsTrackingCodeInput = &lint.Check{
	Name:  "wms_tracking_code_input",
	Title: "tracking codes take text, not a dropdown menu, as the Meetings Server guide recommends",
	Doc: `Cisco WebEx Meetings Server's troubleshooting guide ("Auto Account Creation or Auto Account Update
Has Failed") recommends not configuring the input mode of tracking codes as a dropdown menu. With a
dropdown, the value an SSO assertion carries must be one of the list's active values exactly: a
value spelt otherwise, or one made inactive in the list, makes account creation and update fail
for every user who carries it.

This is advice: a note for each tracking code in use whose input mode ` + "`wms/settings.hcl`" + ` gives as
` + "`dropdown`" + `. Whether the values users carry are active is judged by ` + "`wms_sso_attribute_mapping`" + ` and
` + "`wms_user_import_file`" + `.`,
	Fix: `At Users > Tracking Codes of the administration site, set the tracking code's Input mode to
Text field, then update its ` + "`input`" + ` in ` + "`wms/settings.hcl`" + `. If the dropdown must stay, keep the
identity provider's values in step with the list's active values and waive this note with the
reason.`,
	Severity: lint.Note,
	Applies: `Every tracking code ` + "`wms/settings.hcl`" + ` describes that is in use (usage required or optional).
Without the file, or a code's input mode, there is nothing to judge (not evaluated).`,
	Evidence: []lint.Evidence{trackingCodeInput},
	Tags:     []string{"wms", "sso", "advice"},
	Run:      runWMSTrackingCodeInput,
}

func runWMSTrackingCodeInput(p *lint.Pass) error {
	codes, ok := wmsDescribedCodes(p)
	if !ok {
		return nil
	}
	for _, tc := range codes {
		code := strings.ToUpper(tc.Code.Text)
		switch {
		case tc.Usage.Text == wms.UsageNotUsed:
		case !tc.Input.Present():
			p.NotEvaluatedPart("", "%s: %s does not give its input mode (text or dropdown)", code, wmsSettingsPath)
		case tc.Input.Text == wms.InputDropdown:
			p.Report(lint.Finding{
				Message: fmt.Sprintf("%s takes its value from a dropdown menu; the guide recommends text input: an SSO assertion must then carry one of the menu's active values exactly (%s), or Meetings Server can neither create nor update the user's account",
					wmsCodeLabel(tc), activeValues(tc)),
				Location: tc.Input.Range(),
				Logical:  lint.Logical{Context: wmsCodesContext + "/" + code, Key: "input"},
				Expected: wms.InputText,
				Actual:   tc.Input.Text,
				Fix: trackingCodeFix(tc, "Input mode", "Text field", "input", wms.InputText,
					"if the dropdown must stay, keep the identity provider's values in step with its active values and waive this note with the reason"),
			})
		}
	}
	return nil
}

// activeValues names a dropdown's active values for a message.
func activeValues(tc wms.TrackingCode) string {
	if len(tc.Values) == 0 {
		return "wms/settings.hcl lists none"
	}
	return wmsQuoteList(tc.Values)
}
