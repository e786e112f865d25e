waiver "as2-patch-window" {
  check   = "as_required_patches"
  reason  = "patch in change CHG-1234"
  expires = "31/01/2027"
}
