check "as_required_patches" {
  severty = "note"
}
