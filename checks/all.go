package checks

import (
	"cmp"
	"slices"

	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/config"
	"github.com/bwlint/bwlint/lint/judge"
)

// All returns the built-in checks of a snapshot, sorted by name. Adding a
// check means one file in this package, one line here and one folder
// under testdata/.
func All() []*lint.Check {
	return []*lint.Check{
		asDeviceUniqueSIPAddress,
		asIMPMatchesTemplate,
		asIMPURLIsFQDN,
		asRequiredPatches,
		asWebexDeviceTypes,
		dmCallSettingsWebviewTags,
		dmSBCAddressWXT,
		dmTagConflicts,
		dmTagNamesValid,
		evidenceConflict,
		pslogProvisioning,
		templateFlags,
		templateOrgNameCollision,
		usersEmailValidUnique,
		usersPrimaryNumber,
		wmsAutoAccountCreation,
		wmsSSOAttributeMapping,
		wmsTrackingCodeInput,
		wmsTrackingCodeUsage,
		wmsUserImportFile,
		xspAuthserviceKeysMatch,
		xspAuthserviceURL,
		xspCertificateAuthFlags,
		xspFarmDrift,
		xspIdentityProvider,
		xspTLSProtocols,
		xspTokenDuration,
		xspWebexClientCATrusted,
		xspXsiEventsAppName,
	}
}

// Policy returns the checks of the policy file itself, sorted by name:
// they read its waiver blocks, not the snapshot. The policy selects them
// and sets their severity like any other check; the judging stage writes
// their findings.
func Policy() []*lint.Check {
	return []*lint.Check{
		configWaiverExpired,
		configWaiverUnused,
	}
}

// Builtin returns every check a policy file may name: All, then Policy.
func Builtin() []*lint.Check { return append(All(), Policy()...) }

// Catalog is what a policy file may refer to: the built-in checks, and
// the template its rule blocks instantiate.
func Catalog() config.Catalog { return config.Catalog{Checks: Builtin(), SiteRule: SiteRule} }

// Notes are the checks the judging stage reports with: the policy's, and
// the baseline's, which no policy selects (it reports only when a run is
// given a baseline).
func Notes() judge.Notes {
	return judge.Notes{
		WaiverExpired:       configWaiverExpired,
		WaiverUnused:        configWaiverUnused,
		BaselineEntryUnused: baselineEntryUnused,
	}
}

// Documented returns every check with a page under docs/checks/, sorted
// by name: the snapshot's, the policy's and the baseline's.
func Documented() []*lint.Check {
	out := append(Builtin(), baselineEntryUnused)
	slices.SortFunc(out, func(a, b *lint.Check) int { return cmp.Compare(a.Name, b.Name) })
	return out
}
