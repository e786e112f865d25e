rule "site_client_cert_auth" {
  title             = "client apps use certificates"
  security_severity = "high"
  role              = "xsp"
  context           = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key               = "allowClientApp"
  equals            = "true"
}

rule "site_user_cert_auth" {
  title             = "user apps do not use certificates"
  security_severity = 11
  role              = "xsp"
  context           = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key               = "allowUserApp"
  equals            = "false"
}
