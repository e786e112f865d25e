rule "site_event_app_name" {
  title   = "Xsi-Events application names are in the broadsoft namespace"
  role    = "xsp"
  context = "Applications/Xsi-Events/GeneralSettings"
  key     = "callControlApplicationName"
  matches = "com\\.broadsoft\\.[a-z-]+"
}
