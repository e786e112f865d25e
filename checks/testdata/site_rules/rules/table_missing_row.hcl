rule "site_xsi_actions_option" {
  title   = "Xsi-Actions has its container option"
  role    = "xsp"
  context = "Maintenance/ContainerOptions"
  column  = "Option Value"
  row_key = "Option Name=bw.xsi.actions.enabled"
  equals  = "true"
}
