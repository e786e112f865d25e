package redact

import (
	"strings"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/inputs/source"
)

// personalWMSColumns are the columns of a Meetings Server user import file
// that hold personal data, in upper case as wms.Columns names them.
var personalWMSColumns = map[string]bool{"USERID": true, "FIRSTNAME": true, "LASTNAME": true, "EMAIL": true}

// personalSAMLAttributes are the SAML attribute names, lower-cased, whose
// values are personal data: the ones Meetings Server maps to an account
// and the usual directory names an identity provider sends beside them.
var personalSAMLAttributes = map[string]bool{
	"firstname": true, "lastname": true, "email": true, "saml_subject": true, "name_id": true,
	"displayname": true, "givenname": true, "surname": true, "sn": true, "mail": true, "uid": true,
	"upn": true, "phone": true, "mobile": true, "telephonenumber": true,
}

// personalWMS returns the personal data of the snapshot's Meetings Server
// evidence whose file is path, or of every file when path is "": the
// personal columns of the user import files, and the NameIDs and
// personal attribute values of the SAML captures.
func personalWMS(snap *inputs.Snapshot, path string) []source.Value {
	var out []source.Value
	for _, u := range snap.WMS.Users {
		if path != "" && u.Path != path {
			continue
		}
		var cols []int
		for i, h := range u.Header {
			if personalWMSColumns[strings.ToUpper(strings.TrimSpace(h.Text))] {
				cols = append(cols, i)
			}
		}
		for _, r := range u.Rows {
			for _, i := range cols {
				if i < len(r.Cells) {
					out = append(out, r.Cells[i])
				}
			}
		}
	}
	for _, m := range snap.WMS.SSO {
		if path != "" && m.Path != path {
			continue
		}
		for _, a := range m.Assertions {
			if !a.NameID.Value.Secret {
				out = append(out, a.NameID.Value.Value)
			}
			for _, at := range a.Attributes {
				if !personalSAMLAttributes[strings.ToLower(at.Name.Text)] && !personalSAMLAttributes[strings.ToLower(at.FriendlyName.Text)] {
					continue
				}
				for _, v := range at.Values {
					if !v.Secret {
						out = append(out, v.Value)
					}
				}
			}
		}
	}
	return out
}
