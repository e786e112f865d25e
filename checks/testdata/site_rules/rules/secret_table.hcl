# The row names a password, printed in clear by this CLI: findings must
# not show it, nor the value the rule expects.
rule "site_keystore_password_consistent" {
  title             = "all XSPs share the keystore password"
  role              = "xsp"
  context           = "Maintenance/ContainerOptions"
  column            = "Option Value"
  row_key           = "Option Name=bw.authservice.keystorePassword"
  same_on_all_hosts = true
}

rule "site_keystore_password_changed" {
  title   = "the keystore password is not the default"
  role    = "xsp"
  context = "Maintenance/ContainerOptions"
  column  = "Option Value"
  row_key = "Option Name=bw.authservice.keystorePassword"
  matches = "s3cr3t-.*"
}
