waiver "as2-patch-window" {
  check   = "as_required_patches"
  reason  = ""
  expires = "2027-01-31"
}
