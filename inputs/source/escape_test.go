package source

import "testing"

func TestEscapeLen(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"plain", 0},
		{"\x1b[1mX", 4},
		{"\x1b[1;32mX", 7},
		{"\x1b[KX", 3},
		{"\x1b[?25lX", 6},
		{"\x1b]0;title\x07X", 10},
		{"\x1b]0;title\x1b\\X", 11},
		{"\x1bPq#0\x1b\\X", 7},
		{"\x1b(BX", 3},
		{"\x1b)0X", 3},
		{"\x1bkuser@host\x1b\\X", 13},
		{"\x1b=X", 2},
		{"\x1b7X", 2},
		{"\x1b[1", 3},
		{"\x1b", 1},
		{"\x1bé", 1},
	} {
		if got := EscapeLen(tc.in); got != tc.want {
			t.Errorf("EscapeLen(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}
