rule "site_user_app_captured" {
  title   = "allowUserApp is set explicitly"
  role    = "xsp"
  context = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key     = "allowUserApp"
  present = true
}
