waiver "as2-patch-window" {
  check   = "as_required_patch"
  reason  = "patch in change CHG-1234"
  expires = "2027-01-31"
}
