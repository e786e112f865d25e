package wms

import "testing"

func BenchmarkParseSSO(b *testing.B) {
	text := string(readFixture(b, "sso/post-body-nameid-differs.txt"))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if m, _ := ParseSSO("wms/sso/f.txt", text); m == nil {
			b.Fatal("no message")
		}
	}
}

func BenchmarkParseUsers(b *testing.B) {
	raw := readFixture(b, "users/excel-unicode-text-missing-column.txt")
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if f, _ := ParseUsers("wms/users/f.txt", raw); f == nil {
			b.Fatal("no file")
		}
	}
}
