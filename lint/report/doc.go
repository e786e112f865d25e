// Package report renders a lint.Result in the formats bwlint offers. A
// reporter only renders: it never computes findings. Every format is
// deterministic for a given Result and never prints a secret value.
package report
