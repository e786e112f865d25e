check "xsp_authservice_keys_match" {
  not_applicable = "xsp2"
}
