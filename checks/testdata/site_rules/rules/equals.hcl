rule "site_client_cert_auth" {
  title    = "client applications must authenticate with certificates"
  role     = "xsp"
  context = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key      = "allowClientApp"
  equals   = "true"
}
