package codes

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The codes of the two tables at the end of the troubleshooting guide, as
// printed there: "End user error codes" and "Error codes for Directory
// Sync". The test reads the guide as well when it is at hand, so that a
// code added to the guide fails the test until the table has it.
var (
	guideEndUser = []string{
		"100006", "200010", "200013", "200014", "200016", "200018", "200019", "200022",
		"200025", "200026", "200039", "200040", "200041", "200042", "200043", "200044",
		"200045", "200046", "200047", "200048", "200049", "200050", "200051", "200054",
		"300005",
	}
	guideDirectorySync = []string{
		"600000", "600001", "600002", "600003", "600004", "600005", "600006", "600007",
		"600008", "600009", "600010", "600011", "600012", "600013", "600014", "600015",
		"600017", "600018", "600019", "600020", "600022", "600023", "600024", "600025",
		"600026", "600027", "600028", "600029",
	}
)

// guidePath is the troubleshooting guide as kept beside the repository.
var guidePath = filepath.Join("..", "..", "..", "shared", "seeds", "000_7a346159efe53d22.txt")

func codesOf(f Family) []string {
	var out []string
	for _, e := range All() {
		if e.Family == f {
			out = append(out, e.Code)
		}
	}
	return out
}

func TestGuideTablesAreComplete(t *testing.T) {
	if len(guideEndUser) != 25 || len(guideDirectorySync) != 28 {
		t.Fatalf("the guide's tables hold 25 end-user and 28 Directory Sync codes; the lists here hold %d and %d", len(guideEndUser), len(guideDirectorySync))
	}
	if diff := cmp.Diff(guideEndUser, codesOf(EndUser)); diff != "" {
		t.Errorf("end-user codes differ from the guide's table (-guide +table):\n%s", diff)
	}
	if diff := cmp.Diff(guideDirectorySync, codesOf(DirectorySync)); diff != "" {
		t.Errorf("Directory Sync codes differ from the guide's table (-guide +table):\n%s", diff)
	}
}

// TestGuideText reads the codes out of the guide itself: every six-digit
// number that starts a row of either table.
func TestGuideText(t *testing.T) {
	raw, err := os.ReadFile(guidePath)
	if os.IsNotExist(err) {
		t.Skipf("%s is not at hand; TestGuideTablesAreComplete holds the transcribed lists", guidePath)
	}
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	section := func(from, to string) string {
		i := strings.Index(text, from)
		j := strings.Index(text, to)
		if i < 0 || j < i {
			t.Fatalf("the guide no longer has the headings %q and %q in this order", from, to)
		}
		return text[i:j]
	}
	row := regexp.MustCompile(`(?m)^(\d{6}) \|`)
	read := func(s string) []string {
		var out []string
		for _, m := range row.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		return out
	}
	endUser := read(section("\nEnd user error codes", "\nError codes for Directory Sync"))
	dirSync := read(section("\nError codes for Directory Sync", "\nChange history"))
	if diff := cmp.Diff(endUser, guideEndUser); diff != "" {
		t.Errorf("the guide's end-user table changed (-guide +listed):\n%s", diff)
	}
	if diff := cmp.Diff(dirSync, guideDirectorySync); diff != "" {
		t.Errorf("the guide's Directory Sync table changed (-guide +listed):\n%s", diff)
	}
	// The IM&P errors and the bridge's statuses are in the guide's text.
	for _, want := range []string{"[Error 18215]", "[Error 18211]", "Can not trust BroadWorks email", "new org creation flag is not enabled", "ap373197"} {
		if !strings.Contains(text, want) {
			t.Errorf("the guide no longer mentions %q", want)
		}
	}
}

func TestOtherFamilies(t *testing.T) {
	for _, tc := range []struct {
		family Family
		codes  []string
	}{
		{IMP, []string{"18211", "18215"}},
		{Bridge, []string{"200", "400", "400", "400", "401", "403", "409", ""}},
		{MeetingsServer, []string{"", "", "", ""}},
	} {
		if diff := cmp.Diff(tc.codes, codesOf(tc.family)); diff != "" {
			t.Errorf("%s codes (-want +got):\n%s", tc.family, diff)
		}
	}
}

// contractChecks are the check names the table may cite.
var contractChecks = []string{
	"as_imp_matches_template", "as_required_patches", "as_imp_url_is_fqdn",
	"users_primary_number", "users_email_valid_unique", "template_org_name_collision",
	"template_flags", "pslog_provisioning", "wms_user_import_file",
	"wms_sso_attribute_mapping", "wms_auto_account_creation", "wms_tracking_code_usage",
	"wms_tracking_code_input",
}

func TestEntriesAreWellFormed(t *testing.T) {
	ids := map[string]bool{}
	families := []Family{EndUser, DirectorySync, IMP, Bridge, MeetingsServer}
	lastFamily := 0
	for _, e := range All() {
		if ids[e.ID] {
			t.Errorf("ID %q appears twice", e.ID)
		}
		ids[e.ID] = true
		if e.ID != strings.ToLower(e.ID) || strings.ContainsAny(e.ID, " \t") {
			t.Errorf("ID %q: want lower case without spaces", e.ID)
		}
		f := slices.Index(families, e.Family)
		if f < lastFamily {
			t.Errorf("%s: family %q out of order", e.ID, e.Family)
		}
		lastFamily = f
		if e.Meaning == "" || e.Action == "" || e.Source.Document == "" || e.Source.Section == "" {
			t.Errorf("%s: meaning, action and source are required: %+v", e.ID, e)
		}
		for _, s := range []string{e.Meaning, e.Action} {
			if !strings.HasSuffix(s, ".") {
				t.Errorf("%s: %q must be a sentence ending in a period", e.ID, s)
			}
		}
		if e.Code != "" && e.ID != e.Code && e.Family != Bridge {
			t.Errorf("%s: a numeric code is its own ID, got code %q", e.ID, e.Code)
		}
		for _, c := range append(slices.Clone(e.Checks), e.ReportedBy...) {
			if !slices.Contains(contractChecks, c) {
				t.Errorf("%s: %q is not a check name of the contract", e.ID, c)
			}
		}
	}
}

func ids(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"200042", []string{"200042"}},
		{" Error 18215 ", []string{"18215"}},
		{"[Error 18211]", []string{"18211"}},
		{"HTTP 409", []string{"http-409"}},
		{"409 Conflict", []string{"http-409"}},
		{"400", []string{"http-400", "http-400-untrusted-email", "http-400-new-org-disabled"}},
		{"error code: 600014", []string{"600014"}},
		{"WMS-No-User-Account", []string{"wms-no-user-account"}},
		{"600016", nil},       // not in the guide
		{"200ok", nil},        // not a code
		{"user 200042", nil},  // a word that frames no code
		{"Login failed", nil}, // a message is for Search
		{"", nil},             // nothing asked
		{"http-other", []string{"http-other"}},
		{"HTTP 502", []string{"http-other"}},
		{"600", nil},
	} {
		if diff := cmp.Diff(tc.want, ids(Lookup(tc.query))); diff != "" {
			t.Errorf("Lookup(%q) (-want +got):\n%s", tc.query, diff)
		}
	}
}

func TestSearch(t *testing.T) {
	first := func(q string) string {
		m := Search(q)
		if len(m) == 0 {
			return ""
		}
		return m[0].Entry.ID
	}
	for _, tc := range []struct {
		query, want string
	}{
		// Pasted from a screen, with other case, quotes and a line break.
		{"already associated with another BroadWorks\nUserId", "200042"},
		{"\u201cCan not trust broadworks EMAIL\u201d", "http-400-untrusted-email"},
		{"new org creation flag", "http-400-new-org-disabled"},
		{"No user account found", "wms-no-user-account"},
		{"auto account update failed", "wms-auto-account-update-failed"},
		{"invalid file", "wms-invalid-import-file"},
		{"Provisioning error with Messaging", "18215"},
		// The last word cut short.
		{"multiple pending users exists with same broadworksUs", "200046"},
		// Words in another order still find the entry.
		{"hybrid sync enabled directory", "600012"},
		// A code is found too, first.
		{"Error 18211", "18211"},
		// The meaning, in bwlint's words.
		{"free consumer account", "http-409"},
	} {
		if got := first(tc.query); got != tc.want {
			t.Errorf("Search(%q) first = %q, want %q (all: %v)", tc.query, got, tc.want, matchIDs(Search(tc.query)))
		}
	}
	if m := Search("zebra quantum"); len(m) != 0 {
		t.Errorf("Search of unrelated words found %v", matchIDs(m))
	}
	if m := Search("  "); m != nil {
		t.Errorf("empty search found %v", matchIDs(m))
	}
	// Ranking: the two codes whose message is the same phrase rank
	// above a code that merely shares words, in table order.
	got := matchIDs(Search("userId is already in use on this BroadWorks cluster"))
	if len(got) < 3 || !slices.Equal(got[:3], []string{"200044", "200047", "200049"}) {
		t.Errorf("Search ranks %v; want 200044, 200047, 200049 first", got)
	}
}

func matchIDs(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Entry.ID)
	}
	return out
}

func TestAllIsACopy(t *testing.T) {
	a := All()
	a[0].ID = "changed"
	if All()[0].ID == "changed" {
		t.Error("All returned the table itself")
	}
}

func TestBridgeAnswer(t *testing.T) {
	for _, tc := range []struct{ status, message, want string }{
		{"400", "Can not trust BroadWorks email with legacy provisioning API.", "http-400-untrusted-email"},
		{"400", "Email address cannot be trusted for this template", "http-400-untrusted-email"},
		{"400", "Customer org is not found in database and also new org creation flag is not enabled.", "http-400-new-org-disabled"},
		{"400", "primaryPhoneNumber is required", "http-400"},
		{"400", "", "http-400"},
		{"401", "The provisioning credentials were not accepted", "http-401"},
		{"403", "", "http-403"},
		{"409", "A user with this email address already exists", "http-409"},
		{"200", "", "http-200"},
		{"502", "Bad Gateway", "http-other"},
	} {
		if got := BridgeAnswer(tc.status, tc.message).ID; got != tc.want {
			t.Errorf("BridgeAnswer(%q, %q) = %s, want %s", tc.status, tc.message, got, tc.want)
		}
	}
}
