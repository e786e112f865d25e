rule "site_option_owner" {
  title   = "options have an owner"
  role    = "xsp"
  context = "Maintenance/ContainerOptions"
  column  = "Owner"
  row_key = "Option Name=bw.authservice.authServiceUrl"
  present = true
}
