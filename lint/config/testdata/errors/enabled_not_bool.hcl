check "xsp_certificate_auth_flags" {
  enabled = "no"
}
