host "xsp2" {
  not_applicable = ["xsp_certificate_auth_flag"]
}
