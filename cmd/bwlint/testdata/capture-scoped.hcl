# Only the XSP checks run, and xsp2 serves the lab with its own key pair:
# the capture plan leaves out the AS captures and the key digest of xsp2.
lint {
  checks = ["xsp_*"]
}

check "xsp_authservice_keys_match" {
  not_applicable = ["xsp2"]
}
