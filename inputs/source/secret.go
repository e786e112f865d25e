package source

import (
	"bytes"
	"unicode"
	"unicode/utf8"
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
	var buf [64]byte
	n := normalName(buf[:0], name)
	if len(n) == 0 {
		return false
	}
	for _, part := range secretParts {
		if bytes.Contains(n, part) {
			return true
		}
	}
	for _, suffix := range secretSuffixes {
		if bytes.HasSuffix(n, suffix) {
			return true
		}
	}
	return false
}

var (
	// "passw" and "pasw" hold password, passwd, Passwort and the typos an
	// operator makes typing one at the CLI ("provisioningPasword"): the
	// CLI refuses the attribute, but the value typed is the password.
	secretParts    = [][]byte{[]byte("passw"), []byte("pasw"), []byte("pwd"), []byte("passphrase"), []byte("community"), []byte("secret"), []byte("credential")}
	secretSuffixes = [][]byte{[]byte("token"), []byte("key")}
)

// normalName appends to b the letters and digits of name, lower-cased.
// It is called for every word of every line that is redacted, so a name
// that fits in b costs no allocation.
func normalName(b []byte, name string) []byte {
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(name[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			i += size - 1
		}
	}
	return b
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
