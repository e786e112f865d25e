rule "site_event_app_name" {
  title             = "Xsi-Events application name is the same everywhere"
  role              = "xsp"
  context           = "Applications/Xsi-Events/GeneralSettings"
  key               = "callControlApplicationName"
  same_on_all_hosts = false
}
