// Package wms reads the Cisco WebEx Meetings Server evidence of a
// snapshot: the user import files an administrator uploads (wms/users/*).
package wms
