check "as_required_patches" {
  severity = "warning"
}

check "as_required_patches" {
  enabled = false
}
