# xsp2 serves the lab and does not share the production key pair.
check "xsp_authservice_keys_match" {
  not_applicable = ["xsp2"]
}
