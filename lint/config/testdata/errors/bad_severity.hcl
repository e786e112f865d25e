check "xsp_certificate_auth_flags" {
  severity = "critical"
}
