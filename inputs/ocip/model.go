package ocip

import (
	"strings"

	"github.com/bwlint/bwlint/inputs/devicetype"
	"github.com/bwlint/bwlint/inputs/source"
	"github.com/bwlint/bwlint/inputs/tagset"
	"github.com/bwlint/bwlint/inputs/users"
	"github.com/hashicorp/hcl/v2"
)

// File is what one OCI-P capture holds: its documents and commands as
// read, and what the commands say, typed for the checks.
//
// A File is built once by Read and only read afterwards; its accessors
// may be used from several goroutines.
type File struct {
	// Path is the file's path; the Filename of every range.
	Path string
	// Text is the decoded text every range indexes.
	Text     string
	Encoding source.Encoding
	// Documents are the OCI-P documents found, in file order.
	Documents []*Document
	// Commands are the commands of every document, in file order.
	Commands []*Command

	// TagSets are the system tag sets and the custom tags of device
	// types and devices, with their scope (tagset.Scope).
	TagSets     []*tagset.TagSet
	DeviceTypes []*devicetype.DeviceType
	Releases    []Release
	// Users are the subscribers, merged per user id within the file.
	Users []*users.User
	// AccessDevices are the devices of device lists and device details,
	// for users.AttachDeviceTypes.
	AccessDevices []users.AccessDevice
	IMP           []*IntegratedIMP

	// Secrets are the ranges of values never to be shown: password-like
	// elements and everything inside them, session ids, and encrypted
	// tag values.
	Secrets []hcl.Range

	pos   *positions
	loc   *source.File // the locations of values, built from pos
	arena arena
}

// Release is a server's software version as SystemSoftwareVersionGet
// reports it.
type Release struct {
	// Version is the version string, such as "24.0_1.944".
	Version source.Value
	// ReleaseAnchor is given by the RI variant in AS data mode.
	ReleaseAnchor source.Value
	Command       *Command
}

// IntegratedIMP is the Integrated IM&P and messaging-server setting of one
// level: the system's messaging server (SystemBroadCloudGet), a reseller,
// a service provider or enterprise, or a group. No response at any level
// holds the provisioning password.
type IntegratedIMP struct {
	// Level is "system", "reseller", "service provider" or "group".
	Level string
	// The level's owner, from the request; zero when the file does not
	// show it.
	ResellerID        source.Value
	ServiceProviderID source.Value
	GroupID           source.Value

	ProvisioningURL    source.Value
	ProvisioningUserID source.Value
	// UseParent is the flag that defers to the level above:
	// useSystemMessagingServer for resellers and service providers,
	// useServiceProviderMessagingServer for groups; zero for the system.
	UseParent source.Value
	// EnableSynchronization is the system messaging server's flag.
	EnableSynchronization source.Value
	ServiceDomain         source.Value
	Command               *Command
}

// Document is one <BroadsoftDocument>.
type Document struct {
	file *File
	view *view
	node int32
	// Commands are the document's commands in order.
	Commands []*Command
}

// Command is one <command> of a document.
type Command struct {
	doc  *Document
	node int32
	// Name is the command's type, taken apart.
	Name Name
	// Request is the request a response answers, when the file shows it;
	// nil otherwise and for requests.
	Request *Command
	// Contribution says what the command gave the typed model, such as
	// `tag set "Webex"` or "12 device types"; empty for a command kept
	// only as read.
	Contribution string
}

// Element is one element of a command, read on demand.
type Element struct {
	doc *Document
	n   int32
}

// Table is an OCI-P table: column headings, then rows of cells.
type Table struct {
	// Name is the table element's name, such as "tagsTable".
	Name     string
	Range    hcl.Range
	Headings []source.Value
	Rows     []Row
}

// Row is one row of a table: one cell per heading, unless the row is
// malformed.
type Row struct {
	Cells []source.Value
	Range hcl.Range
}

// Column returns the index of the column whose heading is name, compared
// without regard to case or spacing, or -1. OCI-P says clients must find
// columns by heading, never by position.
func (t *Table) Column(name string) int {
	return (&tableNodes{headings: t.Headings}).column(name)
}

// Cell returns the row's cell in column i, or a zero Value.
func (r Row) Cell(i int) source.Value {
	if i < 0 || i >= len(r.Cells) {
		return source.Value{}
	}
	return r.Cells[i]
}

// fold lower-cases s and folds its runs of white space into one space.
func fold(s string) string {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c < 0x80 && (c < 'A' || c > 'Z') && c != '\t' && c != '\n' && c != '\r' &&
			(c != ' ' || (i > 0 && i < len(s)-1 && s[i-1] != ' '))
	}
	if plain {
		return s
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Range covers the document from its start tag to its end tag, as written
// in the file (escaped, for a wrapped document).
func (d *Document) Range() hcl.Range { return Element{d, d.node}.Range() }

// Wrapping says how the document is written in the file.
func (d *Document) Wrapping() Wrapping { return d.view.kind }

// Protocol is the protocol attribute, "OCI".
func (d *Document) Protocol() source.Value {
	v, _ := Element{d, d.node}.Attr("protocol")
	return v
}

// Element returns the <BroadsoftDocument> element.
func (d *Document) Element() Element { return Element{d, d.node} }

// Element returns the <command> element; its children are the command's
// fields.
func (c *Command) Element() Element { return Element{c.doc, c.node} }

// Document is the document holding the command.
func (c *Command) Document() *Document { return c.doc }

// Range covers the command element.
func (c *Command) Range() hcl.Range { return c.Element().Range() }

// Type is the xsi:type attribute as written.
func (c *Command) Type() source.Value {
	e := c.Element()
	nd := e.node()
	for k := nd.attrs; k < nd.attrs+int32(nd.nattrs); k++ {
		if c.doc.file.isTypeAttr(c.doc, c.node, k) {
			return e.attrValue(k)
		}
	}
	return source.Value{}
}

// Field returns the value of the leaf element at path below the command,
// such as Field("accessDeviceEndpoint", "accessDevice", "deviceName");
// the zero Value when it is absent or not a leaf.
func (c *Command) Field(path ...string) source.Value {
	e, ok := c.Element().Find(path...)
	if !ok {
		return source.Value{}
	}
	return e.Value()
}

// Table returns the command's table named name.
func (c *Command) Table(name string) (*Table, bool) {
	e, ok := c.Element().Child(name)
	if !ok {
		return nil, false
	}
	return e.Table()
}

func (e Element) node() *node { return &e.doc.file.arena.nodes[e.n] }

func (e Element) buf() string { return e.doc.view.buf }

// srcRange maps view offsets [start, end) to a file range.
func (e Element) srcRange(start, end int) hcl.Range {
	v := e.doc.view
	return e.doc.file.pos.rng(v.srcStart(start), v.srcEnd(end))
}

// srcLoc is the location of bytes [start, end) of the element's buffer
// in the file, whose range srcRange gives.
func (e Element) srcLoc(start, end int) source.Loc {
	v := e.doc.view
	return e.doc.file.loc.Loc(v.srcStart(start), v.srcEnd(end))
}

// QName is the element's name as written, with any prefix.
func (e Element) QName() string {
	nd := e.node()
	return e.buf()[nd.name:nd.nameEnd]
}

// Name is the element's local name.
func (e Element) Name() string { return localName(e.QName()) }

// Range covers the element from its start tag to its end tag.
func (e Element) Range() hcl.Range {
	nd := e.node()
	return e.srcRange(int(nd.start), int(nd.end))
}

// Secret reports a password-like element or one inside it: its value is
// never to be shown.
func (e Element) Secret() bool { return e.node().flags&isSecret != 0 }

// IsLeaf reports an element without child elements.
func (e Element) IsLeaf() bool { return e.node().flags&hasChildren == 0 }

// Value is the text of a leaf element, references expanded; its range
// covers the content between the tags (an empty range where the content
// would be, for <x/>). An element with child elements has the zero Value.
func (e Element) Value() source.Value {
	nd := e.node()
	if nd.flags&hasChildren != 0 {
		return source.Value{}
	}
	raw := e.buf()[nd.content:nd.contentEnd]
	text := raw
	if nd.flags&hasMarkup != 0 {
		text = decodeText(raw)
	}
	return source.Value{Text: text, Loc: e.srcLoc(int(nd.content), int(nd.contentEnd))}
}

// Children returns the child elements in order.
func (e Element) Children() []Element {
	nodes := e.doc.file.arena.nodes
	n := 0
	for c := nodes[e.n].firstChild; c >= 0; c = nodes[c].next {
		n++
	}
	out := make([]Element, 0, n)
	for c := nodes[e.n].firstChild; c >= 0; c = nodes[c].next {
		out = append(out, Element{e.doc, c})
	}
	return out
}

// Child returns the first child element whose local name is name.
func (e Element) Child(name string) (Element, bool) {
	for c := e.node().firstChild; c >= 0; c = e.doc.file.arena.nodes[c].next {
		if (Element{e.doc, c}).Name() == name {
			return Element{e.doc, c}, true
		}
	}
	return Element{}, false
}

// ChildrenNamed returns the child elements whose local name is name.
func (e Element) ChildrenNamed(name string) []Element {
	var out []Element
	for c := e.node().firstChild; c >= 0; c = e.doc.file.arena.nodes[c].next {
		if (Element{e.doc, c}).Name() == name {
			out = append(out, Element{e.doc, c})
		}
	}
	return out
}

// Find follows path from e, one child name per step.
func (e Element) Find(path ...string) (Element, bool) {
	for _, name := range path {
		var ok bool
		if e, ok = e.Child(name); !ok {
			return Element{}, false
		}
	}
	return e, true
}

// Attr returns the attribute whose name as written is name ("protocol",
// "xsi:type").
func (e Element) Attr(name string) (source.Value, bool) {
	nd := e.node()
	for k := nd.attrs; k < nd.attrs+int32(nd.nattrs); k++ {
		a := e.doc.file.arena.attrs[k]
		if e.buf()[a.name:a.nameEnd] == name {
			return e.attrValue(k), true
		}
	}
	return source.Value{}, false
}

func (e Element) attrValue(k int32) source.Value {
	a := e.doc.file.arena.attrs[k]
	raw := e.buf()[a.val:a.valEnd]
	text := raw
	if a.refs {
		text = decodeText(raw)
	}
	return source.Value{Text: text, Loc: e.srcLoc(int(a.val), int(a.valEnd))}
}

// Table reads the element as an OCI-P table: colHeading elements, then
// row elements of col elements. ok is false for an element of another
// shape.
func (e Element) Table() (*Table, bool) {
	tn, ok := e.tableNodes()
	if !ok {
		return nil, false
	}
	t := &Table{Name: e.Name(), Range: e.Range(), Headings: tn.headings, Rows: make([]Row, len(tn.rows))}
	for i, r := range tn.rows {
		row := Element{e.doc, r}
		t.Rows[i] = Row{Range: row.Range(), Cells: make([]source.Value, 0, len(tn.headings))}
		for c := row.node().firstChild; c >= 0; c = e.doc.file.arena.nodes[c].next {
			t.Rows[i].Cells = append(t.Rows[i].Cells, Element{e.doc, c}.Value())
		}
	}
	return t, true
}

// tableNodes is a table as the nodes of its rows, so that a reader can
// take the cells it needs without making values of all the others.
type tableNodes struct {
	e        Element
	headings []source.Value
	rows     []int32
}

func (e Element) tableNodes() (*tableNodes, bool) {
	t := &tableNodes{e: e}
	nodes := e.doc.file.arena.nodes
	for c := nodes[e.n].firstChild; c >= 0; c = nodes[c].next {
		child := Element{e.doc, c}
		switch child.Name() {
		case "colHeading":
			if len(t.rows) > 0 || !child.IsLeaf() {
				return nil, false
			}
			t.headings = append(t.headings, child.Value())
		case "row":
			for cell := nodes[c].firstChild; cell >= 0; cell = nodes[cell].next {
				if (Element{e.doc, cell}).Name() != "col" || nodes[cell].flags&hasChildren != 0 {
					return nil, false
				}
			}
			t.rows = append(t.rows, c)
		default:
			return nil, false
		}
	}
	if len(t.headings) == 0 {
		return nil, false
	}
	return t, true
}

// column is Table.Column for tableNodes.
func (t *tableNodes) column(name string) int {
	want := fold(name)
	for i, h := range t.headings {
		if fold(h.Text) == want {
			return i
		}
	}
	return -1
}

// width counts the cells of row r.
func (t *tableNodes) width(r int32) int {
	nodes := t.e.doc.file.arena.nodes
	n := 0
	for c := nodes[r].firstChild; c >= 0; c = nodes[c].next {
		n++
	}
	return n
}

// cell returns the value of cell i of row r; zero when i is -1.
func (t *tableNodes) cell(r int32, i int) source.Value {
	if i < 0 {
		return source.Value{}
	}
	nodes := t.e.doc.file.arena.nodes
	c := nodes[r].firstChild
	for ; i > 0 && c >= 0; i-- {
		c = nodes[c].next
	}
	if c < 0 {
		return source.Value{}
	}
	return Element{t.e.doc, c}.Value()
}

func (t *tableNodes) rowRange(r int32) hcl.Range { return Element{t.e.doc, r}.Range() }
