rule "site_client_cert_auth" {
  title   = "client apps use certificates"
  role    = "adp"
  context = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key     = "allowClientApp"
  equals  = "true"
}
