host "xsp3" {
  not_applicable = ["xsp_authservice_keys_match"]
}
