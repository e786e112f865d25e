package wms

import (
	"testing"
)

// FuzzParseUsers checks that ParseUsers never panics, that a file is
// refused only with a reason, and that every range it returns slices back
// to the text it claims, in every encoding.
func FuzzParseUsers(f *testing.F) {
	for _, name := range []string{
		"users/excel-unicode-text-missing-column.txt", "users/utf8-bom-comma.csv", "users/ansi-windows-1252.csv",
		"users/iconv-utf16le-no-bom.txt", "users/utf16be.txt", "users/mixed-delimiters.csv",
	} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte("A\tB\n\"x\"\"\t\"\n\"\"\"\n"))
	f.Add([]byte("\xff\xfe\x00"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		uf, probs := ParseUsers("wms/users/f.csv", raw)
		if uf == nil {
			if len(probs) == 0 {
				t.Fatal("no file and no problem")
			}
			return
		}
		checkUsers(t, uf)
	})
}
