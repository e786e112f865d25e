rule "site_event_app_name_consistent" {
  title             = "all XSPs use one Xsi-Events application name"
  role              = "xsp"
  context = "Applications/Xsi-Events/GeneralSettings"
  key               = "callControlApplicationName"
  same_on_all_hosts = true
}
