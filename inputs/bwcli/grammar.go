package bwcli

import (
	"strings"
)

// cliContexts is bwlint's model of the BroadWorks CLIs: the contexts it
// knows, the CLIs that have them, and the commands each takes besides the
// ones every context takes (see universal). The CLIs' full command trees
// are not public; this table holds what the Cisco guides and TAC notes
// show, and every context a check reads. It serves to expand what
// operators abbreviate ("sys;sec;black;g"): a word is expanded only when it
// is a prefix of exactly one name the context offers. Where the table is
// silent, the prompt the CLI printed next decides, and a context it does
// not list is read as printed, its commands taken as typed.
//
// servers names the CLIs by prompt prefix ("AS", "XSP" for XSP and ADP,
// "NFM"); every prefix of a path is a context too.
var cliContexts = [...]struct{ servers, path, commands string }{
	{"AS XSP NFM", "", "qversions"},

	// Application Server.
	{"AS", "Interface/Messaging", "get set"},
	{"AS", "Interface/SIP", "get set"},
	{"AS XSP", "Interface/SNMP/Agent", "get set"},
	{"AS", "Interface/SIP/ProxyPolicy", "get set"},
	{"AS", "Interface/SIP/ProxyPolicy/Rule", "get add set delete"},
	{"AS", "Maintenance/ContainerOptions", "get add set delete"},
	{"AS", "Maintenance/Patching", "detail listBundle listPatch"},
	{"AS", "Service/IntegratedIMP", "get set"},
	{"AS", "Service/IntegratedIMP/DefaultAttribute", "get set"},
	{"AS", "SubscriberMgmt/Administrator", "get add set delete"},
	{"AS", "System/ActivatableFeature", "get activate deactivate"},
	{"AS", "System/ClientIdentity", "get add delete"},
	{"AS", "System/DeviceType/SIP", "get add set delete detail"},
	{"AS", "System/PushNotification", "get set"},

	// XSP and its release-independent successor, the ADP.
	{"XSP", "Applications/AuthenticationService", ""},
	{"XSP", "Applications/AuthenticationService/IdentityProviders", ""},
	{"XSP", "Applications/AuthenticationService/IdentityProviders/Cisco", "get set"},
	{"XSP", "Applications/AuthenticationService/IdentityProviders/Cisco/Federation", "get set"},
	{"XSP", "Applications/AuthenticationService/IdentityProviders/Cisco/Federation/ClusterMap", "get"},
	{"XSP", "Applications/AuthenticationService/IdentityProviders/Cisco/Scopes", "get add set delete"},
	{"XSP", "Applications/AuthenticationService/KeyManagement", "exportKeys importKeys"},
	{"XSP", "Applications/AuthenticationService/TokenManagement", "get set"},
	{"XSP", "Applications/NotificationPushServer/CiscoCI", "get set"},
	{"XSP", "Applications/NotificationPushServer/FCM/Projects", "get add set delete"},
	{"XSP", "Applications/OpenClientServer/CAPProxy", "get set"},
	{"XSP", "Applications/Xsi-Actions/GeneralSettings", "get set"},
	{"XSP", "Applications/Xsi-Events/GeneralSettings", "get set"},
	{"XSP", "Interface/CTI/CTIServer", "get add set delete"},
	{"XSP", "Interface/CTI/CTIServer/SSLSettings/Ciphers", "get add delete"},
	{"XSP", "Interface/CTI/SSLCommonSettings/ClientAuthentication/Trusts", "get add delete updateTrust"},
	{"XSP", "Interface/Http/HttpServer", "get add set delete"},
	{"XSP", "Interface/Http/HttpServer/SSLSettings/Protocols", "get add delete"},
	{"XSP", "Interface/Http/SSLCommonSettings/ClientAuthentication/Trusts", "get add delete updateTrust"},
	{"XSP", "Interface/Http/SSLCommonSettings/ClientAuthentication/WebApps", "get add set delete"},
	{"XSP", "Maintenance/ContainerOptions", "get add set delete"},
	{"XSP", "Maintenance/ManagedObjects", "get install activate deactivate deploy undeploy"},
	{"XSP", "Maintenance/Patching", "detail listBundle listPatch"},
	{"XSP", "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService", "get set"},
	{"XSP", "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication", "get set"},
	{"XSP", "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CiscoIdentityProvider", "get set"},
	{"XSP", "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CiscoIdentityProvider/Partners", "get add set delete"},
	{"XSP", "System/Security/BlackList", "get add delete"},
	{"XSP", "System/SSLCommonSettings/JSSE/Protocols", "get add delete"},
	{"XSP", "System/SSLCommonSettings/Trusts/Defaults", "get add delete"},

	// Network Function Manager.
	{"NFM", "Applications/NetworkMonitoring/Replication", "status"},
}

// universal lists the commands every context takes; aliases name them
// exactly ("h" is help, whatever else starts with h).
var universal = []command{
	{name: "help", kind: kindHelp},
	{name: "exit", kind: kindExit},
	{name: "quit", kind: kindUp},
	{name: "cd", kind: kindNav},
	{name: "vtr", kind: kindHelp},
	{name: "login", kind: kindOther},
	{name: "logout", kind: kindExit},
}

// alias returns the command an alias names, or word itself.
func alias(word string) string {
	if len(word) == 1 {
		switch word[0] {
		case 'h', 'H', '?':
			return "help"
		case 'q', 'Q':
			return "quit"
		}
	}
	return word
}

// generic are the commands assumed in a context the model does not know:
// the ones nearly every context takes. A word typed there that none of
// them starts is taken as the command's full name.
var generic = []command{
	{name: "get", kind: kindRead},
	{name: "set", kind: kindChange},
	{name: "add", kind: kindChange},
	{name: "delete", kind: kindChange},
	{name: "detail", kind: kindRead},
}

// verbKind says what a command does, which decides how its output is read.
type verbKind uint8

const (
	kindOther   verbKind = iota // prints messages: output kept as text
	kindRead                    // prints configuration: output is evidence
	kindChange                  // changes configuration
	kindNav                     // moves to another context
	kindUp                      // leaves the context for its parent; leaves the CLI at the top
	kindHelp                    // prints help
	kindExit                    // leaves the CLI
	kindUnknown                 // not a command bwlint knows: output kept as text
)

// kindOf derives what a command does from its name.
func kindOf(name string) verbKind {
	n := strings.ToLower(name)
	switch {
	case n == "get", n == "detail", n == "status", n == "qversions",
		strings.HasPrefix(n, "list"), strings.HasPrefix(n, "show"):
		return kindRead
	case n == "set", n == "add", n == "delete", n == "activate", n == "deactivate",
		n == "install", n == "uninstall", n == "deploy", n == "undeploy", n == "importkeys",
		n == "clear", n == "modify", n == "remove", n == "updatetrust":
		return kindChange
	}
	return kindOther
}

// command is one command of a context.
type command struct {
	name  string // canonical spelling
	kind  verbKind
	lower string // name in lower case, the Verb of a Command
}

// node is one context of one CLI.
type node struct {
	name     string // the last segment, canonical spelling
	path     string // the full path, canonical spelling; "" at the top
	children []*node
	commands []command
	// declared marks a context the table lists with its commands, as
	// opposed to one known only as the parent of others, whose commands
	// the model does not know.
	declared bool
}

// family maps a prompt's server prefix to the CLI whose tree it shows:
// the ADP is the XSP's successor and shares its contexts.
func family(server string) string {
	switch {
	case server == "ADP":
		return "XSP"
	case isUpperWord(server):
		return server // as prompts print it
	case strings.EqualFold(server, "ADP"):
		return "XSP"
	}
	return strings.ToUpper(server)
}

func isUpperWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// trees holds the root context of each CLI the model knows, by family.
var trees = buildTrees()

func buildTrees() map[string]*node {
	roots := map[string]*node{}
	for _, c := range cliContexts {
		for _, server := range strings.Fields(c.servers) {
			root := roots[server]
			if root == nil {
				root = &node{}
				roots[server] = root
			}
			n := root
			for seg := range strings.SplitSeq(c.path, "/") {
				if seg == "" {
					continue
				}
				child := n.child(seg)
				if child == nil {
					child = &node{name: seg, path: strings.TrimPrefix(n.path+"/"+seg, "/")}
					n.children = append(n.children, child)
				}
				n = child
			}
			n.declared = true
			for name := range strings.FieldsSeq(c.commands) {
				n.commands = append(n.commands, command{name: name, kind: kindOf(name), lower: strings.ToLower(name)})
			}
		}
	}
	for _, list := range [][]command{universal, generic} {
		for i := range list {
			list[i].lower = list[i].name
		}
	}
	return roots
}

// knowsCommands reports whether the model lists n's commands; n may be
// nil.
func (n *node) knowsCommands() bool { return n != nil && n.declared }

// child returns the child named name (compared case-insensitively).
func (n *node) child(name string) *node {
	for _, c := range n.children {
		if strings.EqualFold(c.name, name) {
			return c
		}
	}
	return nil
}

// lookup returns the node of a context path in a family's tree, nil when
// the model does not know it.
func lookup(fam, path string) *node {
	n := trees[fam]
	for rest, more := path, true; more && n != nil; {
		var seg string
		seg, rest, more = strings.Cut(rest, "/")
		if seg != "" {
			n = n.child(seg)
		}
	}
	return n
}

// choice is what a typed word names in a context: a command or a child
// context. candidates lists the names an ambiguous word could be.
type choice struct {
	cmd        command
	ctx        *node
	found      bool
	candidates []string
}

// resolve expands a word typed in context n (nil when the model does not
// know the context): an exact name or alias wins, otherwise the word must
// start exactly one name the context offers. Case does not matter.
func resolve(n *node, word string) choice {
	word = alias(word)
	if n.knowsCommands() {
		// The usual word is a command spelled out as the model spells it.
		for _, c := range n.commands {
			if c.name == word {
				return choice{cmd: c, found: true}
			}
		}
	}
	var m matcher
	m.word = word
	cmds := generic
	if n.knowsCommands() {
		cmds = n.commands
	}
	for _, c := range universal {
		if m.consider(c.name) {
			return choice{cmd: c, found: true}
		}
		if m.first {
			m.ch.cmd, m.first = c, false
		}
	}
	for _, c := range cmds {
		if m.consider(c.name) {
			return choice{cmd: c, found: true}
		}
		if m.first {
			m.ch.cmd, m.first = c, false
		}
	}
	if n != nil {
		for _, c := range n.children {
			if m.consider(c.name) {
				return choice{ctx: c, found: true}
			}
			if m.first {
				m.ch.ctx, m.first = c, false
			}
		}
	}
	switch m.n {
	case 1:
		m.ch.found = true
		return m.ch
	case 0:
		return choice{}
	}
	return choice{candidates: append([]string(nil), m.names[:min(m.n, len(m.names))]...)}
}

// matcher collects the names a typed word abbreviates.
type matcher struct {
	word  string
	ch    choice // the first candidate
	n     int    // candidates found
	names [8]string
	first bool // the name just considered is the first candidate
}

// consider reports whether name is the word itself; a name the word
// abbreviates becomes a candidate.
func (m *matcher) consider(name string) bool {
	// Names rarely share a first letter with the word: comparing it
	// first spares the case-insensitive comparison most of the time.
	if len(name) < len(m.word) || len(m.word) == 0 || lowerASCII(name[0]) != lowerASCII(m.word[0]) {
		return false
	}
	if strings.EqualFold(name, m.word) {
		return true
	}
	if len(m.word) < len(name) && strings.EqualFold(name[:len(m.word)], m.word) {
		m.first = m.n == 0
		if m.n < len(m.names) {
			m.names[m.n] = name
		}
		m.n++
	}
	return false
}

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// KnownContext reports whether bwlint's model of a CLI knows a context, so
// that abbreviations typed there are expanded rather than taken as typed.
// server is a prompt prefix ("AS", "XSP", "ADP"); path is compared
// case-insensitively.
func KnownContext(server, path string) bool {
	return lookup(family(server), strings.Trim(path, "/")) != nil
}
