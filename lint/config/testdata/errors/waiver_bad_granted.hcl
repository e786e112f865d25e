waiver "as2-patch-window" {
  check   = "as_required_patches"
  reason  = "patch in change CHG-1234"
  granted = "1 Nov 2026"
  expires = "2027-01-31"
}
