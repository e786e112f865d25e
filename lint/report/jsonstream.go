package report

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"io"
	"reflect"
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

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// stream writes v as encoding/json writes it, but slices element by
// element and plain structs field by field, so that a report of thousands
// of findings, coverage cells and evidence files is never encoded whole
// into memory and then indented into a second copy. Whatever is not a
// plain struct or slice (maps, interfaces, pointers, values with their
// own marshalers) is encoded whole, by encoding/json itself.
func (j *jsonStream) stream(v reflect.Value) {
	t := v.Type()
	switch {
	case hasMarshaler(t):
		// encoding/json calls a pointer method only on an addressable
		// value, such as a slice element; so does this.
		if v.CanAddr() {
			j.value(v.Addr().Interface())
		} else {
			j.value(v.Interface())
		}
	case t.Kind() == reflect.Slice && !v.IsNil() && t.Elem().Kind() != reflect.Uint8:
		j.beginArray()
		for i := range v.Len() {
			j.next()
			j.stream(v.Index(i))
		}
		j.endArray()
	case t.Kind() == reflect.Struct && plainStruct(t):
		j.beginObject()
		for i := range t.NumField() {
			f := t.Field(i)
			name, omitEmpty, ok := jsonField(f)
			if !ok || omitEmpty && isEmptyJSON(v.Field(i)) {
				continue
			}
			j.key(name)
			j.stream(v.Field(i))
		}
		j.endObject()
	default:
		j.value(v.Interface())
	}
}

func hasMarshaler(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return t.Implements(jsonMarshaler) || t.Implements(textMarshaler) || pt.Implements(jsonMarshaler) || pt.Implements(textMarshaler)
}

// plainStruct reports a struct whose fields stream needs no more of
// encoding/json's rules for than names and omitempty: no embedded
// fields, whose promotion rules are left to encoding/json, and no
// ",string" or ",omitzero" option.
func plainStruct(t reflect.Type) bool {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return false
		}
		_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		for o := range strings.SplitSeq(opts, ",") {
			if o == "string" || o == "omitzero" {
				return false
			}
		}
	}
	return true
}

// jsonField gives a struct field's name in JSON and whether it is left
// out when empty; ok is false for a field encoding/json leaves out.
func jsonField(f reflect.StructField) (name string, omitEmpty, ok bool) {
	if !f.IsExported() {
		return "", false, false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false, false
	}
	name, opts, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	for o := range strings.SplitSeq(opts, ",") {
		omitEmpty = omitEmpty || o == "omitempty"
	}
	return name, omitEmpty, true
}

// isEmptyJSON is encoding/json's test for omitempty.
func isEmptyJSON(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}
