rule "site_user_app_unset" {
  title   = "allowUserApp is left to its default"
  role    = "xsp"
  context = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key     = "allowUserApp"
  present = false
}
