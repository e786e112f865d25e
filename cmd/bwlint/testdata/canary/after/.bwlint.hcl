# Site rules whose expected values are secrets.
rule "site_prov_password" {
  title   = "the provisioning password is the site's"
  role    = "as"
  context = "Interface/Messaging"
  key     = "provisioningPassword"
  equals  = "Cnry25a"
  fix     = "Set the site's provisioning password."
}

rule "site_container_password" {
  title   = "the container password is the site's"
  role    = "as"
  context = "Maintenance/ContainerOptions"
  column  = "Option Value"
  row_key = ["Container Name=provisioning", "Option Name=bw.imp.provisioningPassword"]
  one_of  = ["Cnry26a", "Cnry26x"]
  fix     = "Set the site's container password."
}

rule "site_prov_url" {
  title   = "the provisioning URL is the site's"
  role    = "as"
  context = "Interface/Messaging"
  key     = "provisioningUrl"
  equals  = "https://prov:Cnry27a@bridge.example.net/p"
  fix     = "Set the site's provisioning URL."
}
