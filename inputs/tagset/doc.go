// Package tagset reads device-management tag sets captured as
// devicemgmt/tagsets/<tag set name>.tsv.
//
// A tag set (System > Resources > Device Management > Tag Sets) holds the
// custom tags, such as %SBC_ADDRESS_WXT%, that BroadWorks substitutes into
// device configuration files like config-wxt.xml. The capture is the
// tagsTable of SystemDeviceManagementTagGetListRequest saved as text: a
// header row
//
//	Tag Name<TAB>Tag Value<TAB>Is Overridable
//
// (header names compared case-insensitively, in any order, with an optional
// "Is Encrypted" column as XS data mode adds), then one tag per row.
//
// A header line without a tab marks a comma-separated file, as spreadsheet
// exports produce. Fields may be quoted either way, CSV style: a field that
// starts with '"' (after spaces) ends at the next lone '"', and "" inside
// it stands for one quote. A quoted field cannot span lines, so a stray
// quote spoils one row, not the rest of the file. Blank lines, and lines
// holding only separators, are skipped.
//
// Tag names and the true/false columns are read without surrounding
// spaces; tag values are kept exactly as captured, spaces included, since a
// stray space in a URL or address is itself worth reporting. Values of tags
// marked Is Encrypted keep their text for comparison, but Tag.Secret tells
// reporters never to show them, and no problem message quotes a tag value.
package tagset
