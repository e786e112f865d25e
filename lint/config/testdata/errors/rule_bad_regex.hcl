rule "site_event_app_name" {
  title   = "Xsi-Events has the standard application name"
  role    = "xsp"
  context = "Applications/Xsi-Events/GeneralSettings"
  key     = "callControlApplicationName"
  matches = "com\\.broadsoft\\.(xsi-events"
}
