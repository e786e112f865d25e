rule "site_event_app_name" {
  title   = "Xsi-Events uses a standard application name"
  role    = "xsp"
  context = "Applications/Xsi-Events/GeneralSettings"
  key     = "callControlApplicationName"
  one_of  = ["com.broadsoft.xsi-events", "com.broadsoft.xsi-events-v2"]
}
