check "as_imp_matches_template" {
  template = "smb-standard-eu"
}
