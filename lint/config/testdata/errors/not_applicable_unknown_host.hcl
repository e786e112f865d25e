check "xsp_certificate_auth_flags" {
  not_applicable = ["xsp3"]
}
