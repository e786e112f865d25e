package report

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

type streamInner struct {
	Name  string   `json:"name"`
	Tags  []string `json:"tags,omitempty"`
	Score float64  `json:"score,omitempty"`
}

type streamEmbedded struct {
	streamInner
	Extra int `json:"extra"`
}

// ptrMarshaler has its marshaler on the pointer: encoding/json uses it
// for slice elements, which are addressable, and not for a struct field
// of a value passed by value.
type ptrMarshaler struct{ n int }

func (p *ptrMarshaler) MarshalJSON() ([]byte, error) { return json.Marshal(map[string]int{"n": p.n}) }

type streamDoc struct {
	Version  int              `json:"version"`
	HTML     string           `json:"html"`
	Nil      []streamInner    `json:"nil"`
	Empty    []streamInner    `json:"empty"`
	Items    []streamInner    `json:"items"`
	Embedded []streamEmbedded `json:"embedded"`
	Ptrs     []ptrMarshaler   `json:"ptrs"`
	Field    ptrMarshaler     `json:"field"`
	Map      map[string]int   `json:"map"`
	Any      any              `json:"any"`
	Pointer  *streamInner     `json:"pointer,omitempty"`
	When     time.Time        `json:"when"`
	Skipped  string           `json:"-"`
	Untagged string
	private  string
	Nested   [][]streamInner   `json:"nested"`
	Bytes    []byte            `json:"bytes"`
	Labels   map[string]string `json:"labels,omitempty"`
}

// TestStreamMatchesEncoder writes documents through jsonStream and
// through encoding/json's Encoder as the reports used it, and requires
// the same bytes.
func TestStreamMatchesEncoder(t *testing.T) {
	docs := []any{
		streamDoc{},
		streamDoc{
			Version: 3, HTML: "<a href=\"x\">&</a>",
			Empty:    []streamInner{},
			Items:    []streamInner{{Name: "a", Tags: []string{"x", "y"}, Score: 1.5}, {Name: "b"}},
			Embedded: []streamEmbedded{{streamInner: streamInner{Name: "e"}, Extra: 2}},
			Ptrs:     []ptrMarshaler{{1}, {2}},
			Field:    ptrMarshaler{3},
			Map:      map[string]int{"z": 1, "a": 2},
			Any:      []any{1, "two", nil},
			Pointer:  &streamInner{Name: "p"},
			When:     time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC),
			Skipped:  "no", Untagged: "u", private: "p",
			Nested: [][]streamInner{{}, {{Name: "n"}}},
			Bytes:  []byte("raw"),
		},
		[]streamInner{},
		[]string{"a"},
		"just a string",
	}
	for i, d := range docs {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(&got, d); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("document %d:\nstreamed:\n%s\nencoding/json:\n%s", i, got.String(), want.String())
		}
	}
}
