package source

import "testing"

func TestRedactText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"readCommunity: s3cret", "readCommunity: (secret, not shown)"},
		{"set provisioningPassword S3cret more", "set provisioningPassword (secret, not shown)"},
		{"  h1  s3cretcomm  extra", "  h1  s3cretcomm  extra"}, // no secret name: nothing to go by
		{"provisioning  bw.imp.adminPassword  OLDPW", "provisioning  bw.imp.adminPassword  (secret, not shown)"},
		{"password =", "password ="},
		{"tokenDurationInHours = 336", "tokenDurationInHours = 336"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := RedactText(tt.in); got != tt.want {
			t.Errorf("RedactText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
