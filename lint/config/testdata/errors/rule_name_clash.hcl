rule "xsp_certificate_auth_flags" {
  title   = "client apps use certificates"
  role    = "xsp"
  context = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key     = "allowClientApp"
  equals  = "true"
}
