package delimited

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		line  string
		delim byte
		want  []string
	}{
		{"a,b,,c", ',', []string{"a", "b", "", "c"}},
		{"", ',', []string{""}},
		{`"a,b",  "x""y" ,z`, ',', []string{`q:a,b`, `q:x"y`, "z"}},
		{"a\t\"b\"\t", '\t', []string{"a", "q:b", ""}},
		{`a,"open`, ',', []string{"error 1 at 2-7"}},
		{`"a"x,b`, ',', []string{"error 2 at 3-4"}},
		{`"a"é`, ',', []string{"error 2 at 3-5"}},
		{` "a" ,b`, ',', []string{"q:a", "b"}},
	}
	for _, tt := range tests {
		fields, err := Split(tt.line, 0, len(tt.line), tt.delim)
		var got []string
		if err != nil {
			got = []string{fmt.Sprintf("error %d at %d-%d", err.Kind, err.At, err.End)}
		}
		for _, f := range fields {
			s := f.Text(tt.line)
			if f.Quoted {
				s = "q:" + s
			}
			got = append(got, s)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Split(%q) (-want +got):\n%s", tt.line, diff)
		}
	}
}
