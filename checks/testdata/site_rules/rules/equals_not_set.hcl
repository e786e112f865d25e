rule "site_user_app_off" {
  title    = "user applications must not authenticate with certificates"
  severity = "error"
  role     = "xsp"
  context = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key      = "allowUserApp"
  equals   = "false"
}
