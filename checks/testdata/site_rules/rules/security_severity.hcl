rule "site_client_cert_auth" {
  title             = "client applications must authenticate with certificates"
  severity          = "error"
  security_severity = "8.1"
  role              = "xsp"
  context           = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key               = "allowClientApp"
  equals            = "true"
}

rule "site_user_cert_auth" {
  title             = "user applications must not authenticate with certificates"
  security_severity = 5
  role              = "xsp"
  context           = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key               = "allowUserApp"
  equals            = "false"
}
