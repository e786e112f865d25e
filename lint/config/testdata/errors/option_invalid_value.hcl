check "as_required_patches" {
  applied_states = []
}
