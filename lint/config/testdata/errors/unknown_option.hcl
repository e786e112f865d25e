check "as_required_patches" {
  patchs = {
    "24.0" = ["AP.as.24.0.944.ap384177"]
  }
}
