check "as_required_patch" {
  severity = "warning"
}
