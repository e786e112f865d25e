rule "site_client_cert_auth" {
  title   = "client applications must authenticate with certificates"
  role    = "xsp"
  context = "system/communicationutility/defaultsettings/externalauthentication/certificateauthentication"
  key     = "ALLOWCLIENTAPP"
  equals  = "true"
}
