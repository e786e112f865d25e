package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// jsonStream writes one JSON document piece by piece, exactly as
// encoding/json's Encoder with SetIndent("", "  ") and SetEscapeHTML(false)
// writes the whole value, so that a large document is never held in
// memory: each scalar or small value is encoded on its own, and the
// containers around them are written by hand.
type jsonStream struct {
	w     *bufio.Writer
	err   error
	empty []bool // per open container: nothing written in it yet
	buf   bytes.Buffer
	enc   *json.Encoder
}

func newJSONStream(w io.Writer) *jsonStream {
	j := &jsonStream{w: bufio.NewWriter(w)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	return j
}

func (j *jsonStream) write(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

func (j *jsonStream) indent() string { return strings.Repeat("  ", len(j.empty)) }

// next starts a new element of the open container: a comma after the
// previous one, a line break and the indentation.
func (j *jsonStream) next() {
	if n := len(j.empty); n > 0 {
		if !j.empty[n-1] {
			j.write(",")
		}
		j.empty[n-1] = false
		j.write("\n" + j.indent())
	}
}

// key starts a member of the open object.
func (j *jsonStream) key(k string) {
	j.next()
	j.encode(k)
	j.write(": ")
}

// value writes a whole value: an element of the open array, the value of
// the key just written, or the document.
func (j *jsonStream) value(v any) {
	j.encode(v)
}

// elem writes a whole value as the next element of the open array.
func (j *jsonStream) elem(v any) {
	j.next()
	j.encode(v)
}

func (j *jsonStream) encode(v any) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	j.enc.SetIndent(j.indent(), "  ")
	if j.err = j.enc.Encode(v); j.err != nil {
		return
	}
	j.write(strings.TrimSuffix(j.buf.String(), "\n"))
}

func (j *jsonStream) open(bracket string) {
	j.write(bracket)
	j.empty = append(j.empty, true)
}

func (j *jsonStream) close(bracket string) {
	n := len(j.empty)
	empty := j.empty[n-1]
	j.empty = j.empty[:n-1]
	if !empty {
		j.write("\n" + j.indent())
	}
	j.write(bracket)
}

func (j *jsonStream) beginObject() { j.open("{") }
func (j *jsonStream) endObject()   { j.close("}") }
func (j *jsonStream) beginArray()  { j.open("[") }
func (j *jsonStream) endArray()    { j.close("]") }

// finish ends the document as Encoder.Encode does, with a line break.
func (j *jsonStream) finish() error {
	j.write("\n")
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}
