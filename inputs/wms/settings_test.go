package wms

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bwlint/bwlint/inputs/source"
)

func describeSettings(s *Settings) []string {
	out := []string{"creation " + show(s.AutoAccountCreation), "update " + show(s.AutoAccountUpdate)}
	for _, tc := range s.TrackingCodes {
		line := fmt.Sprintf("code %s block %s name %s usage %s input %s", show(tc.Code), span(tc.Range), show(tc.Name), show(tc.Usage), show(tc.Input))
		for _, v := range tc.Values {
			line += " value " + show(v)
		}
		for _, v := range tc.InactiveValues {
			line += " inactive " + show(v)
		}
		out = append(out, line)
	}
	return out
}

// checkSettings checks that every value's range slices back to its text.
func checkSettings(t testing.TB, s *Settings, text string) {
	t.Helper()
	ix := source.NewIndex(s.Path, text)
	check := func(what string, v source.Value) {
		if !v.Present() {
			return
		}
		checkRange(t, what, ix, v.Range())
		raw := text[v.Range().Start.Byte:v.Range().End.Byte]
		if raw != v.Text && !strings.ContainsAny(raw, `\$%`) {
			t.Fatalf("%s: text %q but its range holds %q", what, v.Text, raw)
		}
	}
	check("auto_account_creation", s.AutoAccountCreation)
	check("auto_account_update", s.AutoAccountUpdate)
	for _, tc := range s.TrackingCodes {
		check("code", tc.Code)
		checkRange(t, "block", ix, tc.Range)
		check("name", tc.Name)
		check("usage", tc.Usage)
		check("input", tc.Input)
		for _, v := range append(tc.Values, tc.InactiveValues...) {
			check("value", v)
		}
	}
}

func TestParseSettingsExample(t *testing.T) {
	text := string(readFixture(t, "settings/settings.hcl"))
	s, probs := ParseSettings("wms/settings.hcl", text)
	if len(probs) != 0 || s == nil {
		t.Fatalf("problems %v", problems(probs))
	}
	checkSettings(t, s, text)
	want := []string{
		`creation "false"@3:25-3:30`,
		`update "true"@4:25-4:29`,
		`code "TC1"@7:16-7:19 block 7:1-7:20 name "Kostenstelle"@8:13-8:25 usage "required"@9:13-9:21 input "dropdown"@10:13-10:21 value "CC-4410"@11:14-11:21 value "CC-4420"@11:25-11:32 value "CC-4430"@11:36-11:43 inactive "CC-1000"@12:23-12:30`,
		`code "TC2"@15:16-15:19 block 15:1-15:20 name "Standort/Büro"@16:12-16:25 usage "optional"@17:12-17:20 input "text"@18:12-18:16`,
		`code "tc3"@21:16-21:19 block 21:1-21:20 name absent usage "not_used"@22:12-22:20 input absent`,
	}
	if diff := cmp.Diff(want, describeSettings(s)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if tc, ok := s.TrackingCode("TC3"); !ok || tc.Usage.Text != UsageNotUsed {
		t.Errorf("TrackingCode(TC3) = %v, %v", tc.Usage, ok)
	}
	if _, ok := s.TrackingCode("TC4"); ok {
		t.Error("TC4 is not described")
	}
}

func TestParseSettingsProblems(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
		settings   bool
	}{{
		name:     "empty: nothing known",
		text:     "# nothing written down yet\n",
		settings: true,
	}, {
		name: "not HCL",
		text: "auto_account_creation: yes\n",
		want: []string{`1:1-1:22 error: Argument or block definition required: An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value`},
	}, {
		name: "unknown attribute",
		text: "auto_account_creaton = true\n",
		want: []string{`1:1-1:21 error: Unsupported argument: An argument named "auto_account_creaton" is not expected here. Did you mean "auto_account_creation"?`},
	}, {
		name:     "wrong type",
		text:     "auto_account_update = \"sometimes\"\n",
		want:     []string{`1:24-1:33 error: Unsuitable value type: Unsuitable value: a bool is required`},
		settings: true,
	}, {
		name:     "values outside the allowed sets, bad and repeated codes",
		text:     "tracking_code \"TC1\" {\n  usage = \"mandatory\"\n  input = \"list\"\n}\ntracking_code \"TC11\" {}\ntracking_code \"tc1\" {}\n",
		want:     []string{`2:12-2:21 error: usage is "mandatory"; want "required", "optional" or "not_used"`, `3:12-3:16 error: input is "list"; want "text" or "dropdown"`, `5:16-5:20 error: tracking code "TC11": want TC1 to TC10, the names Meetings Server gives its ten tracking codes`, `6:16-6:19 error: tracking code tc1 is described twice; the first block is at line 1`},
		settings: true,
	}, {
		name:     "values of a text code, a value active and inactive, a repeated value",
		text:     "tracking_code \"TC4\" {\n  input = \"text\"\n  values = [\"A\", \"B\", \"A\"]\n  inactive_values = [\"B\"]\n}\n",
		want:     []string{`3:3-3:9 warning: tracking code TC4 takes text input, so its dropdown values are not used`, `3:24-3:25 warning: values lists "A" twice`, `4:23-4:24 error: tracking code TC4 lists "B" as active and as inactive`},
		settings: true,
	}, {
		name:     "a list that is no list",
		text:     "tracking_code \"TC5\" {\n  values = \"A\"\n}\n",
		want:     []string{`2:12-2:15 error: values must be a list of quoted strings, such as ["a", "b"]`},
		settings: true,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			s, probs := ParseSettings("wms/settings.hcl", tc.text)
			if diff := cmp.Diff(tc.want, problems(probs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if (s != nil) != tc.settings {
				t.Fatalf("settings %v, want %v", s != nil, tc.settings)
			}
			if s != nil {
				checkSettings(t, s, tc.text)
			}
		})
	}
}
