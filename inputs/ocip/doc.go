// Package ocip reads OCI-P captures: the XML that BroadWorks' Open Client
// Interface for Provisioning exchanges with its clients, saved as one
// response per file or as a client's whole request/response log. It is
// the evidence channel for what the CLIs cannot print: device-management
// tag sets and custom tags, device types, users and their services and
// devices, Integrated IM&P settings per service provider and group.
//
// # Documents
//
// An OCI-P document is a <BroadsoftDocument protocol="OCI"> in namespace
// "C" holding a session id and up to fifteen <command xsi:type="…">
// elements; a command's fields are its child elements, and a table is
// colHeading elements followed by rows of col elements. Read finds every
// document in a file, whatever lies between them — log prefixes, time
// stamps, HTTP lines, SOAP envelopes — and reads documents written
//
//   - plainly (Plain), pretty-printed or on one line, with or without the "C"
//     namespace and with any namespace prefixes;
//   - escaped inside an XML element (XMLEscaped): a SOAP envelope's
//     processOCIMessage argument or processOCIMessageReturn;
//   - inside a Python bytes literal, b'<?xml …>…' (PythonBytes), which is
//     how Python OCI-P clients log what they send and receive.
//
// A response is paired with the request it answers (Command.Request) when
// the file holds both: a response document answers the latest unanswered
// request document of its session with as many commands of matching
// names. Responses that do not name what they describe — a tag list does
// not repeat its tag set's name, a device type's detail not its type —
// take that from the request, or for a lone response from Options.Name,
// the file's name; a name taken from the file name has a range naming
// the file without a position. Versioned names are read in every version
// ("UserGetResponse22V2", "…Response23V13", "…ResponseRI"; see Name).
//
// # What is returned
//
// File holds the documents and commands as read (every command, of any
// type, with its fields and tables through Element and Table, so that a
// response bwlint has no use for is still listed), and what the commands
// say, typed: tag sets and custom tags (package tagset, with their
// Scope), device types (package devicetype), releases, users (package
// users) and access devices, and Integrated IM&P settings. Each typed
// response notes what it contributed (Command.Contribution).
//
// An ErrorResponse is an input problem at its summary, naming the request
// it answers when the file shows it: an error for type Error, a warning
// for Warning and Info. A request carrying a password (a login, a password
// change) is a warning: the capture holds a credential.
//
// # Positions
//
// Positions follow package source: byte offsets into the decoded text
// (Decode transcodes ISO-8859-1 and other declared encodings, and UTF-16,
// to UTF-8), lines and columns from 1, columns in code points. A value's
// range covers its content between the tags as written in the file, and
// Value.Text is that content with references expanded; for an escaped
// document the range covers the escaped bytes, so that it still slices
// back to the value as it stands in the file.
//
// # Hostile input
//
// A file holding a DOCTYPE or an entity declaration, plain or escaped, is
// refused whole: OCI-P has none, and bwlint expands no entity but XML's
// own five. Limits (Limits, DefaultLimits) bound nesting depth, elements
// per file, attributes per element, and the length of names, attribute
// values and text, so that a hostile file fails with a problem instead of
// exhausting memory.
//
// # Secrets
//
// Elements whose names mark secrets (source.IsSecretName: passwords,
// credentials, keys …), everything inside them, session ids and the
// values of encrypted tags are listed in File.Secrets and flagged
// (Element.Secret, tagset.Tag.Secret, devicetype.Attr.Secret); no problem
// message quotes them, nor any tag value. Get responses never carry the
// Integrated IM&P provisioning password.
package ocip
