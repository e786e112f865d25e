rule "site_provisioning_option" {
  title   = "flow-through provisioning uses the provisioning URL"
  role    = "as"
  context = "Maintenance/ContainerOptions"
  column  = "Option Value"
  equals  = "true"
}
