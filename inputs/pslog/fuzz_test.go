package pslog

import "testing"

// FuzzParse checks that Parse never panics and that every log keeps its
// invariants (checkLog): ranges slice back to their values, no value
// shows a secret, lines add up, exchanges pair consistently.
func FuzzParse(f *testing.F) {
	for _, name := range []string{
		"bw-multiline-401-403-409.log", "single-line.log", "wire-interleaved.log",
		"syslog-correlation.log", "summary-lines.log",
	} {
		f.Add(readFixture(f, name))
	}
	f.Add("POST https://u:p@h/x?token=t HTTP/1.1\r\nAuthorization: Basic x\r\n\r\n{\"subscriberProfile\":{\"email\":\"a\\\"b\",\"password\":\"s\\\"x\"}}\r\nHTTP/1.1 409 Conflict\r\n\r\n<message>a &amp; b</message>\r\n")
	f.Fuzz(func(t *testing.T, text string) {
		l, _ := Parse("logs/pslog/f.log", text)
		checkLog(t, l, text)
	})
}
