check "as_required_patches" {
  patches = "AP.as.24.0.944.ap384177"
}
