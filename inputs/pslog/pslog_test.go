package pslog

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/bwlint/bwlint/inputs/source"
)

func at(r hcl.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

func show(v source.Value) string {
	if !v.Present() {
		return "-"
	}
	return fmt.Sprintf("%q@%s", v.Text, at(v.Range()))
}

func readFixture(t testing.TB, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// describe flattens a log into lines a reviewer can check against the
// fixture.
func describe(l *Log) []string {
	out := []string{fmt.Sprintf("lines %d exchange %d other %d", l.Lines, l.ExchangeLines, l.OtherLines)}
	for i, x := range l.Exchanges {
		out = append(out, fmt.Sprintf("exchange %d paired by %q status %d", i, x.Pairing, x.StatusCode()))
		if r := x.Request; r != nil {
			out = append(out, fmt.Sprintf("  request %s %s %s host %s thread %s", at(r.Range), show(r.Method), show(r.Target), show(r.Host), show(r.Thread)))
			for _, h := range r.Headers {
				out = append(out, fmt.Sprintf("  > %s: %s secret=%v", show(h.Name), show(h.Value), h.Secret))
			}
			if p := r.Profile; p.Present {
				out = append(out, fmt.Sprintf("  profile %s %s complete=%v bwuserid %s group %s serviceProvider %s primaryPhoneNumber %s email %s",
					p.Format, at(p.Range), p.Complete, show(p.BWUserID), show(p.Group), show(p.ServiceProvider), show(p.PrimaryPhoneNumber), show(p.Email)))
			}
		}
		if r := x.Response; r != nil {
			out = append(out, fmt.Sprintf("  response %s %s %s message %s url %s thread %s", at(r.Range), show(r.Status), show(r.Reason), show(r.Message), show(r.URL), show(r.Thread)))
			for _, h := range r.Headers {
				out = append(out, fmt.Sprintf("  < %s: %s secret=%v", show(h.Name), show(h.Value), h.Secret))
			}
		}
	}
	for _, s := range l.Secrets() {
		out = append(out, "secret "+at(s))
	}
	return out
}

// values lists every value of the log.
func values(l *Log) []source.Value {
	var out []source.Value
	add := func(vs ...source.Value) {
		for _, v := range vs {
			if v.Present() {
				out = append(out, v)
			}
		}
	}
	for _, x := range l.Exchanges {
		if r := x.Request; r != nil {
			add(r.Method, r.Target, r.Host, r.Thread)
			for _, h := range r.Headers {
				add(h.Name, h.Value)
			}
			p := r.Profile
			add(p.BWUserID, p.Group, p.ServiceProvider, p.PrimaryPhoneNumber, p.Email)
		}
		if r := x.Response; r != nil {
			add(r.Status, r.Reason, r.Message, r.URL, r.Thread)
			for _, h := range r.Headers {
				add(h.Name, h.Value)
			}
		}
	}
	return out
}

// checkLog checks the invariants every log keeps: ranges are well formed
// and slice back to their values (escapes aside), no value shows a byte of
// a secret, and the line counts add up.
func checkLog(t testing.TB, l *Log, text string) {
	t.Helper()
	ix := source.NewIndex(l.Path, text)
	check := func(what string, r hcl.Range) {
		t.Helper()
		if r.Filename != l.Path || r.Start.Byte < 0 || r.Start.Byte > r.End.Byte || r.End.Byte > len(text) {
			t.Fatalf("%s: bad range %+v", what, r)
		}
		if got := ix.Range(r.Start.Byte, r.End.Byte); got != r {
			t.Fatalf("%s: range %+v, want %+v for its offsets", what, r, got)
		}
	}
	secrets := l.Secrets()
	for _, s := range secrets {
		check("secret", s)
	}
	for _, v := range values(l) {
		check(fmt.Sprintf("value %q", v.Text), v.Range())
		raw := text[v.Range().Start.Byte:v.Range().End.Byte]
		escaped := strings.ContainsAny(raw, `&\`) || strings.Contains(v.Text, source.Redacted)
		if v.Text != raw && !escaped && v.Text != "" {
			t.Fatalf("value %q at %s: its range holds %q", v.Text, at(v.Range()), raw)
		}
		if v.Text == "" {
			continue
		}
		for _, s := range secrets {
			if s.Start.Byte < v.Range().End.Byte && v.Range().Start.Byte < s.End.Byte && !strings.Contains(v.Text, source.Redacted) {
				t.Fatalf("value %q at %s overlaps the secret at %s", v.Text, at(v.Range()), at(s))
			}
		}
	}
	for _, x := range l.Exchanges {
		if x.Request == nil && x.Response == nil {
			t.Fatal("an empty exchange")
		}
		if (x.Request == nil || x.Response == nil) != (x.Pairing == Unpaired) {
			t.Fatalf("exchange paired by %q with request %v and response %v", x.Pairing, x.Request != nil, x.Response != nil)
		}
		if x.Request != nil {
			check("request", x.Request.Range)
		}
		if x.Response != nil {
			check("response", x.Response.Range)
			if len(x.Response.Status.Text) != 3 {
				t.Fatalf("status %q", x.Response.Status.Text)
			}
		}
	}
	if l.ExchangeLines+l.OtherLines != l.Lines || l.OtherLines < 0 {
		t.Fatalf("lines %d = exchange %d + other %d", l.Lines, l.ExchangeLines, l.OtherLines)
	}
}

func parseFixture(t *testing.T, name string) (*Log, string) {
	t.Helper()
	text := readFixture(t, name)
	l, probs := Parse("logs/pslog/"+name, text)
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	checkLog(t, l, text)
	return l, text
}

// secretsHidden checks that no value of the log holds any of words, the
// passwords and credentials the fixture carries.
func secretsHidden(t *testing.T, l *Log, words ...string) {
	t.Helper()
	for _, v := range values(l) {
		for _, w := range words {
			if strings.Contains(v.Text, w) {
				t.Errorf("value %q at %s shows a secret", v.Text, at(v.Range()))
			}
		}
	}
}

// covered reports whether text's secret ranges cover every occurrence of
// word.
func covered(t *testing.T, l *Log, text, word string) {
	t.Helper()
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return
		}
		at := i + j
		ok := false
		for _, s := range l.Secrets() {
			if s.Start.Byte <= at && at+len(word) <= s.End.Byte {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q at byte %d is not within a secret range", word, at)
		}
		i = at + len(word)
	}
}

// TestFixtures reads each constructed excerpt (see testdata/README.md)
// and compares every exchange, position and secret with what the
// excerpt shows.
func TestFixtures(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{
			file: "bw-multiline-401-403-409.log",
			want: []string{
				`lines 85 exchange 73 other 12`,
				`exchange 0 paired by "correlation header" status 401`,
				`  request 5:2-23:22 "POST"@5:2-5:6 "https://broadworks-provisioning-bridge-a.wbx2.com/api/v1/subscribers"@5:7-5:75 host "broadworks-provisioning-bridge-a.wbx2.com"@5:15-5:56 thread "Thread-18"@4:65-4:74`,
				`  > "Content-Type"@6:2-6:14: "application/xml; charset=UTF-8"@6:16-6:46 secret=false`,
				`  > "Authorization"@7:2-7:15: ""@7:17-7:79 secret=true`,
				`  > "TrackingID"@8:2-8:12: "AS_4f2c1e7a-1b6d-4d55-9c2e-0a1b2c3d4e5f"@8:14-8:53 secret=false`,
				`  > "Content-Length"@9:2-9:16: "431"@9:18-9:21 secret=false`,
				`  profile xml 12:2-23:22 complete=true bwuserid "4155550101@voice.example.net"@13:14-13:42 group "Acme-Stockholm"@16:11-16:25 serviceProvider "Nordic-SP"@17:21-17:30 primaryPhoneNumber "+14155550101"@18:24-18:36 email "grete.lindqvist@acme.example"@19:11-19:39`,
				`  response 26:2-30:117 "401"@26:11-26:14 "Unauthorized"@26:15-26:27 message "The provisioning credentials were not accepted"@30:14-30:60 url - thread "Thread-18"@25:65-25:74`,
				`  < "Content-Type"@27:2-27:14: "application/json"@27:16-27:32 secret=false`,
				`  < "TrackingID"@28:2-28:12: "AS_4f2c1e7a-1b6d-4d55-9c2e-0a1b2c3d4e5f"@28:14-28:53 secret=false`,
				`exchange 1 paired by "thread" status 403`,
				`  request 36:2-53:22 "POST"@36:2-36:6 "https://10.20.30.40/api/v1/subscribers"@36:7-36:45 host "10.20.30.40"@36:15-36:26 thread "Thread-21"@35:65-35:74`,
				`  > "Content-Type"@37:2-37:14: "application/xml; charset=UTF-8"@37:16-37:46 secret=false`,
				`  > "Authorization"@38:2-38:15: ""@38:17-38:63 secret=true`,
				`  > "Host"@39:2-39:6: "10.20.30.40"@39:8-39:19 secret=false`,
				`  profile xml 42:2-53:22 complete=true bwuserid "4155550102@voice.example.net"@43:14-43:42 group "Acme-Stockholm"@46:11-46:25 serviceProvider "Nordic-SP"@47:21-47:30 primaryPhoneNumber "+14155550102"@48:24-48:36 email "olof.berg@acme.example"@49:11-49:33`,
				`  response 56:2-59:50 "403"@56:11-56:14 "Forbidden"@56:15-56:24 message - url - thread "Thread-21"@55:65-55:74`,
				`  < "Content-Type"@57:2-57:14: "text/html"@57:16-57:25 secret=false`,
				`exchange 2 paired by "thread" status 409`,
				`  request 62:2-78:22 "POST"@62:2-62:6 "https://broadworks-provisioning-bridge-a.wbx2.com/api/v1/subscribers"@62:7-62:75 host "broadworks-provisioning-bridge-a.wbx2.com"@62:15-62:56 thread "Thread-24"@61:65-61:74`,
				`  > "Content-Type"@63:2-63:14: "application/xml; charset=UTF-8"@63:16-63:46 secret=false`,
				`  > "Authorization"@64:2-64:15: ""@64:17-64:63 secret=true`,
				`  profile xml 67:2-78:22 complete=true bwuserid "4155550103@voice.example.net"@68:14-68:42 group "Acme-Stockholm"@71:11-71:25 serviceProvider "Nordic-SP"@72:21-72:30 primaryPhoneNumber ""@73:25-73:25 email "li.wen@acme.example"@74:11-74:30`,
				`  response 81:2-84:97 "409"@81:11-81:14 "Conflict"@81:15-81:23 message "A user with this email address already exists"@84:34-84:79 url - thread "Thread-24"@80:65-80:74`,
				`  < "Content-Type"@82:2-82:14: "application/xml"@82:16-82:31 secret=false`,
				`secret 7:17-7:79`,
				`secret 38:17-38:63`,
				`secret 64:17-64:63`,
			},
		},
		{
			file: "single-line.log",
			want: []string{
				`lines 5 exchange 4 other 1`,
				`exchange 0 paired by "thread" status 400`,
				`  request 1:87-1:477 "POST"@1:87-1:91 "https://broadworks-provisioning-bridge-k.wbx2.com/api/v1/subscribers"@1:92-1:160 host "broadworks-provisioning-bridge-k.wbx2.com"@1:100-1:141 thread "pool-3-thread-2"@1:38-1:53`,
				`  profile xml 1:239-1:477 complete=true bwuserid "anna.kovacs@sp.example"@1:268-1:290 group "BudaTech"@1:308-1:316 serviceProvider "HU-Reseller"@1:341-1:352 primaryPhoneNumber "+3615550100"@1:390-1:401 email "anna.kovacs@budatech"@1:429-1:449`,
				`  response 2:96-2:175 "400"@2:103-2:106 - message "Email address cannot be trusted for this template"@2:124-2:173 url - thread "pool-3-thread-2"@2:38-2:53`,
				`exchange 1 paired by "thread" status 200`,
				`  request 4:87-4:436 "PUT"@4:87-4:90 "https://broadworks-provisioning-bridge-k.wbx2.com/api/v1/subscribers/peter.nagy%40sp.example"@4:91-4:183 host "broadworks-provisioning-bridge-k.wbx2.com"@4:99-4:140 thread "pool-3-thread-1"@4:38-4:53`,
				`  profile json 4:230-4:435 complete=true bwuserid "peter.nagy@sp.example"@4:263-4:284 group "BudaTech"@4:295-4:303 serviceProvider "HU-Reseller"@4:324-4:335 primaryPhoneNumber "+3615550101"@4:359-4:370 email "peter.nagy@budatech.example"@4:381-4:408`,
				`  response 5:96-5:114 "200"@5:103-5:106 - message - url - thread "pool-3-thread-1"@5:38-5:53`,
				`secret 1:214-1:232`,
				`secret 4:422-4:433`,
			},
		},
		{
			file: "wire-interleaved.log",
			want: []string{
				`lines 19 exchange 19 other 0`,
				`exchange 0 paired by "thread" status 409`,
				`  request 1:92-12:265 "POST"@1:92-1:96 "/api/v1/subscribers"@1:97-1:116 host "broadworks-provisioning-bridge-b.wbx2.com"@2:98-2:139 thread "pool-7-thread-1"@1:32-1:47`,
				`  > "Host"@2:92-2:96: "broadworks-provisioning-bridge-b.wbx2.com"@2:98-2:139 secret=false`,
				`  > "Authorization"@4:92-4:105: ""@4:107-4:145 secret=true`,
				`  > "Content-Type"@6:92-6:104: "application/xml"@6:106-6:121 secret=false`,
				`  profile xml 10:92-12:256 complete=true bwuserid "mario.rossi@voip.example.it"@10:121-10:148 group "Trattoria-Due"@10:166-10:179 serviceProvider "IT-Partner"@12:109-12:119 primaryPhoneNumber "+390655501"@12:157-12:167 email "Mario.Rossi@trattoria-due.example"@12:195-12:228`,
				`  response 16:92-19:175 "409"@16:101-16:104 "Conflict"@16:105-16:113 message "Email already belongs to an existing Webex user"@19:104-19:151 url - thread "pool-7-thread-1"@16:32-16:47`,
				`  < "Content-Type"@17:92-17:104: "application/json"@17:106-17:122 secret=false`,
				`exchange 1 paired by "thread" status 200`,
				`  request 3:92-13:366 "POST"@3:92-3:96 "/api/v1/subscribers"@3:97-3:116 host "broadworks-provisioning-bridge-b.wbx2.com"@5:98-5:139 thread "pool-7-thread-2"@3:32-3:47`,
				`  > "Host"@5:92-5:96: "broadworks-provisioning-bridge-b.wbx2.com"@5:98-5:139 secret=false`,
				`  > "Authorization"@7:92-7:105: ""@7:107-7:145 secret=true`,
				`  > "Content-Type"@9:92-9:104: "application/xml"@9:106-9:121 secret=false`,
				`  profile xml 13:92-13:357 complete=true bwuserid "giulia.bianchi@voip.example.it"@13:121-13:151 group "Trattoria-Due"@13:169-13:182 serviceProvider "IT-Partner"@13:207-13:217 primaryPhoneNumber "+390655502"@13:255-13:265 email "giulia.bianchi@trattoria-due.example"@13:293-13:329`,
				`  response 14:92-15:118 "200"@14:101-14:104 "OK"@14:105-14:107 message - url - thread "pool-7-thread-2"@14:32-14:47`,
				`  < "Content-Length"@15:92-15:106: "0"@15:108-15:109 secret=false`,
				`secret 4:107-4:145`,
				`secret 7:107-7:145`,
			},
		},
		{
			file: "syslog-correlation.log",
			want: []string{
				`lines 17 exchange 16 other 1`,
				`exchange 0 paired by "" status 200`,
				`  response 1:33-2:73 "200"@1:42-1:45 "OK"@1:46-1:48 message - url - thread -`,
				`  < "X-BroadSoft-Correlation-Id"@2:33-2:59: "0c7e-earlier"@2:61-2:73 secret=false`,
				`exchange 1 paired by "correlation header" status 200`,
				`  request 3:33-5:149 "POST"@3:33-3:37 "https://broadworks-provisioning-bridge-c.wbx2.com/api/v1/subscribers"@3:38-3:106 host "broadworks-provisioning-bridge-c.wbx2.com"@3:46-3:87 thread -`,
				`  > "X-BroadSoft-Correlation-Id"@4:33-4:59: "5a1f-first"@4:61-4:71 secret=false`,
				`  profile xml 5:33-5:149 complete=true bwuserid "k.tanaka@sp.example.jp"@5:62-5:84 group - serviceProvider - primaryPhoneNumber - email "k.tanaka@example.jp"@5:102-5:121`,
				`  response 13:33-14:71 "200"@13:42-13:45 "OK"@13:46-13:48 message - url - thread -`,
				`  < "X-BroadSoft-Correlation-Id"@14:33-14:59: "5a1f-first"@14:61-14:71 secret=false`,
				`exchange 2 paired by "correlation header" status 409`,
				`  request 6:33-8:147 "POST"@6:33-6:37 "https://broadworks-provisioning-bridge-c.wbx2.com/api/v1/subscribers"@6:38-6:106 host "broadworks-provisioning-bridge-c.wbx2.com"@6:46-6:87 thread -`,
				`  > "X-BroadSoft-Correlation-Id"@7:33-7:59: "5a20-second"@7:61-7:72 secret=false`,
				`  profile xml 8:33-8:147 complete=true bwuserid "y.sato@sp.example.jp"@8:62-8:82 group - serviceProvider - primaryPhoneNumber - email "k.tanaka@example.jp"@8:100-8:119`,
				`  response 9:33-12:75 "409"@9:42-9:45 "Conflict"@9:46-9:54 message "Duplicate email address"@12:42-12:65 url - thread -`,
				`  < "X-BroadSoft-Correlation-Id"@10:33-10:59: "5a20-second"@10:61-10:72 secret=false`,
				`exchange 3 paired by "" status 0`,
				`  request 16:33-17:92 "POST"@16:33-16:37 "https://broadworks-provisioning-bridge-c.wbx2.com/api/v1/subscribers?password=(secret, not shown)"@16:38-16:129 host "broadworks-provisioning-bridge-c.wbx2.com"@16:46-16:87 thread -`,
				`  profile xml 17:33-17:92 complete=false bwuserid "h.ito@sp.example.jp"@17:62-17:81 group - serviceProvider - primaryPhoneNumber - email -`,
				`secret 16:116-16:129`,
			},
		},
		{
			file: "summary-lines.log",
			want: []string{
				`lines 3 exchange 3 other 0`,
				`exchange 0 paired by "thread" status 403`,
				`  request 1:42-1:115 "POST"@1:42-1:46 "https://203.0.113.9:443/api/v1/subscribers"@1:47-1:89 host "203.0.113.9:443"@1:55-1:70 thread "IMP-Worker-2"@1:15-1:27`,
				`  response 1:93-1:115 "403"@1:102-1:105 "Forbidden"@1:106-1:115 message - url - thread "IMP-Worker-2"@1:15-1:27`,
				`exchange 1 paired by "url" status 401`,
				`  request 2:42-2:118 "POST"@2:42-2:46 "https://broadworks-provisioning-bridge-d.wbx2.com/api/v1/subscribers"@2:50-2:118 host "broadworks-provisioning-bridge-d.wbx2.com"@2:58-2:99 thread "IMP-Worker-3"@2:15-2:27`,
				`  response 3:29-3:121 "401"@3:44-3:47 - message - url "https://broadworks-provisioning-bridge-d.wbx2.com/api/v1/subscribers"@3:53-3:121 thread "IMP-Worker-3"@3:15-3:27`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			l, _ := parseFixture(t, tc.file)
			if diff := cmp.Diff(tc.want, describe(l)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestSecrets checks each excerpt's credentials: every occurrence lies
// within a secret range, and no value shows one.
func TestSecrets(t *testing.T) {
	for file, words := range map[string][]string{
		"bw-multiline-401-403-409.log": {"dzRiLXByb3YtYWRtaW46bm90LXRoZS10ZW1wbGF0ZS1wYXNzd29yZA==", "dzRiLXByb3YtYWRtaW46Q29ycmVjdC1Ib3JzZS05"},
		"single-line.log":              {"Basic Zm9vOmJhcg==", "Tavasz2024!"},
		"wire-interleaved.log":         {"Basic cHJvdi1hZG1pbjpTb21tYXIyMDI0IQ=="},
		"syslog-correlation.log":       {"Fruehling2024"},
	} {
		t.Run(file, func(t *testing.T) {
			l, text := parseFixture(t, file)
			for _, w := range words {
				if !strings.Contains(text, w) {
					t.Fatalf("the fixture no longer holds %q", w)
				}
				covered(t, l, text, w)
			}
			secretsHidden(t, l, words...)
		})
	}
}

func TestEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
		probs      int
	}{{
		name:  "nothing but other traffic",
		text:  "2024-01-01 00:00:00 INFO OCI UserGetRequest22 userId=a@b\n\n2024-01-01 00:00:01 INFO OCI UserGetResponse22\n",
		want:  []string{"lines 3 exchange 0 other 3"},
		probs: 1,
	}, {
		name:  "empty",
		text:  "",
		want:  []string{"lines 0 exchange 0 other 0"},
		probs: 1,
	}, {
		name: "a path without Host, an IPv6 target, columns in code points",
		text: "→ POST /api/v1/subscribers HTTP/1.1\n→ PUT https://[2001:db8::7]:8443/api/v1/subscribers/x HTTP/1.1\n",
		want: []string{
			"lines 2 exchange 2 other 0",
			`exchange 0 paired by "" status 0`,
			`  request 1:3-1:36 "POST"@1:3-1:7 "/api/v1/subscribers"@1:8-1:27 host - thread -`,
			`exchange 1 paired by "" status 0`,
			`  request 2:3-2:63 "PUT"@2:3-2:6 "https://[2001:db8::7]:8443/api/v1/subscribers/x"@2:7-2:54 host "[2001:db8::7]:8443"@2:15-2:33 thread -`,
		},
	}, {
		name: "a JSON profile over lines: a nested object's members are not its nodes, null is absent",
		text: "POST https://broadworks-provisioning-bridge-x.wbx2.com/v1 HTTP/1.1\n\n{\"subscriberProfile\": {\n  \"bwuserid\": \"u\\u00e9@x\",\n  \"extra\": {\"group\": \"not this\"},\n  \"group\": null,\n  \"primaryPhoneNumber\": 4915550100\n}}\n",
		want: []string{
			"lines 8 exchange 8 other 0",
			`exchange 0 paired by "" status 0`,
			`  request 1:1-8:3 "POST"@1:1-1:5 "https://broadworks-provisioning-bridge-x.wbx2.com/v1"@1:6-1:58 host "broadworks-provisioning-bridge-x.wbx2.com"@1:14-1:55 thread -`,
			`  profile json 3:2-8:2 complete=true bwuserid "ué@x"@4:16-4:25 group - serviceProvider - primaryPhoneNumber "4915550100"@7:25-7:35 email -`,
		},
	}, {
		name: "secrets outside any exchange, secret-named headers",
		text: "cfg: provisioningPassword=Sommar1 user=x\nX-Auth-Token: abc.def\n<ns:provisioningPassword>p&amp;w</ns:provisioningPassword>\nproxy https://prov:Hemlig9@proxy.example:3128\n",
		want: []string{
			"lines 4 exchange 0 other 4",
			"secret 1:27-1:34",
			"secret 2:15-2:22",
			"secret 3:26-3:33",
			"secret 4:20-4:27",
		},
		probs: 1,
	}, {
		name: "a response alone, keyword status repeated in its body",
		text: "[worker-1] Response status=409\n[worker-1] body {\"status\": 409, \"message\": \"exists \\\"already\\\"\"}\n[worker-1] status=200\n",
		want: []string{
			"lines 3 exchange 3 other 0",
			`exchange 0 paired by "" status 409`,
			`  response 1:21-2:65 "409"@1:28-1:31 - message "exists \"already\""@2:45-2:63 url - thread "worker-1"@1:2-1:10`,
			`exchange 1 paired by "" status 200`,
			`  response 3:12-3:22 "200"@3:19-3:22 - message - url - thread "worker-1"@3:2-3:10`,
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			l, probs := Parse("logs/pslog/x.log", tc.text)
			if len(probs) != tc.probs {
				t.Errorf("problems %v, want %d", probs, tc.probs)
			}
			checkLog(t, l, tc.text)
			if diff := cmp.Diff(tc.want, describe(l)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestThreadName(t *testing.T) {
	for in, want := range map[string]string{
		"2024.03.11 14:02:07:331 CET | Info | ProvisioningServer | Thread-18 | IMP": "Thread-18",
		"2024-06-18 11:20:01,101 DEBUG [pool-7-thread-1] org.apache.http.wire":      "pool-7-thread-1",
		"11:42:10.005 [http-nio-8080-exec-3] provisioning":                          "http-nio-8080-exec-3",
		"Thread-9: sending":                  "Thread-9",
		"12:00:00 tid=4711 send":             "4711",
		"12:00:00 ThreadId#T-7 send":         "T-7",
		"2024-06-18 11:20:01,101 DEBUG wire": "",
		"Jun 20 08:00:00 as1 BroadWorks:":    "",
		"-1 x-":                              "",
		"0abc-1":                             "",
	} {
		s, e, ok := threadName(in)
		got := ""
		if ok {
			got = in[s:e]
		}
		if got != want {
			t.Errorf("threadName(%q) = %q, want %q", in, got, want)
		}
	}
}
