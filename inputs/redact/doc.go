// Package redact decides which bytes of a snapshot's files are secret,
// once, for every output that shows source text: the snippets of the
// text and SARIF reports, the hunks of a review, and the command lines,
// values and free text that "bwlint parse" prints. A value a check
// withholds must not come back through a snippet of the line it stands
// on.
//
// A secret is found two ways, and either is enough:
//
//   - from the model: the value of an attribute, Partner Hub field or
//     table cell whose name is a secret (source.IsSecretName), a value
//     BroadWorks printed masked ("********"), every other cell of a table
//     row that names a secret ("bw.imp.provisioningPassword | S3cret"),
//     an encrypted tag, and the argument that follows a secret name in a
//     typed set or add command ("set provisioningPassword S3cret");
//   - from the text, with the one tokenizer of package source: on a line
//     a parser understood, source.TextSecrets ("name = value" with a
//     secret name, set and add commands after a prompt, masked tokens,
//     passwords in URLs); on a line no parser understood — prose, help
//     text, a line of a file that could not be parsed — source.ProseSecrets,
//     which hides everything after a word that names a secret. A line
//     inside a table with a secret column that did not fit as a row is
//     hidden whole, since which part lies under that column is unknown.
//
// Masking is deliberately generous: a value wrongly hidden costs a
// snippet, a value wrongly shown costs a password.
package redact
