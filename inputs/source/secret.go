package source

import "strings"

// Redacted replaces a secret wherever bwlint would otherwise print it.
const Redacted = "(secret, not shown)"

// IsSecretName reports whether an attribute, column or field name holds a
// secret. BroadWorks masks passwords as "********" but prints some secrets
// in clear (SNMP communities, for one), so output is redacted by name as
// well as by mask. Names that merely mention a secret ("tokenDurationInHours",
// "tokenIssuer") are not secrets; names that end in one are.
func IsSecretName(name string) bool {
	n := strings.ToLower(strings.Join(strings.Fields(name), ""))
	for _, part := range []string{"password", "passwd", "passphrase", "community", "secret", "credential"} {
		if strings.Contains(n, part) {
			return true
		}
	}
	for _, suffix := range []string{"token", "key", "apikey", "privatekey", "accountkey"} {
		if strings.HasSuffix(n, suffix) {
			return true
		}
	}
	return false
}

// Reveal returns the text to show for a value read under name: the value
// itself, or Redacted when the name or the value marks it as secret.
func Reveal(name, value string) string {
	if IsSecretName(name) || IsMasked(value) {
		return Redacted
	}
	return value
}

// RedactText returns a line of free text with everything after the first
// word that names a secret replaced by Redacted: "readCommunity: s3cret"
// becomes "readCommunity: (secret, not shown)". It is for text bwlint did
// not understand and quotes in problem messages, where no structure says
// which part is the value, and errs on the side of hiding. (Source text
// shown in snippets is redacted span by span, with the model's help, by
// package inputs/redact.)
func RedactText(s string) string {
	for i := 0; i < len(s); {
		for i < len(s) && isWordSeparator(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isWordSeparator(s[j]) {
			j++
		}
		if j > i && IsSecretName(s[i:j]) {
			value := strings.TrimLeft(s[j:], " \t:=")
			if value == "" {
				return s
			}
			return s[:len(s)-len(value)] + Redacted
		}
		i = j
	}
	return s
}

func isWordSeparator(b byte) bool { return b == ' ' || b == '\t' || b == '=' || b == ':' || b == ',' }
