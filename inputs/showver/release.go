package showver

import "strings"

// Release is a BroadWorks release reduced to what decides behaviour: the
// major release, not the build.
type Release struct {
	// Major is "24.0", "22.0", "21.sp1" or, for release-independent
	// builds, "2022.11". A release written without a minor part ("R24",
	// "23") gets ".0", so equal releases compare equal as strings.
	Major string
	// Independent marks the year.month builds (Rel_2022.11_...) of
	// release-independent BroadWorks, which have no numbered release.
	Independent bool
}

// ParseRelease reads a release as bwshowver prints it ("Rel_24.0_1.944")
// or as people write it ("24.0_1.944", "24.0", "23", "R24", "R21SP1",
// "21.sp1_1.551", "2023.03_1.411"). A first number of four digits is a
// year: the release is release-independent. ok is false for anything else.
func ParseRelease(s string) (r Release, ok bool) {
	rest := s
	switch {
	case len(rest) >= 4 && strings.EqualFold(rest[:4], "Rel_"):
		rest = rest[4:]
	case len(rest) >= 1 && (rest[0] == 'R' || rest[0] == 'r'):
		rest = rest[1:]
	}
	major, rest := leadingDigits(rest)
	switch len(major) {
	case 1, 2:
	case 4:
		r.Independent = true
	default:
		return Release{}, false
	}
	var minor string
	switch {
	case hasSP(rest):
		// "21sp1" and "21SP1" are spelled "21.sp1" in release names.
		minor, rest = leadingDigits(rest[2:])
		if minor == "" {
			return Release{}, false
		}
		minor = "sp" + minor
	case strings.HasPrefix(rest, "."):
		rest = rest[1:]
		if hasSP(rest) {
			minor, rest = leadingDigits(rest[2:])
			if minor == "" {
				return Release{}, false
			}
			minor = "sp" + minor
		} else if minor, rest = leadingDigits(rest); minor == "" {
			return Release{}, false
		}
	case r.Independent:
		// A bare year names no release.
		return Release{}, false
	default:
		minor = "0"
	}
	if r.Independent && strings.HasPrefix(minor, "sp") {
		return Release{}, false
	}
	// An optional build such as "_1.944" follows.
	if strings.HasPrefix(rest, "_") {
		var a, b string
		a, rest = leadingDigits(rest[1:])
		if a == "" || !strings.HasPrefix(rest, ".") {
			return Release{}, false
		}
		if b, rest = leadingDigits(rest[1:]); b == "" {
			return Release{}, false
		}
	}
	if rest != "" {
		return Release{}, false
	}
	r.Major = major + "." + minor
	return r, true
}

func hasSP(s string) bool {
	return len(s) >= 2 && strings.EqualFold(s[:2], "sp")
}

// leadingDigits splits s after its leading ASCII digits.
func leadingDigits(s string) (digits, rest string) {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}
