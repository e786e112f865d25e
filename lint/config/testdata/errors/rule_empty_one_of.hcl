rule "site_event_app_name" {
  title   = "Xsi-Events application name is a standard one"
  role    = "xsp"
  context = "Applications/Xsi-Events/GeneralSettings"
  key     = "callControlApplicationName"
  one_of  = []
}
