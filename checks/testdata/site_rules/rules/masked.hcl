rule "site_provisioning_password" {
  title   = "the provisioning password is the agreed one"
  role    = "as"
  context = "Interface/Messaging"
  key     = "provisioningPassword"
  equals  = "hunter2"
}
