package session

import "testing"

// FuzzParse checks that any text is read without a panic, with every line
// counted once and every value positioned where it came from.
func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.in)
	}
	f.Add("bwadmin@as1$ bwshowver\nAS version Rel_24.0_1.944\n$ bwcli\nAS_CLI> g\r\n\x1b(B  a = b\x7f\n")
	f.Add("XSP_CLI> sys;sec;black;g\nXSP_CLI/System/Security/BlackList> q;q;q;exit\nPlease confirm (Yes, Y, No, N): y\n# sha256sum x\n" +
		"fc847471a141144ccf18474f804cea02c94792834b609fed3aa1a36e6fc94150  x\n")
	f.Fuzz(func(t *testing.T, text string) {
		c, probs := Parse("f.txt", text)
		checkCapture(t, text, c, probs)
	})
}
