rule "site_client_cert_auth" {
  title   = "client apps use certificates"
  role    = "xsp"
  context = "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key     = "allowClientApp"
  equals  = "true"
}
