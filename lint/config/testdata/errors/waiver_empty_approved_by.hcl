waiver "as2-patch-window" {
  check       = "as_required_patches"
  reason      = "patch in change CHG-1234"
  approved_by = "  "
  expires     = "2027-01-31"
}
