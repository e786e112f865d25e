rule "ClientCertAuth" {
  title   = "client apps use certificates"
  role    = "xsp"
  context = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key     = "allowClientApp"
  equals  = "true"
}
