package checks

import "github.com/bwlint/bwlint/lint"

// All returns the built-in checks sorted by name. Adding a check means one
// file in this package, one line here and one folder under testdata/.
func All() []*lint.Check {
	return []*lint.Check{
		asIMPMatchesTemplate,
		asRequiredPatches,
		evidenceConflict,
		pslogProvisioning,
		templateFlags,
		templateOrgNameCollision,
		usersEmailValidUnique,
		usersPrimaryNumber,
		xspAuthserviceKeysMatch,
		xspCertificateAuthFlags,
	}
}
