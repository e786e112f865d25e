lint {
  checks = ["all", "-xsp_certificate_auth_flag"]
}
