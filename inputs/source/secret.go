package source

import (
	"strings"
	"unicode"
)

// Redacted replaces a secret wherever bwlint would otherwise print it.
const Redacted = "(secret, not shown)"

// IsSecretName reports whether an attribute, column, field or tag name
// holds a secret. BroadWorks masks passwords as "********" but prints some
// secrets in clear (SNMP communities, for one), so output is redacted by
// name as well as by mask. Names that merely mention a secret
// ("tokenDurationInHours", "tokenIssuer") are not secrets; names that end
// in one are. Only letters and digits count, so that "%XSI_API_KEY%",
// "api-key:" and "provisioning Password" read as the names they are.
func IsSecretName(name string) bool {
	n := normalName(name)
	if n == "" {
		return false
	}
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

// normalName lower-cases name and keeps only its letters and digits.
func normalName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Reveal returns the text to show for a value read under name: Redacted
// when the name or the value marks it as secret, else the value with the
// password of any URL in it masked.
func Reveal(name, value string) string {
	if IsSecretName(name) || IsMasked(value) {
		return Redacted
	}
	return MaskSpans(value, URLSecrets(value))
}

// RedactText returns a line of free text fit to quote: everything after
// the first word that names a secret, masked tokens and the passwords of
// URLs replaced by Redacted ("readCommunity: s3cret" becomes
// "readCommunity: (secret, not shown)"). It is for text bwlint did not
// understand and quotes in problem messages, where no structure says
// which part is the value, and errs on the side of hiding.
func RedactText(s string) string { return MaskSpans(s, ProseSecrets(s)) }
