rule "site_client_cert_auth" {
  role   = "xsp"
  key    = "allowClientApp"
  equals = "true"
}
