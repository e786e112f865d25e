waiver "as2-patch-window" {
  check   = "as_required_patches"
  hosts   = ["as2"]
  expires = "2027-01-31"
}
