# "xsi" occurs in com.broadsoft.xsi-events, but the pattern must match
# the whole value, so every host fails.
rule "site_event_app_name" {
  title   = "Xsi-Events application name is just xsi"
  role    = "xsp"
  context = "Applications/Xsi-Events/GeneralSettings"
  key     = "callControlApplicationName"
  matches = "xsi"
}
