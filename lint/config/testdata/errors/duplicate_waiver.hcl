waiver "window" {
  check   = "as_required_patches"
  reason  = "patch in change CHG-1234"
  expires = "2027-01-31"
}

waiver "window" {
  check   = "as_imp_matches_template"
  reason  = "template is fixed in CHG-1240"
  expires = "2027-01-31"
}
